/**
 * The survey grid's rows in view, worked out from the scroll position alone (fixedRows.ts): every
 * row that shows in the view is drawn, with a few more beyond each edge and no more; and scrolling
 * to a row brings it wholly into view below the sticky header, moving as little as it can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollToRow, totalHeight, visibleRows, type FixedRows } from '../../../renderer/features/grid/fixedRows';

const layout = fc.record({
  count: fc.integer({ min: 0, max: 600_000 }),
  rowHeight: fc.integer({ min: 1, max: 80 }),
  paddingStart: fc.integer({ min: 0, max: 60 }),
  paddingEnd: fc.integer({ min: 0, max: 30 }),
  overscan: fc.integer({ min: 0, max: 8 }),
});

/** Rows any part of which is in the view below the header (row i spans paddingStart + i·h to paddingStart + (i+1)·h). */
function rowsInView(o: FixedRows, top: number, height: number): number[] {
  const out: number[] = [];
  const from = Math.max(0, Math.floor((top - o.paddingStart) / o.rowHeight) - 1);
  for (let i = from; i < o.count; i++) {
    const start = o.paddingStart + i * o.rowHeight;
    if (start >= top + height) break;
    if (start + o.rowHeight > top + o.paddingStart && start < top + height) out.push(i);
  }
  return out;
}

describe('rows of one height in view', () => {
  it('draws every row in view, and at most the overscan beyond it (property)', () => {
    fc.assert(
      fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2000 }), (o, at, height) => {
        const top = Math.floor(at * Math.max(0, totalHeight(o) - height));
        const { first, last } = visibleRows(o, top, height);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(last).toBeLessThanOrEqual(o.count);
        if (o.count === 0) {
          expect([first, last]).toEqual([0, 0]);
          return;
        }
        expect(last).toBeGreaterThan(first);
        const seen = rowsInView(o, top, height);
        for (const i of seen) expect(i >= first && i < last).toBe(true);
        const visible = Math.ceil(height / o.rowHeight) + 2;
        expect(last - first).toBeLessThanOrEqual(visible + 2 * o.overscan);
      }),
      { numRuns: 500, seed: 20261205 },
    );
  });

  it('scrolls a row wholly into view below the header, moving as little as it can (property)', () => {
    fc.assert(
      fc.property(layout, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1200 }), (o, at, which, extra) => {
        fc.pre(o.count > 0);
        // a view that can hold a row between the header and the bottom edge
        const height = o.paddingStart + o.rowHeight + o.paddingEnd + extra;
        const top = Math.floor(at * Math.max(0, totalHeight(o) - height));
        const index = Math.min(o.count - 1, Math.floor(which * o.count));
        const start = o.paddingStart + index * o.rowHeight;
        const wholly = (t: number) => start >= t + o.paddingStart && start + o.rowHeight <= t + height - o.paddingEnd;
        const next = scrollToRow(o, index, top, height);
        if (next === null) {
          expect(wholly(top)).toBe(true);
          return;
        }
        expect(wholly(top)).toBe(false);
        expect(wholly(next)).toBe(true);
        // no less movement would do: one pixel less and the row is cut
        const less = next > top ? next - 1 : next + 1;
        expect(wholly(less) && Math.abs(less - top) < Math.abs(next - top)).toBe(false);
      }),
      { numRuns: 500, seed: 20261205 },
    );
    expect(scrollToRow({ count: 3, rowHeight: 48, paddingStart: 36, paddingEnd: 18, overscan: 6 }, 3, 0, 500)).toBeNull();
  });
});
