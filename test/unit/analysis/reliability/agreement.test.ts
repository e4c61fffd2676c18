import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgreementError,
  cohenKappa,
  computeAgreement,
  fleissKappa,
  krippendorffAlphaNominal,
  listDisagreements,
  percentAgreement,
  type AgreementOptions,
  type AgreementUnit,
  type Label,
} from '../../../../shared/analysis/reliability';
import { segmentUnits } from '../../../../shared/analysis/units';
import type { ProjectBundle } from '../../../../shared/model';
import { makeBundle, type Spec } from './bundle';

const close = (actual: number | null, expected: number | null, digits = 9) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, digits);
};

describe('character level (NVivo coding comparison)', () => {
  const text = 'x'.repeat(100);
  const bundle = makeBundle({
    coders: ['Ann', 'Bob'],
    codes: ['Trust', 'Delay'],
    docs: [{ text }],
    codings: [
      [0, 0, 0, 0, 40],
      [1, 0, 0, 20, 60],
      [0, 1, 0, 90, 95], // Delay: only Ann
    ],
  });

  it('counts every character of the document, coded or not', () => {
    const r = computeAgreement(bundle, { unit: 'character' });
    const trust = r.codes.find((c) => c.code === 'Trust')!;
    // both 20, Ann only 20, Bob only 20, neither 40 (the uncoded 40 count too)
    close(trust.percentAgreement, 60);
    close(trust.kappa, cohenKappa([[20, 20], [20, 40]]));
    close(trust.kappa, 0.08 / 0.48);
    expect(trust.units).toBe(100);
    // Over coded characters only (the peer tool's error) agreement would be 20/60: not what we report.
    expect(trust.percentAgreement).not.toBeCloseTo(100 / 3, 3);
    const delay = r.codes.find((c) => c.code === 'Delay')!;
    close(delay.percentAgreement, 95);
    close(delay.kappa, 0); // Bob never applied it: pe = po
    close(r.overall.percentAgreement, (60 + 95) / 2);
    close(r.overall.kappa, cohenKappa([[20, 25], [20, 135]]));
    expect(r.coders.map((c) => c.name)).toEqual(['Ann', 'Bob']);
  });

  it('merges a coder’s own overlapping codings before comparing', () => {
    const b = makeBundle({ coders: ['A', 'B'], codes: ['c'], docs: [{ text }], codings: [[0, 0, 0, 0, 30], [0, 0, 0, 10, 40], [1, 0, 0, 0, 40]] });
    const r = computeAgreement(b, { unit: 'character' });
    close(r.codes[0]!.percentAgreement, 100);
    close(r.codes[0]!.kappa, 1);
    close(r.codes[0]!.alpha, 1);
  });

  it('pools documents by character; a coder with no codings in a document is uncoded there by default (missing on request)', () => {
    const b = makeBundle({
      coders: ['A', 'B'],
      codes: ['c'],
      docs: [{ text }, { text: 'y'.repeat(50) }],
      codings: [[0, 0, 0, 0, 50], [1, 0, 0, 0, 50], [0, 0, 1, 0, 10]],
    });
    const missing = computeAgreement(b, { unit: 'character', absentCoder: 'missing' });
    expect(missing.absent).toBe('missing');
    expect(missing.codes[0]!.units).toBe(100); // document 2: only A coded it
    close(missing.codes[0]!.percentAgreement, 100);
    const uncoded = computeAgreement(b, { unit: 'character' });
    expect(uncoded.absent).toBe('uncoded');
    expect(uncoded.codes[0]!.units).toBe(150);
    expect(uncoded.untouched).toEqual({ [b.coders[0]!.id]: 0, [b.coders[1]!.id]: 1 });
    expect(uncoded.documents).toBe(2);
    close(uncoded.codes[0]!.percentAgreement, (140 / 150) * 100);
    close(uncoded.codes[0]!.kappa, cohenKappa([[50, 10], [0, 90]]));
    const assigned = computeAgreement(b, { unit: 'character', absentCoder: 'missing', assignedDocumentIds: [b.documents[1]!.id] });
    close(assigned.codes[0]!.percentAgreement, (140 / 150) * 100);
    // per coder: document 2 assigned to B makes B's silence there "code absent"
    const perCoder = computeAgreement(b, { unit: 'character', absentCoder: 'missing', assignedTo: { [b.coders[1]!.id]: [b.documents[1]!.id] } });
    expect(perCoder.assigned).toBe(true);
    close(perCoder.codes[0]!.percentAgreement, (140 / 150) * 100);
    // assigned to A only (who coded it anyway): B stays missing there
    const toA = computeAgreement(b, { unit: 'character', absentCoder: 'missing', assignedTo: { [b.coders[0]!.id]: [b.documents[1]!.id] } });
    expect(toA.codes[0]!.units).toBe(100);
  });
});

describe('unit level', () => {
  it('reproduces Krippendorff’s (2011) binary example with responses as units', () => {
    // Krippendorff (2011) §A: A = 0100000010, B = 1110010000 → alpha 0.095; Cohen's kappa 0.091.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const codings: Spec['codings'] = [];
    a.forEach((v, d) => v && codings.push([0, 0, d, 0, 3]));
    b.forEach((v, d) => v && codings.push([1, 0, d, 1, 2]));
    const bundle = makeBundle({ coders: ['A', 'B'], codes: ['c'], docs: a.map(() => ({ text: 'abc' })), codings });
    const r = computeAgreement(bundle, { unit: 'response', assignedDocumentIds: bundle.documents.map((d) => d.id) });
    expect(r.codes[0]!.units).toBe(10);
    expect(r.codes[0]!.alpha!).toBeCloseTo(0.095, 3);
    expect(r.codes[0]!.kappa!).toBeCloseTo(0.091, 3);
    close(r.codes[0]!.percentAgreement, 60);
  });

  it('handles three coders with missing data (Fleiss over complete units)', () => {
    const text = 'One. Two. Three.';
    const bundle = makeBundle({
      coders: ['A', 'B', 'C'],
      codes: ['c', 'other'],
      docs: [{ text }, { text }],
      codings: [
        [0, 0, 0, 0, 4], [1, 0, 0, 0, 4], [2, 0, 0, 5, 9],
        [0, 0, 1, 0, 4], [1, 1, 1, 10, 16], // C never coded document 2: missing there
      ],
    });
    const r = computeAgreement(bundle, { unit: 'sentence', absentCoder: 'missing' });
    // sentences: doc 1 has A, B, C present; doc 2 has A and B.
    const data: Label[][] = [
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 0, 0, 0],
      [0, 1, 0, null, null, null],
    ];
    const c = r.codes.find((x) => x.code === 'c')!;
    close(c.alpha, krippendorffAlphaNominal(data));
    close(c.percentAgreement, percentAgreement(data));
    close(c.kappa, fleissKappa([[2, 1], [1, 2], [0, 3]]));
    expect(c.units).toBe(6);
  });
});

describe('disagreements', () => {
  it('lists where coders differ, who applied the code and who did not', () => {
    const bundle = makeBundle({
      coders: ['A', 'B'],
      codes: ['c'],
      docs: [{ text: 'First one. Second one. Third one.' }],
      codings: [[0, 0, 0, 0, 10], [1, 0, 0, 0, 5], [1, 0, 0, 11, 15]],
    });
    const [a, b] = bundle.coders.map((c) => c.id);
    const chars = listDisagreements(bundle, { unit: 'character' });
    expect(chars.map((d) => [d.start, d.end, d.appliedBy, d.notAppliedBy])).toEqual([
      [5, 10, [a], [b]],
      [11, 15, [b], [a]],
    ]);
    const sentences = listDisagreements(bundle, { unit: 'sentence' });
    expect(sentences.map((d) => [d.start, d.end, d.appliedBy])).toEqual([[11, 22, [b]]]);
    expect(sentences[0]!.code).toBe('c');
    expect(sentences[0]!.documentId).toBe(bundle.documents[0]!.id);
    expect(listDisagreements(bundle, { unit: 'character', limit: 1 })).toHaveLength(1);
  });
});

describe('options', () => {
  const bundle = makeBundle({ coders: ['A', 'B', 'C'], codes: ['c'], docs: [{ text: 'abc' }], codings: [[0, 0, 0, 0, 1], [1, 0, 0, 0, 2]] });
  it('defaults to coders with codings and rejects unknown ids or too few coders', () => {
    expect(computeAgreement(bundle, { unit: 'character' }).coders.map((c) => c.name)).toEqual(['A', 'B']);
    expect(() => computeAgreement(bundle, { unit: 'character', coderIds: ['nope'] })).toThrow(/unknown coder id: nope/);
    expect(() => computeAgreement(bundle, { unit: 'character', coderIds: [bundle.coders[0]!.id] })).toThrow(AgreementError);
    expect(() => computeAgreement(bundle, { unit: 'character', coderIds: [bundle.coders[0]!.id] })).toThrow(/at least two coders.*found 1 \(A\)/);
    expect(() => computeAgreement(bundle, { unit: 'word' as AgreementUnit })).toThrow(/unknown unit "word"/);
    expect(() => computeAgreement(bundle, { unit: 'character', documentIds: ['x'] })).toThrow(/unknown document id: x/);
  });
});

/* ---------- brute-force oracle: expand every character / unit into reliability data ---------- */

function oracle(bundle: ProjectBundle, opts: AgreementOptions) {
  const coders = opts.coderIds ?? bundle.coders.map((c) => c.id).filter((id) => bundle.codings.some((x) => x.coderId === id));
  const M = coders.length;
  const perCode = bundle.codes.map(() => coders.map(() => [] as Label[]));
  for (const doc of bundle.documents) {
    const present = coders.map(
      (j) =>
        (opts.absentCoder ?? 'uncoded') === 'uncoded' ||
        (opts.assignedTo?.[j] ?? []).includes(doc.id) ||
        bundle.codings.some((x) => x.coderId === j && x.documentId === doc.id),
    );
    if (present.filter(Boolean).length < 2) continue;
    const units =
      opts.unit === 'character'
        ? [...doc.text].map((_, i) => ({ start: i, end: i + 1 }))
        : segmentUnits(doc.text, opts.unit === 'response' ? (doc.kind === 'response' ? 'document' : 'paragraph') : opts.unit);
    bundle.codes.forEach((code, k) => {
      coders.forEach((j, ji) => {
        for (const u of units) {
          const applied = bundle.codings.some((x) => x.coderId === j && x.documentId === doc.id && x.codeId === code.id && x.start < u.end && x.end > u.start);
          perCode[k]![ji]!.push(present[ji] ? (applied ? 1 : 0) : null);
        }
      });
    });
  }
  const stats = (data: Label[][]) => {
    let kappa: number | null;
    if (M === 2) kappa = cohenKappa(data[0]!, data[1]!);
    else {
      const rows: number[][] = [];
      for (let u = 0; u < data[0]!.length; u++) {
        const col = data.map((r) => r[u]);
        if (col.some((v) => v === null)) continue;
        const ones = col.filter((v) => v === 1).length;
        rows.push([ones, M - ones]);
      }
      kappa = rows.length ? fleissKappa(rows) : null;
    }
    return { percentAgreement: percentAgreement(data), kappa, alpha: krippendorffAlphaNominal(data) };
  };
  const all = coders.map((_, ji) => perCode.flatMap((rows) => rows[ji]!));
  return { codes: perCode.map(stats), overall: stats(all) };
}

const words = ['Police', 'came.', 'They', 'listened', 'to', 'me!', 'Mr.', 'Smith', 'was', 'kind?', 'No.', '\n'];
const arbitrarySpec = fc
  .record({
    coders: fc.integer({ min: 2, max: 4 }),
    codes: fc.integer({ min: 1, max: 3 }),
    docs: fc.array(
      fc.record({ words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), kind: fc.constantFrom('response' as const, 'transcript' as const) }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .chain(({ coders, codes, docs }) => {
    const texts = docs.map((d) => ({ text: d.words.join(' '), kind: d.kind }));
    const coding = fc
      .tuple(fc.nat(coders - 1), fc.nat(codes - 1), fc.nat(texts.length - 1), fc.nat(1000), fc.nat(1000))
      .map(([j, k, d, a, b]): [number, number, number, number, number] => {
        const len = texts[d]!.text.length;
        const s = a % len;
        const e = s + 1 + (b % (len - s));
        return [j, k, d, s, e];
      });
    return fc.record({
      spec: fc.array(coding, { maxLength: 14 }).map((codings): Spec => ({
        coders: Array.from({ length: coders }, (_, i) => `Coder ${i + 1}`),
        codes: Array.from({ length: codes }, (_, i) => `Code ${i + 1}`),
        docs: texts,
        codings,
      })),
    });
  });

describe('agrees with a per-character / per-unit brute force (property)', () => {
  for (const unit of ['character', 'response', 'sentence', 'paragraph', 'document'] as const) {
    it(`unit ${unit}`, () => {
      fc.assert(
        fc.property(arbitrarySpec, fc.boolean(), fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 6 }), ({ spec }, uncoded, assignments) => {
          const bundle = makeBundle(spec);
          const coderIds = bundle.coders.map((c) => c.id);
          const assignedTo: Record<string, string[]> = {};
          for (const [j, d] of assignments) {
            if (j < coderIds.length && d < bundle.documents.length) (assignedTo[coderIds[j]!] ??= []).push(bundle.documents[d]!.id);
          }
          const opts: AgreementOptions = { unit, coderIds, absentCoder: uncoded ? 'uncoded' : 'missing', assignedTo };
          const expected = oracle(bundle, opts);
          const r = computeAgreement(bundle, opts);
          r.codes.forEach((c, k) => {
            close(c.percentAgreement, expected.codes[k]!.percentAgreement);
            close(c.kappa, expected.codes[k]!.kappa);
            close(c.alpha, expected.codes[k]!.alpha);
          });
          close(r.overall.percentAgreement, expected.overall.percentAgreement);
          close(r.overall.kappa, expected.overall.kappa);
          close(r.overall.alpha, expected.overall.alpha);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('copying a coder gives perfect agreement; swapping coders changes nothing', () => {
    fc.assert(
      fc.property(arbitrarySpec, ({ spec }) => {
        const copied = makeBundle({ ...spec, coders: ['A', 'B'], codings: spec.codings.flatMap(([, k, d, s, e]) => [[0, k, d, s, e], [1, k, d, s, e]] as Spec['codings']) });
        const r = computeAgreement(copied, { unit: 'character', coderIds: copied.coders.map((c) => c.id) });
        for (const c of r.codes) {
          if (c.units > 0) expect(c.percentAgreement).toBeCloseTo(100, 9);
          if (c.alpha !== null) expect(c.alpha).toBeCloseTo(1, 9);
          if (c.kappa !== null) expect(c.kappa).toBeCloseTo(1, 9);
        }
        const bundle = makeBundle(spec);
        const ids = bundle.coders.map((c) => c.id);
        for (const unit of ['character', 'sentence'] as const) {
          const fwd = computeAgreement(bundle, { unit, coderIds: ids });
          const back = computeAgreement(bundle, { unit, coderIds: [...ids].reverse() });
          fwd.codes.forEach((c, k) => {
            close(back.codes[k]!.kappa, c.kappa);
            close(back.codes[k]!.alpha, c.alpha);
            close(back.codes[k]!.percentAgreement, c.percentAgreement);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the order of documents and codings changes nothing', () => {
    fc.assert(
      fc.property(arbitrarySpec, ({ spec }) => {
        const bundle = makeBundle(spec);
        const shuffled = { ...bundle, documents: [...bundle.documents].reverse(), codings: [...bundle.codings].reverse() };
        const opts = { unit: 'character' as const, coderIds: bundle.coders.map((c) => c.id) };
        const a = computeAgreement(bundle, opts);
        const b = computeAgreement(shuffled, opts);
        a.codes.forEach((c, k) => {
          close(b.codes[k]!.alpha, c.alpha);
          close(b.codes[k]!.kappa, c.kappa);
        });
      }),
      { numRuns: 100 },
    );
  });
});
