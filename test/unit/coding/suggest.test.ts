import { describe, expect, it } from 'vitest';
import { crossValidate, trainSuggester, type TrainingUnit } from '../../../shared/coding/suggest';
import { buildDemoProject } from '../../../shared/demo';

const units: TrainingUnit[] = [
  ...['No update from anybody for weeks', 'I had to chase for any update', 'No updates at all after the statement', 'They never gave me an update', 'I chased the officer for news every week', 'Updates stopped after a month']
    .map((text, i) => ({ id: `u${i}`, text, codeIds: ['updates'] })),
  ...['The officer believed me from the start', 'I felt believed and listened to', 'She believed what I said', 'I was not believed at first', 'They listened and believed my account', 'The first officer never believed me']
    .map((text, i) => ({ id: `b${i}`, text, codeIds: ['believed'] })),
];

describe('offline suggestions', () => {
  it('suggests the code whose coded examples a new response resembles', () => {
    const model = trainSuggester(units);
    expect(model.codeIds.sort()).toEqual(['believed', 'updates']);
    const s = model.suggest('Still no update for weeks', 'new');
    expect(s[0]?.codeId).toBe('updates');
    expect(s[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(s[0]!.confidence).toBeLessThanOrEqual(1);
    expect(model.suggest('The officer believed me', 'new2')[0]?.codeId).toBe('believed');
    expect(model.suggest('zebra giraffe', 'none')).toEqual([]);
  });

  it('leaves out codes with too few examples', () => {
    const model = trainSuggester([...units, { id: 'x', text: 'interpreter was booked', codeIds: ['access'] }]);
    expect(model.codeIds).not.toContain('access');
  });

  it('cross-validates per code on separable data with high precision and recall', () => {
    const q = crossValidate(units, 3);
    for (const c of q) {
      expect(c.support).toBe(6);
      expect(c.precision).toBeGreaterThanOrEqual(0.6);
      expect(c.recall).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('reports cross-validated quality on the demo project’s survey responses', () => {
    const demo = buildDemoProject();
    const coder = demo.coders[0]!.id;
    const topOf = new Map(demo.codes.map((c) => [c.id, c.parentId ?? c.id]));
    const byDoc = new Map<string, Set<string>>();
    for (const c of demo.codings) if (c.coderId === coder) (byDoc.get(c.documentId) ?? byDoc.set(c.documentId, new Set()).get(c.documentId)!).add(topOf.get(c.codeId)!);
    const responses = demo.documents.filter((d) => d.kind === 'response');
    const train = responses.map((d) => ({ id: d.id, text: d.text, codeIds: [...(byDoc.get(d.id) ?? [])] }));
    const q = crossValidate(train, 5).filter((c) => c.support >= 10);
    const name = new Map(demo.codes.map((c) => [c.id, c.name]));
    const rows = q.map((c) => `${name.get(c.codeId)!.padEnd(34)} n=${String(c.support).padStart(3)}  P=${c.precision?.toFixed(2)}  R=${c.recall?.toFixed(2)}`);
    console.log(`Suggestion quality on the demo survey (themes, 5-fold CV):\n${rows.join('\n')}`);
    expect(q.length).toBeGreaterThanOrEqual(4);
    const macroF1 = q.reduce((s, c) => s + (c.f1 ?? 0), 0) / q.length;
    expect(macroF1).toBeGreaterThan(0.5);
  });
});
