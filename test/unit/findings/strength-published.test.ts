/**
 * Strength of evidence as packs publish it: a finding resting on one participant must not say so
 * ("one participant’s account" publishes a count of one). With a disclosure threshold above 1 its
 * rating sentence is the one a finding of two to four participants gets, and the pack's rating is
 * "limited"; the Findings workspace (no threshold) still says "single source".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceStrength } from '../../../shared/findings/strength';
import { buildPack, gatherPackInput, presetTemplate } from '../../../shared/packs';
import { PACK_AUDIENCES } from '../../../shared/packs/model';
import type { Finding } from '../../../shared/model';
import { bundleOf, SUB, THEME, type Voice } from './fixture';

/** Words that state a count of one person. */
const ONE = /\b(one|1|single)\b[^.]*\b(participant|person|account|source:)|Single source/i;

const single = () =>
  bundleOf([{ kind: 'survey' }, { kind: 'survey' }, { kind: 'interview' }], [
    { doc: 0, code: SUB },
    { doc: 1, code: THEME },
    { doc: 2, code: THEME },
  ]);

describe('a single-source finding, published', () => {
  it('the workspace (no threshold) says single source; with a threshold the rating sentence is the limited one', () => {
    const b = single();
    expect(evidenceStrength(b, { codeIds: [SUB] }).reasons.at(-1)).toBe('Single source: it rests on one participant’s account.');
    const pub = evidenceStrength(b, { codeIds: [SUB] }, { threshold: 10 });
    expect(pub.rating).toBe('single-source'); // the figures and the rating are the same; only the words change
    expect(pub.reasons.at(-1)).toBe('Limited: fewer than 5 participants.');
    for (const r of pub.reasons) expect(r).not.toMatch(ONE);
    // a threshold of 1 publishes every count, so the words may say one
    expect(evidenceStrength(b, { codeIds: [SUB] }, { threshold: 1 }).reasons.at(-1)).toMatch(/one participant/);
  });

  it('no reason names a count of one for any threshold above 1 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.constantFrom<Voice['kind']>('survey', 'interview', 'partner'), (threshold, kind) => {
        const b = bundleOf([{ kind }, { kind: 'survey' }], [{ doc: 0, code: SUB }, { doc: 1, code: THEME }]);
        const s = evidenceStrength(b, { codeIds: [SUB] }, { threshold });
        expect(s.participants).toBe(1);
        for (const r of s.reasons) expect(r).not.toMatch(ONE);
      }),
      { numRuns: 60 },
    );
  });

  it('every pack built over it rates it limited and never prints a count of one', () => {
    const b = single();
    b.project.settings.disclosureThreshold = 10;
    const f: Finding = { id: '00000000-0000-4000-8000-0000000000f1', projectId: b.project.id, title: 'A finding from one voice', summary: '', codeIds: [SUB], quoteIds: [], evidenceCodingIds: [], audiences: [], order: 0, createdAt: '2026-01-01T00:00:00.000Z' };
    b.findings = [f];
    const input = gatherPackInput(b);
    expect(input.findings[0]!.strength.rating).toBe('limited');
    for (const a of PACK_AUDIENCES) {
      const t = presetTemplate(a);
      // the public preset has no strength section: add one, as a lead may
      if (!t.sections.some((s) => s.kind === 'strength')) t.sections.unshift({ id: 'strength', kind: 'strength', heading: 'How sure we are', intro: '' });
      const text = buildPack(t, input).blocks.flatMap((x) => (x.kind === 'paragraph' || x.kind === 'heading' ? [x.text] : x.kind === 'list' ? x.items : [])).join('\n');
      expect(text, a).toContain('A finding from one voice');
      expect(text, a).not.toMatch(/one participant|Single source|\b1 participant/);
    }
  });
});
