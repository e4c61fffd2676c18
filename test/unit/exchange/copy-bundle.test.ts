import { describe, expect, it } from 'vitest';
import { copyName, copyProjectBundle } from '../../../shared/exchange/copy-bundle';
import { buildDemoProject } from '../../../shared/demo';
import { ProjectBundle, seededGuids } from '../../../shared/model';
import { realisticBundle } from './bundle-fixture';
import { codedTexts } from '../../fixtures/coded-texts';

/** Every GUID-shaped string anywhere in a value (keys included). */
function guidsIn(value: unknown, into = new Set<string>()): Set<string> {
  const re = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  for (const m of JSON.stringify(value).matchAll(re)) into.add(m[0].toLowerCase());
  return into;
}

describe('copyProjectBundle', () => {
  for (const [name, make] of [
    ['a small realistic project', realisticBundle],
    ['the demo project (participants with attributes, memos on codes and codings, turns)', buildDemoProject],
  ] as const) {
    it(`gives ${name} entirely fresh ids while every coding, attribute and memo keeps its meaning`, () => {
      const original = make();
      const copy = ProjectBundle.parse(copyProjectBundle(original, { name: 'Copy', makeId: seededGuids(7), now: '2026-12-02T10:00:00Z' }));
      const before = guidsIn(original);
      for (const id of guidsIn(copy)) expect(before.has(id)).toBe(false);
      expect(copy.project.name).toBe('Copy');
      expect(copy.project.isDemo).toBe(false);
      expect(codedTexts(copy)).toEqual(codedTexts(original));
      // participant attributes are keyed by the copy's variables, with the same values
      const varName = (b: ProjectBundle, id: string) => b.variables.find((v) => v.id === id)?.name;
      const attrs = (b: ProjectBundle) => b.participants.map((p) => Object.entries(p.attributes).map(([k, v]) => `${p.pseudonym}:${varName(b, k)}=${v}`).sort().join(';')).sort();
      expect(attrs(copy)).toEqual(attrs(original));
      // memos still point at an entity of the copy of the same kind
      const ids = new Set([copy.project.id, ...copy.codes.map((c) => c.id), ...copy.codings.map((c) => c.id), ...copy.documents.map((d) => d.id), ...copy.sources.map((s) => s.id), ...copy.participants.map((p) => p.id)]);
      for (const m of copy.memos) expect(ids.has(m.target.id)).toBe(true);
      expect(copy.memos.map((m) => m.text).sort()).toEqual(original.memos.map((m) => m.text).sort());
      expect(copy.documents.map((d) => d.text)).toEqual(original.documents.map((d) => d.text));
    });
  }

  it('never rewrites text that happens to contain an id', () => {
    const original = realisticBundle();
    const docId = original.documents[0]!.id;
    original.documents[0]!.title = `About ${docId}`;
    original.memos.push({ ...original.memos[0]!, id: '0f0f0f0f-0000-4000-8000-000000000001', text: `see ${docId}` });
    const copy = copyProjectBundle(original);
    expect(copy.documents[0]!.title).toBe(`About ${docId}`);
    expect(copy.memos.at(-1)!.text).toBe(`see ${docId}`);
  });
});

describe('copyName', () => {
  it('adds (copy), then (copy 2), … skipping names already taken, and does not stack', () => {
    expect(copyName('Survey 2025', ['Survey 2025'])).toBe('Survey 2025 (copy)');
    expect(copyName('Survey 2025', ['Survey 2025', 'Survey 2025 (copy)'])).toBe('Survey 2025 (copy 2)');
    expect(copyName('Survey 2025 (copy)', ['Survey 2025', 'Survey 2025 (copy)'])).toBe('Survey 2025 (copy 2)');
  });
});
