import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSearch, hitWidener, keywordInContext, searchCorpus, SearchError, widenHit } from '../../../shared/coding/search';
import { segmentUnits } from '../../../shared/analysis/units';
import { autocodeByAttribute, autocodeByKeywords, autocodeBySpeaker, withoutExisting } from '../../../shared/coding/autocode';
import type { Code } from '../../../shared/model';

const docs = [
  { id: 'd1', text: 'Nobody updated me. I chased them for an update twice!\nThe officer believed me.', turns: [] },
  { id: 'd2', text: 'Interviewer: Did they keep you updated?\nP1: Updates were rare. UPDATE came late.', turns: [{ speaker: 'Interviewer', start: 0, end: 39 }, { speaker: 'P1', start: 40, end: 81 }] },
];

const spansOf = (mode: 'plain' | 'word' | 'stem' | 'regex', text: string, caseSensitive = false) =>
  compileSearch({ text, mode, caseSensitive })(docs[1]!.text).map((s) => docs[1]!.text.slice(s.start, s.end));

describe('search', () => {
  it('plain search is case-insensitive by default and finds substrings', () => {
    expect(spansOf('plain', 'update')).toEqual(['update', 'Update', 'UPDATE']);
    expect(spansOf('plain', 'update', true)).toEqual(['update']);
  });

  it('whole-word search skips words that merely contain the term', () => {
    expect(spansOf('word', 'update')).toEqual(['UPDATE']);
  });

  it('stemmed search finds inflections', () => {
    expect(spansOf('stem', 'updating')).toEqual(['updated', 'Updates', 'UPDATE']);
    const d1 = docs[0]!.text;
    expect(compileSearch({ text: 'believe me', mode: 'stem' })(d1).map((s) => d1.slice(s.start, s.end))).toEqual(['believed me']);
  });

  it('regex search, with a clear error for a broken pattern', () => {
    expect(spansOf('regex', 'up\\w+')).toEqual(['updated', 'Updates', 'UPDATE']);
    expect(() => compileSearch({ text: '(unclosed', mode: 'regex' })).toThrow(SearchError);
    expect(() => compileSearch({ text: '  ', mode: 'plain' })).toThrow(/Type something/);
  });

  it('plain search agrees with a naive scan (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 3 }), (text, needle) => {
        if (!needle.trim()) return;
        const got = compileSearch({ text: needle, mode: 'plain', caseSensitive: true })(text).map((s) => s.start);
        const want: number[] = [];
        const n = needle.trim();
        for (let i = text.indexOf(n); i !== -1; i = text.indexOf(n, i + n.length)) want.push(i);
        expect(got).toEqual(want);
      }),
    );
  });

  it('counts hits across the corpus and builds keyword-in-context lines', () => {
    const r = searchCorpus(docs, { text: 'update', mode: 'plain' }, 2);
    expect(r.total).toBe(5);
    expect(r.documents).toBe(2);
    expect(r.hits).toHaveLength(2);
    const k = keywordInContext(docs[0]!.text, r.hits[1]!, 12);
    expect(k.match).toBe('update');
    expect(k.left.endsWith('for an ')).toBe(true);
    expect(k.right.startsWith(' twice')).toBe(true);
  });

  it('widens a hit to its sentence, paragraph or speaker turn', () => {
    const t = docs[0]!.text;
    const hit = { start: t.indexOf('update twice'), end: t.indexOf('update twice') + 6 };
    expect(t.slice(...Object.values(widenHit(t, hit, 'sentence')) as [number, number])).toBe('I chased them for an update twice!');
    expect(t.slice(...Object.values(widenHit(t, hit, 'paragraph')) as [number, number])).toBe('Nobody updated me. I chased them for an update twice!');
    const d2 = docs[1]!;
    const h2 = { start: d2.text.indexOf('rare'), end: d2.text.indexOf('rare') + 4 };
    expect(widenHit(d2.text, h2, 'turn', d2.turns)).toEqual({ start: 40, end: 81 });
  });

  it('widens many hits of one text as widening each against every unit would (property)', () => {
    const piece = fc.constantFrom('We waited. ', 'Why? ', 'No one came!', '\n', '\n\n', '  ', 'Dr. Smith said so. ', 'ok');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join('')), fc.array(fc.tuple(fc.nat(), fc.nat(12)), { minLength: 1, maxLength: 12 }), fc.constantFrom('sentence' as const, 'paragraph' as const), (text, raw, scope) => {
        const widen = hitWidener(text);
        const units = segmentUnits(text, scope);
        for (const [at, n] of raw) {
          const start = at % (text.length + 1);
          const hit = { start, end: Math.min(text.length, start + n) };
          const inside = units.filter((u) => u.start < hit.end && hit.start < u.end);
          const expected = inside.length === 0 ? hit : { start: Math.min(hit.start, inside[0]!.start), end: Math.max(hit.end, inside.at(-1)!.end) };
          expect(widen(hit, scope)).toEqual(expected);
          expect(widenHit(text, hit, scope)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const code = (id: string, keywords: string[]): Code => ({
  id, projectId: 'p', parentId: null, name: id, definition: '', inclusion: '', exclusion: '', example: '', colour: '#000000', order: 0, keywords, createdAt: 't',
});

describe('autocode', () => {
  const withMeta = docs.map((d, i) => ({ ...d, participantId: i === 0 ? 'p1' : 'p2' }));

  it('codes stemmed keyword hits widened to sentences, joining overlaps', () => {
    const props = autocodeByKeywords(withMeta, [code('U', ['update']), code('B', ['believe'])], 'sentence');
    const texts = props.map((p) => `${p.codeId}:${withMeta.find((d) => d.id === p.documentId)!.text.slice(p.start, p.end)}`);
    expect(texts).toContain('U:Nobody updated me.');
    expect(texts).toContain('U:I chased them for an update twice!');
    expect(texts).toContain('B:The officer believed me.');
    expect(texts.filter((t) => t.startsWith('U:')).length).toBe(5);
  });

  it('codes a speaker’s turns and documents by attribute', () => {
    expect(autocodeBySpeaker(withMeta, 'p1', 'X')).toEqual([{ documentId: 'd2', codeId: 'X', start: 40, end: 81 }]);
    const parts = [
      { id: 'p1', projectId: 'p', sourceId: 's', pseudonym: 'A', attributes: { v: 'online' } },
      { id: 'p2', projectId: 'p', sourceId: 's', pseudonym: 'B', attributes: { v: '999' } },
    ];
    expect(autocodeByAttribute(withMeta, parts, 'v', 'online', 'X')).toEqual([{ documentId: 'd1', codeId: 'X', start: 0, end: docs[0]!.text.length }]);
  });

  it('leaves out what the coder already coded', () => {
    const p = [{ documentId: 'd1', codeId: 'U', start: 0, end: 20 }];
    const existing = [{ id: 'c', projectId: 'p', documentId: 'd1', codeId: 'U', start: 5, end: 10, coderId: 'me', createdAt: 't' }];
    expect(withoutExisting(p, existing, 'me')).toEqual([
      { documentId: 'd1', codeId: 'U', start: 0, end: 5 },
      { documentId: 'd1', codeId: 'U', start: 10, end: 20 },
    ]);
    expect(withoutExisting(p, existing, 'someone else')).toEqual(p);
  });
});
