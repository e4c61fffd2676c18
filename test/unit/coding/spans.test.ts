import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coveredLength, intersectSpans, snapToWords, subtractSpans, unionSpans, type Span } from '../../../shared/coding/spans';
import { planMerge, planSplit } from '../../../shared/coding/codebook-ops';
import type { Code, Coding } from '../../../shared/model';

const spanArb = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 15 })).map(([s, l]) => ({ start: s, end: s + l }));
const chars = (spans: Span[]) => {
  const set = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) set.add(i);
  return set;
};

describe('span algebra (properties)', () => {
  it('union covers exactly the same characters, sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.array(spanArb), (spans) => {
        const u = unionSpans(spans);
        expect(chars(u)).toEqual(chars(spans));
        for (let i = 1; i < u.length; i++) expect(u[i]!.start).toBeGreaterThan(u[i - 1]!.end);
        expect(coveredLength(spans)).toBe(chars(spans).size);
      }),
    );
  });

  it('intersection and difference partition a', () => {
    fc.assert(
      fc.property(fc.array(spanArb), fc.array(spanArb), (a, b) => {
        const inter = chars(intersectSpans(a, b));
        const diff = chars(subtractSpans(a, b));
        const ca = chars(a);
        const cb = chars(b);
        expect(inter).toEqual(new Set([...ca].filter((x) => cb.has(x))));
        expect(diff).toEqual(new Set([...ca].filter((x) => !cb.has(x))));
      }),
    );
  });

  it('snapping grows to whole words and trims white space', () => {
    const t = 'Nobody called me back.';
    expect(snapToWords(t, { start: 2, end: 9 })).toEqual({ start: 0, end: 13 });
    expect(t.slice(2, 9)).toBe('body ca');
    expect(snapToWords(t, { start: 6, end: 7 })).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(30), fc.nat(30), (s, x, y) => {
        const r = snapToWords(s, { start: Math.min(x, y), end: Math.max(x, y) });
        if (r) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(r.start, r.end).trim()).toBe(s.slice(r.start, r.end));
        }
      }),
    );
  });
});

const code = (id: string, parentId: string | null = null): Code => ({
  id, projectId: 'p', parentId, name: id, definition: '', inclusion: '', exclusion: '', example: '', colour: '#000000', order: 0, keywords: [], createdAt: 't',
});

describe('merge and split never lose or duplicate coded text (properties)', () => {
  const codingArb = fc.record({
    code: fc.constantFrom('A', 'B', 'C'),
    doc: fc.constantFrom('d1', 'd2'),
    coder: fc.constantFrom('u1', 'u2'),
    span: spanArb,
  });

  it('merge A into B: per document and coder, B afterwards covers exactly A ∪ B, with no overlapping B codings', () => {
    fc.assert(
      fc.property(fc.array(codingArb, { maxLength: 25 }), (raw) => {
        const codes = [code('A'), code('B'), code('C'), code('A1', 'A')];
        const codings: Coding[] = raw.map((r, i) => ({ id: `c${i}`, projectId: 'p', documentId: r.doc, codeId: r.code, coderId: r.coder, start: r.span.start, end: r.span.end, createdAt: `t${i}` }));
        let k = 0;
        const plan = planMerge(codes, codings, 'A', 'B', () => `n${k++}`, 'now');
        const removed = new Set(plan.remove);
        const after = [...codings.filter((c) => !removed.has(c.id)), ...plan.add];
        expect(after.some((c) => c.codeId === 'A')).toBe(false);
        // C is untouched
        expect(after.filter((c) => c.codeId === 'C')).toEqual(codings.filter((c) => c.codeId === 'C'));
        for (const doc of ['d1', 'd2']) {
          for (const coder of ['u1', 'u2']) {
            const before = codings.filter((c) => c.documentId === doc && c.coderId === coder && (c.codeId === 'A' || c.codeId === 'B'));
            const bAfter = after.filter((c) => c.documentId === doc && c.coderId === coder && c.codeId === 'B');
            expect(chars(bAfter)).toEqual(chars(before));
            const total = bAfter.reduce((n, c) => n + c.end - c.start, 0);
            expect(total).toBe(chars(bAfter).size); // nothing coded twice
          }
        }
        expect(plan.updateCodes).toEqual([{ id: 'A1', patch: { parentId: 'B' } }]);
      }),
    );
  });

  it('refuses merging into itself or into a descendant', () => {
    const codes = [code('A'), code('A1', 'A')];
    expect(() => planMerge(codes, [], 'A', 'A', () => 'x', 'now')).toThrow(/itself/);
    expect(() => planMerge(codes, [], 'A', 'A1', () => 'x', 'now')).toThrow(/subcodes/);
  });

  it('split moves the chosen codings unchanged and keeps the rest', () => {
    fc.assert(
      fc.property(fc.array(codingArb, { minLength: 1, maxLength: 20 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (raw, pickMask) => {
        const codings: Coding[] = raw.map((r, i) => ({ id: `c${i}`, projectId: 'p', documentId: r.doc, codeId: 'A', coderId: r.coder, start: r.span.start, end: r.span.end, createdAt: 't' }));
        const move = new Set(codings.filter((_, i) => pickMask[i]).map((c) => c.id));
        if (move.size === 0) {
          expect(() => planSplit(codings, 'A', move, 'N')).toThrow(/at least one/);
          return;
        }
        const { updates } = planSplit(codings, 'A', move, 'N');
        expect(new Set(updates.map((u) => u.id))).toEqual(move);
        expect(updates.every((u) => u.codeId === 'N')).toBe(true);
      }),
    );
  });
});
