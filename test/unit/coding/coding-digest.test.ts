import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCodingChanges, digestCodings, digestDamage, digestToCodings, joinedLookup, joinStrings, splitStrings, type CodingChange, type CodingDigest } from '../../../shared/coding/coding-digest';
import type { Coding } from '../../../shared/model';

const P = 'p';
const byId = (a: Coding, b: Coding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Codings with few distinct documents, codes, coders and dates (as in real projects), any offsets, and ids that may share prefixes or need more than one UTF-16 unit. */
const arbCoding = (projectId: fc.Arbitrary<string> = fc.constant(P)) =>
  fc.record({
    id: fc.oneof(fc.stringMatching(/^[0-9a-f]{1,6}$/), fc.string({ unit: 'grapheme', maxLength: 4 })),
    projectId,
    documentId: fc.constantFrom('d1', 'd2', 'ds-0001:0000002a:1', 'ds-0001:0000002a:2'),
    codeId: fc.constantFrom('c1', 'c2', 'c3'),
    start: fc.oneof(fc.nat(2000), fc.constant(2 ** 32 + 5)),
    end: fc.nat(2 ** 33),
    coderId: fc.constantFrom('k1', 'k2'),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-03', '2026-12-04T23:10:14Z'),
  });

/** Distinct ids (as a project's codings have). */
const arbProjectCodings = fc.uniqueArray(arbCoding(), { selector: (c) => c.id, maxLength: 60 });

describe('coding digest', () => {
  it('property: a digest gives back exactly its codings, in id order, whatever order they came in', () => {
    fc.assert(
      fc.property(arbProjectCodings, fc.nat(1000), (codings, seq) => {
        const d = digestCodings(P, seq, codings);
        expect(d.seq).toBe(seq);
        expect(digestDamage(d)).toBeNull();
        expect(digestToCodings(d)).toEqual([...codings].sort(byId));
      }),
    );
  });

  it('keeps each distinct value once, and offsets in 32-bit columns when they fit', () => {
    const codings: Coding[] = Array.from({ length: 1000 }, (_, i) => ({ id: `id${String(i).padStart(4, '0')}`, projectId: P, documentId: `d${i % 7}`, codeId: `c${i % 3}`, start: i, end: i + 5, coderId: 'k', createdAt: '2026-01-01' }));
    const d = digestCodings(P, 1, codings);
    expect(splitStrings(d.documentId.values)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(splitStrings(d.codeId.values)).toEqual(['c0', 'c1', 'c2']);
    expect(d.coderId.values).toEqual({ text: 'k', ends: Uint32Array.of(1) });
    expect(d.ids.text).toBe(codings.map((c) => c.id).join(''));
    expect(d.start).toBeInstanceOf(Uint32Array);
    expect(digestCodings(P, 1, [{ ...codings[0]!, end: 2 ** 40 }]).end).toBeInstanceOf(Float64Array);
  });

  it('property: joined strings split back into the same strings', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 5 })), (list) => {
      expect(splitStrings(joinStrings(list))).toEqual(list);
    }));
  });

  it('property: a lookup of joined strings finds each one’s place and no other string', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', 'a', 'ab', 'ba', 'Café', 'cafe\u0301', '\ud83d\ude00'));
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 200 }), fc.array(text, { maxLength: 50 }), (list, others) => {
        const find = joinedLookup(joinStrings(list));
        list.forEach((s, i) => expect(find(s)).toBe(i));
        for (const o of others) expect(find(o)).toBe(list.indexOf(o));
        // a prefix, an extension or a neighbour's join is no one's
        for (const s of list) {
          if (!list.includes(s + 'x')) expect(find(s + 'x')).toBe(-1);
          if (s.length > 0 && !list.includes(s.slice(1))) expect(find(s.slice(1))).toBe(-1);
        }
        if (list.length > 1 && !list.includes(list[0]! + list[1]!)) expect(find(list[0]! + list[1]!)).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('names a damaged digest instead of reading it', () => {
    const d = digestCodings(P, 1, [{ id: 'a', projectId: P, documentId: 'd', codeId: 'c', start: 0, end: 1, coderId: 'k', createdAt: '2026-01-01' }]);
    expect(digestDamage({ ...d, codeId: { values: joinStrings([]), at: d.codeId.at } })).toBe('its codeId column points past its values');
    expect(digestDamage({ ...d, end: new Uint32Array(0) })).toBe('its offsets are damaged');
    expect(digestDamage({ ...d, ids: undefined as unknown as CodingDigest['ids'] })).toBe('its ids are missing');
    expect(digestDamage({ ...d, ids: { text: 'ab', ends: Uint32Array.of(1) } })).toBe('its ids are not the length of their text');
    expect(digestDamage({ ...d, coderId: { values: { text: 'kk', ends: Uint32Array.of(2, 1) }, at: d.coderId.at } })).toBe('the values of its coderId column are out of order');
  });

  it('property: applying journal changes equals replaying them on a map of the records, kept in id order', () => {
    const change = fc.record({
      written: fc.array(arbCoding(fc.constantFrom(P, P, 'other')), { maxLength: 6 }),
      deleted: fc.array(fc.oneof(fc.stringMatching(/^[0-9a-f]{1,6}$/), fc.string({ maxLength: 3 })), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arbProjectCodings, fc.array(change, { maxLength: 6 }), (codings, changes: CodingChange[]) => {
        const model = new Map<string, Coding>(codings.map((c) => [c.id, c]));
        for (const ch of changes) {
          for (const c of ch.written) if (c.projectId === P) model.set(c.id, c);
            else model.delete(c.id);
          for (const id of ch.deleted) model.delete(id);
        }
        const sorted = [...codings].sort(byId);
        expect(applyCodingChanges(sorted, P, changes)).toEqual([...model.values()].sort(byId));
      }),
    );
  });

  it('a change that writes and deletes the same coding in one entry deletes it (a table call does one or the other; deletions are applied last)', () => {
    const c: Coding = { id: 'a', projectId: P, documentId: 'd', codeId: 'c', start: 0, end: 1, coderId: 'k', createdAt: '2026-01-01' };
    expect(applyCodingChanges([], P, [{ written: [c], deleted: ['a'] }])).toEqual([]);
    expect(applyCodingChanges([], P, [{ written: [c], deleted: [] }, { written: [], deleted: ['a'] }, { written: [{ ...c, end: 9 }], deleted: [] }])).toEqual([{ ...c, end: 9 }]);
  });
});
