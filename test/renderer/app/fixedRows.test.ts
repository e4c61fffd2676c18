/**
 * Rows in view worked out from the scroll position alone (renderer/app/fixedRows.ts), checked
 * against the rows' places added up one by one: each row's place, the row at any offset, every
 * row that shows in the view drawn (with the overscan beyond it and no more), and scrolling to a
 * row bringing it wholly into view clear of the sticky header and the scrollbar, moving as little
 * as it can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowAt, rowHeightOf, rowStart, scrollToRow, totalHeight, visibleRows, type FixedRows } from '../../../renderer/app/fixedRows';

/** A layout: rows of one height, some taller (headers) at sorted places, with a header row above or a sticky cover. */
const layout = fc
  .record({
    count: fc.integer({ min: 0, max: 400 }),
    rowHeight: fc.integer({ min: 1, max: 60 }),
    tallHeight: fc.integer({ min: 1, max: 90 }),
    tallShare: fc.constantFrom(0, 0.02, 0.2),
    seed: fc.nat(),
    offset: fc.integer({ min: 0, max: 60 }),
    coverTop: fc.integer({ min: 0, max: 60 }),
    coverBottom: fc.integer({ min: 0, max: 30 }),
    overscan: fc.integer({ min: 0, max: 8 }),
  })
  .map((r): FixedRows => {
    const at: number[] = [];
    let x = r.seed;
    for (let i = 0; i < r.count; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      if (x / 2147483648 < r.tallShare || (r.tallShare > 0 && i === 0)) at.push(i);
    }
    return { count: r.count, rowHeight: r.rowHeight, ...(at.length ? { tall: { at, height: r.tallHeight } } : {}), offset: r.offset, coverTop: r.coverTop, coverBottom: r.coverBottom, overscan: r.overscan };
  });

/** Each row's start, added up one by one. */
function starts(o: FixedRows): number[] {
  const tall = new Set(o.tall?.at ?? []);
  const out: number[] = [];
  let y = o.offset;
  for (let i = 0; i < o.count; i++) {
    out.push(y);
    y += tall.has(i) ? o.tall!.height : o.rowHeight;
  }
  out.push(y);
  return out;
}

describe('rows in view from the scroll position', () => {
  it('places every row as the rows added up one by one do, and finds the row at any offset (property)', () => {
    fc.assert(
      fc.property(layout, fc.double({ min: -0.1, max: 1.1, noNaN: true }), (o, at) => {
        const s = starts(o);
        for (let i = 0; i < o.count; i++) {
          expect(rowStart(o, i)).toBe(s[i]);
          expect(rowHeightOf(o, i)).toBe(s[i + 1]! - s[i]!);
          // a row's first and last pixel are its own
          expect(rowAt(o, s[i]!)).toBe(i);
          expect(rowAt(o, s[i + 1]! - 1)).toBe(i);
        }
        expect(totalHeight(o)).toBe(s[o.count]);
        if (o.count === 0) return;
        const y = Math.floor(at * s[o.count]!);
        const want = y < s[0]! ? 0 : Math.min(o.count - 1, s.findIndex((_, i) => i < o.count && y >= s[i]! && y < s[i + 1]!) === -1 ? o.count - 1 : s.findIndex((_, i) => i < o.count && y >= s[i]! && y < s[i + 1]!));
        expect(rowAt(o, y)).toBe(want);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('draws every row in view, and at most the overscan beyond it (property)', () => {
    fc.assert(
      fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2000 }), (o, at, height) => {
        const top = Math.floor(at * Math.max(0, totalHeight(o) - height));
        const { first, last } = visibleRows(o, top, height);
        if (o.count === 0) {
          expect([first, last]).toEqual([0, 0]);
          return;
        }
        const s = starts(o);
        const seen: number[] = [];
        for (let i = 0; i < o.count; i++) if (s[i + 1]! > top && s[i]! < top + height) seen.push(i);
        for (const i of seen) expect(i >= first && i < last).toBe(true);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(last).toBeLessThanOrEqual(o.count);
        // the overscan and, at most, the rows either side of the edges
        expect(last - first).toBeLessThanOrEqual(Math.max(1, seen.length) + 2 + 2 * o.overscan);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  it('scrolls a row wholly into view clear of the covers, moving as little as it can; start and centre place it (property)', () => {
    fc.assert(
      fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1200 }), (o, at, which, room) => {
        fc.pre(o.count > 0);
        const s = starts(o);
        const index = Math.min(o.count - 1, Math.floor(which * o.count));
        const start = s[index]!;
        const end = s[index + 1]!;
        // a view that can hold the row between its covers
        const height = o.coverTop + (end - start) + o.coverBottom + room;
        const max = Math.max(0, totalHeight(o) - height);
        const top = Math.floor(at * max);
        const wholly = (t: number) => start >= t + o.coverTop && end <= t + height - o.coverBottom;
        const next = scrollToRow(o, index, top, height);
        if (next === null) expect(wholly(top)).toBe(true);
        else {
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(max);
          // wholly in view, unless the end of the content stops it (a row near the top or bottom)
          if (next > 0 && next < max) expect(wholly(next)).toBe(true);
          const less = next > top ? next - 1 : next + 1;
          expect(wholly(less) && Math.abs(less - top) < Math.abs(next - top)).toBe(false);
        }
        const atStart = scrollToRow(o, index, top, height, 'start')!;
        expect(atStart).toBe(Math.max(0, Math.min(max, start - o.coverTop)));
        const centred = scrollToRow(o, index, top, height, 'center')!;
        expect(centred).toBe(Math.max(0, Math.min(max, start - (height - (end - start)) / 2)));
      }),
      { numRuns: 300, seed: 20261205 },
    );
    expect(scrollToRow({ count: 3, rowHeight: 48, offset: 36, coverTop: 36, coverBottom: 18, overscan: 6 }, 3, 0, 500)).toBeNull();
  });
});
