/**
 * Strength of evidence: hand-counted cases (participants, documents, kinds of source, agreement),
 * the rating rules, agreement with the triangulation table, and monotonicity properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evidenceStrength, findingCodeIds, STRENGTH_RATINGS, type StrengthRating } from '../../../shared/findings/strength';
import { computeAgreement } from '../../../shared/analysis/reliability';
import { prepareIndex, triangulation } from '../../../shared/analysis';
import { bundleOf, CODER_A, CODER_B, OTHER, SUB, THEME, type Voice } from './fixture';

describe('evidenceStrength: hand-counted cases', () => {
  it('counts participants (a document without one counts as its own voice), documents and kinds through subcategories', () => {
    // p1 survey (SUB), p2 survey (THEME, twice), partner report with no participant (THEME), p4 interview (OTHER: not this finding)
    const b = bundleOf([{ kind: 'survey' }, { kind: 'survey' }, { kind: 'partner', participant: false }, { kind: 'interview' }], [
      { doc: 0, code: SUB },
      { doc: 1, code: THEME },
      { doc: 1, code: THEME, start: 20, end: 30 },
      { doc: 2, code: THEME },
      { doc: 3, code: OTHER },
    ]);
    const s = evidenceStrength(b, { codeIds: [THEME] });
    expect(s).toMatchObject({ codes: 2, segments: 4, participants: 3, documents: 3, sourceKinds: ['survey', 'partner'], projectKinds: 3, corroboration: 'corroborated', agreement: null, rating: 'limited' });
    expect(s.reasons).toEqual([
      '3 participants in 3 documents (4 coded segments under 2 codes, subcategories included).',
      'It appears in 2 kinds of source (survey and partner), so it is corroborated.',
      'Only one coder coded it, so agreement between coders was not measured.',
      'Limited: fewer than 5 participants.',
    ]);
    // the subcategory alone: one participant
    expect(evidenceStrength(b, { codeIds: [SUB] })).toMatchObject({ participants: 1, rating: 'single-source' });
    expect(evidenceStrength(b, { codeIds: [] })).toMatchObject({ participants: 0, rating: 'no evidence', reasons: ['It is not linked to any code yet.', 'No evidence: nothing coded supports it yet.'] });
  });

  it('rates 10 participants in two kinds strong, in one kind moderate, 5–9 in two kinds moderate', () => {
    const voices = (survey: number, interview: number): Voice[] => [...Array<Voice>(survey).fill({ kind: 'survey' }), ...Array<Voice>(interview).fill({ kind: 'interview' })];
    const all = (n: number) => Array.from({ length: n }, (_, doc) => ({ doc, code: THEME }));
    expect(evidenceStrength(bundleOf(voices(8, 2), all(10)), { codeIds: [THEME] }).rating).toBe('strong');
    const one = evidenceStrength(bundleOf(voices(10, 1), all(10)), { codeIds: [THEME] });
    expect(one.rating).toBe('moderate');
    expect(one.reasons.at(-1)).toBe('Moderate: at least 5 participants, but one kind of source.');
    expect(one.reasons[1]).toBe('It appears in one kind of source only (survey) of the project’s 2, so it is not corroborated.');
    expect(evidenceStrength(bundleOf(voices(4, 1), all(5)), { codeIds: [THEME] }).rating).toBe('moderate');
    const few = evidenceStrength(bundleOf(voices(6, 0), all(6)), { codeIds: [THEME] });
    expect(few.rating).toBe('limited');
    expect(few.reasons.at(-1)).toBe('Limited: one kind of source and fewer than 10 participants.');
  });

  it('measures agreement where two coders coded it (pooled over its codes) and lets poor agreement lower the rating', () => {
    const voices: Voice[] = [...Array<Voice>(8).fill({ kind: 'survey' }), { kind: 'interview' }, { kind: 'interview' }];
    const codings = voices.map((_, doc) => ({ doc, code: THEME }));
    // Sam codes document 0 at 20–30 where Alex coded 0–10 (52 characters).
    // Pooled over THEME and SUB: THEME a(yes,yes)=0 b=10 c=10 d=32; SUB d=52 → n=104, po=84/104,
    // pA=pB=10/104, pe=(10²+94²)/104², kappa=(po−pe)/(1−pe) = (84·104 − 8936)/(104² − 8936) = −200/1880.
    const b = bundleOf(voices, [...codings, { doc: 0, code: THEME, coder: CODER_B, start: 20, end: 30 }]);
    const s = evidenceStrength(b, { codeIds: [THEME] });
    expect(s.agreement!.documents).toBe(1);
    expect(s.agreement!.kappa).toBeCloseTo(-200 / 1880, 10);
    expect(s.rating).toBe('limited');
    expect(s.reasons[2]).toBe(`2 coders coded it; on the 1 document they both coded, Cohen’s kappa was ${(-200 / 1880).toFixed(2)} (poor agreement), Krippendorff’s alpha ${s.agreement!.alpha!.toFixed(2)}.`);
    expect(s.reasons.at(-1)).toBe('Limited: agreement below 0.4.');
    // the same span by both coders: perfect agreement, the rating stays strong
    const same = bundleOf(voices, [...codings, { doc: 0, code: THEME, coder: CODER_B }]);
    const t = evidenceStrength(same, { codeIds: [THEME] });
    expect(t.agreement!.kappa).toBe(1);
    expect(t.rating).toBe('strong');
  });

  it('gives the same kinds of source as the triangulation table for a theme', () => {
    const b = bundleOf([{ kind: 'survey' }, { kind: 'interview' }, { kind: 'partner', participant: false }, { kind: 'survey' }], [
      { doc: 0, code: SUB },
      { doc: 2, code: THEME },
      { doc: 3, code: OTHER },
    ]);
    const table = triangulation(prepareIndex(b));
    for (const theme of [THEME, OTHER]) {
      const row = table.rows.find((r) => r.codeId === theme)!;
      const s = evidenceStrength(b, { codeIds: [theme] });
      expect(s.sourceKinds.length).toBe(row.kinds);
      expect(s.corroboration).toBe(row.status);
    }
  });
});

const rank = (r: StrengthRating) => STRENGTH_RATINGS.length - STRENGTH_RATINGS.indexOf(r);

describe('evidenceStrength: properties', () => {
  const arbProject = fc.array(fc.record({ kind: fc.constantFrom<Voice['kind']>('survey', 'interview', 'partner'), participant: fc.boolean(), code: fc.constantFrom(THEME, SUB, OTHER) }), { minLength: 1, maxLength: 25 });

  it('adding a new participant’s coding never lowers participants, documents, kinds or (one coder) the rating', () => {
    fc.assert(
      fc.property(arbProject, fc.constantFrom<Voice['kind']>('survey', 'interview', 'partner'), fc.constantFrom(THEME, SUB), (rows, kind, code) => {
        const voices = rows.map(({ kind: k, participant }) => ({ kind: k, participant }));
        const codings = rows.map((r, doc) => ({ doc, code: r.code }));
        const before = evidenceStrength(bundleOf(voices, codings), { codeIds: [THEME] });
        const after = evidenceStrength(bundleOf([...voices, { kind }], [...codings, { doc: voices.length, code }]), { codeIds: [THEME] });
        expect(after.participants).toBe(before.participants + 1);
        expect(after.documents).toBe(before.documents + 1);
        expect(after.sourceKinds.length).toBeGreaterThanOrEqual(before.sourceKinds.length);
        expect(rank(after.rating)).toBeGreaterThanOrEqual(rank(before.rating));
      }),
    );
  });

  it('measures agreement as the whole project gives it, for every finding of one project (the documents both coded found once)', () => {
    const coding = fc.record({ doc: fc.nat(11), code: fc.constantFrom(THEME, SUB, OTHER), coder: fc.constantFrom(CODER_A, CODER_B, 'unnamed-coder'), start: fc.nat(60), len: fc.nat(30) });
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Voice['kind']>('survey', 'interview', 'partner'), { minLength: 12, maxLength: 12 }), fc.array(coding, { maxLength: 40 }), (kinds, raw) => {
        const b = bundleOf(kinds.map((kind) => ({ kind })), raw.map((c) => ({ doc: c.doc, code: c.code, coder: c.coder, start: c.start, end: c.start + c.len })));
        // several findings of one project: the later ones reuse what the first made
        for (const codeIds of [[THEME], [SUB], [OTHER], [THEME, OTHER], [SUB, OTHER]]) {
          const got = evidenceStrength(b, { codeIds });
          // the reference: the whole project, as each finding read it before
          const codes = findingCodeIds(b.codes, codeIds);
          const mine = b.codings.filter((c) => codes.has(c.codeId));
          const coderIds = [...b.coders.map((c) => c.id).filter((id) => mine.some((c) => c.coderId === id)), ...new Set(mine.map((c) => c.coderId).filter((id) => !b.coders.some((x) => x.id === id)))];
          if (coderIds.length < 2) {
            expect(got.agreement).toBeNull();
            continue;
          }
          const docsOf = (id: string) => new Set(b.codings.filter((c) => c.coderId === id).map((c) => c.documentId));
          const count = new Map<string, number>();
          for (const id of coderIds) for (const d of docsOf(id)) count.set(d, (count.get(d) ?? 0) + 1);
          const shared = [...count].filter(([, n]) => n >= 2).map(([d]) => d);
          if (shared.length === 0) {
            expect(got.agreement).toEqual({ coderIds, documents: 0, kappa: null, alpha: null, percentAgreement: null });
            continue;
          }
          const want = computeAgreement(b, { unit: 'character', codeIds: [...codes], coderIds, documentIds: shared, absentCoder: 'missing' }).overall;
          expect(got.agreement).toEqual({ coderIds, documents: shared.length, kappa: want.kappa, alpha: want.alpha, percentAgreement: want.percentAgreement });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('linking a further code never lowers the participants or documents; the last reason always names the rating', () => {
    fc.assert(
      fc.property(arbProject, (rows) => {
        const b = bundleOf(rows, rows.map((r, doc) => ({ doc, code: r.code })));
        const one = evidenceStrength(b, { codeIds: [SUB] });
        const two = evidenceStrength(b, { codeIds: [SUB, OTHER] });
        expect(two.participants).toBeGreaterThanOrEqual(one.participants);
        expect(two.documents).toBeGreaterThanOrEqual(one.documents);
        for (const s of [one, two]) expect(s.reasons.at(-1)!.toLowerCase().startsWith(s.rating.replace('-', ' ').split(' ')[0]!)).toBe(true);
      }),
    );
  });
});
