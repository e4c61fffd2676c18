import { indexCodings } from '../../../shared/coding/coding-index';
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/demo';
import { buildUnits, runSuggest, themeOf } from '../../../renderer/workers/suggest-core';
import { trustLabel } from '../../../renderer/features/suggest/QualityTable';

const demo = buildDemoProject();
const [alex, sam] = demo.coders;
const base = { coderId: alex!.id, minConfidence: 0.5 };

describe('suggestion units', () => {
  it('maps every code to its top-level theme', () => {
    const theme = themeOf(demo.codes);
    for (const c of demo.codes) {
      const t = demo.codes.find((x) => x.id === theme.get(c.id))!;
      expect(t.parentId).toBeNull();
      if (!c.parentId) expect(t.id).toBe(c.id);
    }
  });

  it('learns from the chosen coder only, and suggests for responses that coder has not coded', () => {
    const mine = buildUnits(demo, { labels: 'current', coderId: sam!.id, level: 'themes', target: 'uncoded' });
    const samDocs = new Set(demo.codings.filter((c) => c.coderId === sam!.id).map((c) => c.documentId));
    const responses = demo.documents.filter((d) => d.kind === 'response');
    expect(mine.training.map((u) => u.id).sort()).toEqual(responses.filter((d) => samDocs.has(d.id)).map((d) => d.id).sort());
    expect(mine.candidates.length).toBe(responses.length - mine.training.length);
    const themes = new Set(demo.codes.filter((c) => !c.parentId).map((c) => c.id));
    for (const u of mine.training) for (const c of u.codeIds) expect(themes.has(c)).toBe(true);
    // the same units from the codings as columns (as the worker holds them) as from the list in id order (as the store gives it)
    const columns = { ...demo, codings: indexCodings(demo.codings) };
    const inIdOrder = { ...demo, codings: [...demo.codings].sort((a, b) => (a.id < b.id ? -1 : 1)) };
    for (const o of [{ labels: 'current', coderId: sam!.id, level: 'themes', target: 'uncoded' }, { labels: 'all', coderId: sam!.id, level: 'codes', target: 'all' }] as const) expect(buildUnits(columns, o)).toEqual(buildUnits(inIdOrder, o));
    const everyone = buildUnits(demo, { labels: 'all', coderId: sam!.id, level: 'codes', target: 'uncoded' });
    expect(everyone.training.length).toBe(responses.length);
    expect(everyone.candidates).toHaveLength(0);
  });
});

describe('runSuggest', () => {
  it('cross-validates per theme and suggests for the other coder’s uncoded responses, sorted by confidence', () => {
    const r = runSuggest(demo, { ...base, coderId: sam!.id, labels: 'current', level: 'themes', target: 'uncoded', folds: 3 });
    expect(r.trained).toBeGreaterThan(10);
    expect(r.quality.length).toBeGreaterThan(3);
    const learnable = r.quality.filter((q) => q.support >= 3 && q.f1 !== null);
    expect(learnable.length).toBeGreaterThan(0);
    for (const q of r.quality) {
      for (const x of [q.precision, q.recall]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
    }
    // the demo's themes are written with distinct vocabulary: better than chance on average
    const meanF1 = learnable.reduce((s, q) => s + q.f1!, 0) / learnable.length;
    expect(meanF1).toBeGreaterThan(0.3);
    expect(r.suggestions.length).toBeGreaterThan(0);
    const candidates = new Set(buildUnits(demo, { labels: 'current', coderId: sam!.id, level: 'themes', target: 'uncoded' }).candidates.map((d) => d.id));
    for (let i = 0; i < r.suggestions.length; i++) {
      const s = r.suggestions[i]!;
      expect(candidates.has(s.documentId)).toBe(true);
      expect(s.confidence).toBeGreaterThanOrEqual(0.5);
      if (i > 0) expect(s.confidence).toBeLessThanOrEqual(r.suggestions[i - 1]!.confidence);
      expect(s.length).toBe(demo.documents.find((d) => d.id === s.documentId)!.text.length);
    }
  });

  it('for every response, suggests only codes the response does not have yet', () => {
    const r = runSuggest(demo, { ...base, labels: 'current', level: 'codes', target: 'all', folds: 2 });
    const have = new Set(demo.codings.filter((c) => c.coderId === alex!.id).map((c) => `${c.documentId}|${c.codeId}`));
    for (const s of r.suggestions) expect(have.has(`${s.documentId}|${s.codeId}`)).toBe(false);
  });

  it('with no coded responses, reports nothing to learn rather than failing', () => {
    const r = runSuggest({ ...demo, codings: [] }, { ...base, labels: 'all', level: 'themes', target: 'uncoded' });
    expect(r).toMatchObject({ trained: 0, quality: [], suggestions: [] });
    expect(r.candidates).toBe(demo.documents.filter((d) => d.kind === 'response').length);
  });

  it('explains quality in plain words', () => {
    expect(trustLabel({ codeId: 'x', support: 2, precision: null, recall: null, f1: null }, 3)).toMatch(/Too few/);
    expect(trustLabel({ codeId: 'x', support: 40, precision: 0.9, recall: 0.7, f1: 0.79 }, 3)).toBe('Usually right');
    expect(trustLabel({ codeId: 'x', support: 40, precision: 0.3, recall: 0.9, f1: 0.45 }, 3)).toMatch(/Often wrong/);
  });
});
