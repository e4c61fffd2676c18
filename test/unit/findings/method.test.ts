/** The method path: the project's figures counted by hand, and the method statement's sentences. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METHOD_CHECK_IDS, METHOD_PHASES, methodStatement, projectFigures, type ProjectFigures } from '../../../shared/findings/method';
import { bundleOf, CODER_B, OTHER, SUB, THEME } from './fixture';

const at = (i: number) => `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`;

describe('projectFigures', () => {
  it('counts documents, voices, kinds, coders, themes and saturation by hand', () => {
    // 7 documents; new codes appear in documents 0 (THEME), 1 (SUB) and 2 (OTHER); 3–6 add none (4 in a row < 5: not saturated)
    const b = bundleOf(
      [{ kind: 'survey' }, { kind: 'survey' }, { kind: 'interview' }, { kind: 'interview' }, { kind: 'partner', participant: false }, { kind: 'survey' }, { kind: 'survey' }],
      [
        { doc: 0, code: THEME, at: at(0) },
        { doc: 1, code: SUB, at: at(1) },
        { doc: 2, code: OTHER, at: at(2) },
        { doc: 3, code: THEME, at: at(3) },
        { doc: 4, code: THEME, at: at(4) },
        { doc: 5, code: OTHER, at: at(5) },
        { doc: 6, code: THEME, at: at(6) },
      ],
    );
    const f = projectFigures(b);
    expect(f).toMatchObject({ documents: 7, participants: 7, sourceKinds: ['survey', 'interview', 'partner'], coders: 1, codes: 3, themes: 2, codings: 7, codedDocuments: 7, agreement: null });
    expect(f.saturation).toEqual({ documents: 7, sinceLastNewCode: 4, reached: false });
    // a second coder on document 0, same span: agreement measured on that one document
    const two = projectFigures({ ...b, codings: [...b.codings, { ...b.codings[0]!, id: '99000000-0000-4000-8000-999999999999', coderId: CODER_B, createdAt: at(9) }] });
    expect(two.agreement).toMatchObject({ coders: 2, documents: 1, kappa: 1 });
  });
});

const figures = (over: Partial<ProjectFigures> = {}): ProjectFigures => ({
  documents: 240,
  participants: 180,
  sourceKinds: ['survey', 'interview'],
  coders: 2,
  codes: 24,
  themes: 6,
  codings: 1200,
  codedDocuments: 200,
  agreement: { coders: 2, documents: 40, kappa: 0.72, alpha: 0.71 },
  saturation: { documents: 200, sinceLastNewCode: 35, reached: true },
  collected: { from: '2026-04-01', to: '2026-09-30' },
  ...over,
});

describe('methodStatement', () => {
  it('writes the method in plain sentences from the figures', () => {
    expect(methodStatement(figures())).toBe(
      'We analysed 240 documents from 180 participants (survey responses and interviews), collected between 2026-04-01 and 2026-09-30, using thematic analysis (Braun and Clarke’s six phases) with a codebook of 24 codes in 6 themes. ' +
        'Two analysts coded the data; on the 40 documents coded by more than one, agreement was substantial (Cohen’s kappa 0.72; Krippendorff’s alpha 0.71). ' +
        'The last 35 coded documents added no new code, which suggests the codebook had reached saturation. ' +
        'Themes were checked across 2 kinds of source to see which were corroborated.',
    );
  });

  it('says when agreement was not measured and saturation not reached', () => {
    const s = methodStatement(figures({ coders: 1, agreement: null, sourceKinds: ['survey'], collected: null, saturation: { documents: 50, sinceLastNewCode: 2, reached: false } }));
    expect(s).toContain('One analyst coded the data, so agreement between coders was not measured.');
    expect(s).toContain('New codes were still appearing near the end of coding (2 documents since the last new code), so further themes may remain.');
    expect(s).not.toContain('collected between');
  });

  it('always gives 2 to 4 sentences and never a count it was not given', () => {
    const arb = fc.record({
      documents: fc.nat(100000),
      participants: fc.nat(100000),
      coders: fc.nat(5),
      codes: fc.nat(500),
      themes: fc.nat(50),
      kappa: fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
      sat: fc.nat(1000),
      since: fc.nat(1000),
      kinds: fc.subarray(['survey', 'interview', 'focus group', 'partner'] as const),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const s = methodStatement(
          figures({
            documents: a.documents,
            participants: a.participants,
            coders: a.coders,
            codes: a.codes,
            themes: a.themes,
            sourceKinds: [...a.kinds],
            agreement: a.coders >= 2 ? { coders: a.coders, documents: 3, kappa: a.kappa, alpha: null } : null,
            saturation: { documents: a.sat, sinceLastNewCode: Math.min(a.since, a.sat), reached: a.since >= 5 },
          }),
        );
        const sentences = s.split(/(?<=\.) (?=[A-Z0-9])/);
        expect(sentences.length).toBeGreaterThanOrEqual(2);
        expect(sentences.length).toBeLessThanOrEqual(4);
        expect(s).toContain(`${a.documents.toLocaleString('en-GB')} document`);
        expect(s).not.toMatch(/NaN|undefined|null/);
      }),
    );
  });

  it('has six phases, each with a short checklist of unique ids', () => {
    expect(METHOD_PHASES.map((p) => p.id)).toEqual(['familiarise', 'codes', 'themes', 'review', 'define', 'report']);
    const ids = METHOD_PHASES.flatMap((p) => p.checks.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(METHOD_CHECK_IDS.size).toBe(ids.length);
    for (const p of METHOD_PHASES) expect(p.checks.length).toBeGreaterThanOrEqual(2);
  });
});
