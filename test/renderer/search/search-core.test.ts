import { indexCodings } from '../../../shared/coding/coding-index';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemoProject } from '../../../shared/demo';
import { previewAutocode, previewCodeHits, runSearch, speakersOf, filterDocuments, type Corpus } from '../../../renderer/workers/search-core';
import { SearchError } from '../../../shared/coding/search';

const demo = buildDemoProject();
const corpus: Corpus = demo;
const none = { sourceIds: [], attribute: null };
const coder = demo.coders[0]!.id;

describe('runSearch', () => {
  it('returns keyword-in-context rows whose match is the text at the hit, with title and source', () => {
    const r = runSearch(corpus, { text: 'believe', mode: 'stem' }, none, 20);
    expect(r.total).toBeGreaterThan(20);
    expect(r.rows).toHaveLength(20);
    for (const row of r.rows) {
      const d = demo.documents.find((x) => x.id === row.documentId)!;
      expect(row.match).toBe(d.text.slice(row.start, row.end));
      expect(row.match.toLowerCase()).toMatch(/^believ/);
      expect(row.title).toBe(d.title);
      expect(row.sourceName).toBe(demo.sources.find((s) => s.id === d.sourceId)!.name);
      expect(d.text.replace(/\s+/g, ' ')).toContain((row.left.replace(/^…/, '') + row.match + row.right.replace(/…$/, '')).trim());
    }
  });

  it('limits to a source and to a participant attribute value', () => {
    const survey = demo.sources.find((s) => s.kind === 'survey')!;
    const r = runSearch(corpus, { text: 'officer', mode: 'word' }, { sourceIds: [survey.id], attribute: null });
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.rows.every((row) => demo.documents.find((d) => d.id === row.documentId)!.sourceId === survey.id)).toBe(true);
    const variable = demo.variables.find((v) => v.name === 'Gender')!;
    const docs = filterDocuments(corpus, { sourceIds: [], attribute: { variableId: variable.id, value: 'Male' } });
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(demo.participants.find((p) => p.id === d.participantId)!.attributes[variable.id]).toBe('Male');
    const all = runSearch(corpus, { text: 'officer', mode: 'word' }, none);
    const male = runSearch(corpus, { text: 'officer', mode: 'word' }, { sourceIds: [], attribute: { variableId: variable.id, value: 'Male' } });
    expect(male.total).toBeLessThan(all.total);
    expect(male.total).toBeGreaterThan(0);
  });

  it('rejects an invalid regular expression with a SearchError the UI can show', () => {
    expect(() => runSearch(corpus, { text: '(unclosed', mode: 'regex' }, none)).toThrow(SearchError);
    expect(() => runSearch(corpus, { text: '(unclosed', mode: 'regex' }, none)).toThrow(/not a valid regular expression/);
  });

  it('counts every hit however small the row limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (limit) => {
        const r = runSearch(corpus, { text: 'the', mode: 'word' }, none, limit);
        const full = runSearch(corpus, { text: 'the', mode: 'word' }, none);
        expect(r.rows.length).toBe(Math.min(limit, full.total));
        expect(r.total).toBe(full.total);
        expect(r.documents).toBe(full.documents);
      }),
      { numRuns: 10 },
    );
  });
});

describe('previewCodeHits', () => {
  const code = demo.codes.find((c) => c.name === 'Chasing for news') ?? demo.codes[0]!;
  it('widens hits to sentences, never overlapping, each containing a hit, none already coded', () => {
    const q = { text: 'update', mode: 'stem' as const };
    const p = previewCodeHits(corpus, q, none, 'sentence', code.id, coder);
    expect(p.segments).toBe(p.proposals.length);
    expect(p.segments).toBeGreaterThan(0);
    expect(p.samples.length).toBeLessThanOrEqual(5);
    const byDoc = new Map<string, { start: number; end: number }[]>();
    for (const s of p.proposals) (byDoc.get(s.documentId) ?? byDoc.set(s.documentId, []).get(s.documentId)!).push(s);
    expect(p.documents).toBe(byDoc.size);
    for (const [, spans] of byDoc) {
      spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
    const mine = demo.codings.filter((c) => c.coderId === coder && c.codeId === code.id);
    for (const s of p.proposals) {
      for (const c of mine.filter((c) => c.documentId === s.documentId)) expect(s.end <= c.start || s.start >= c.end).toBe(true);
    }
  });

  it('codes nothing new once the same proposals exist as codings', () => {
    const q = { text: 'phone', mode: 'word' as const };
    const p = previewCodeHits(corpus, q, none, 'hit', code.id, coder);
    expect(p.segments).toBeGreaterThan(0);
    const codings = p.proposals.map((s, i) => ({ id: `x${i}`, projectId: demo.project.id, coderId: coder, createdAt: '2026-01-01', ...s }));
    const again = previewCodeHits({ ...corpus, codings: [...demo.codings, ...codings] }, q, none, 'hit', code.id, coder);
    expect(again.segments).toBe(0);
    // the same from the codings as columns (as the worker holds them)
    expect(previewCodeHits({ ...corpus, codings: indexCodings([...demo.codings, ...codings]) }, q, none, 'hit', code.id, coder)).toEqual(again);
    expect(previewCodeHits({ ...corpus, codings: indexCodings(demo.codings) }, q, none, 'hit', code.id, coder)).toEqual(p);
    // another coder's codings do not count
    const other = previewCodeHits({ ...corpus, codings: codings.map((c) => ({ ...c, coderId: 'someone-else' })) }, q, none, 'hit', code.id, coder);
    expect(other.segments).toBe(p.segments);
  });
});

describe('previewAutocode', () => {
  it('codes each keyword hit of the chosen codes only', () => {
    const [a, b] = demo.codes;
    const codes = demo.codes.map((c) => (c.id === a!.id ? { ...c, keywords: ['believe'] } : c.id === b!.id ? { ...c, keywords: ['phone'] } : c));
    const p = previewAutocode({ ...corpus, codes, codings: [] }, { by: 'keywords', codeIds: [a!.id], scope: 'hit' }, coder);
    expect(p.segments).toBeGreaterThan(0);
    expect(new Set(p.proposals.map((x) => x.codeId))).toEqual(new Set([a!.id]));
    for (const x of p.proposals) expect(demo.documents.find((d) => d.id === x.documentId)!.text.slice(x.start, x.end).toLowerCase()).toMatch(/^believ/);
  });

  it('codes a speaker’s turns, and whole documents by attribute value', () => {
    const code = demo.codes[0]!;
    const sp = previewAutocode({ ...corpus, codings: [] }, { by: 'speaker', speaker: 'facilitator', codeId: code.id }, coder);
    expect(sp.segments).toBeGreaterThan(0);
    for (const x of sp.proposals) {
      const d = demo.documents.find((d) => d.id === x.documentId)!;
      // adjacent turns of the same speaker join into one segment
      const inside = d.turns.filter((t) => t.start < x.end && x.start < t.end);
      expect(inside.length).toBeGreaterThan(0);
      expect(inside.every((t) => t.speaker === 'Facilitator')).toBe(true);
      expect([inside[0]!.start, inside[inside.length - 1]!.end]).toEqual([x.start, x.end]);
    }
    const v = demo.variables.find((v) => v.name === 'Disability')!;
    const at = previewAutocode({ ...corpus, codings: [] }, { by: 'attribute', variableId: v.id, value: 'Yes', codeId: code.id }, coder);
    const want = demo.documents.filter((d) => d.participantId && demo.participants.find((p) => p.id === d.participantId)!.attributes[v.id] === 'Yes');
    expect(at.documents).toBe(want.length);
    for (const x of at.proposals) expect(x.end - x.start).toBe(demo.documents.find((d) => d.id === x.documentId)!.text.length);
  });

  it('lists each speaker once, case-insensitively', () => {
    expect(speakersOf([{ turns: [{ speaker: 'P1' }, { speaker: 'p1' }, { speaker: 'Interviewer' }] }, { turns: [{ speaker: 'P10' }, { speaker: 'P2' }] }])).toEqual(['Interviewer', 'P1', 'P2', 'P10']);
    expect(speakersOf(demo.documents)).toContain('Facilitator');
  });
});
