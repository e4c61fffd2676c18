import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellText, isSuppressedText, compareCells } from '../../../renderer/features/analysis/cells';
import type { Cell, Column } from '../../../shared/analysis';

const count: Column = { key: 'n', label: 'n', type: 'count' };
const pct: Column = { key: 'p', label: '%', type: 'percent', basis: 'n' };
const list: Column = { key: 'q', label: 'quotes', type: 'list' };

describe('cellText', () => {
  it('shows a suppressed count as "fewer than N", and never the number', () => {
    expect(cellText(count, null, 7, 10)).toBe('fewer than 10');
    expect(cellText(pct, null, 12.5, 10)).toBe('fewer than 10');
    expect(cellText(list, [], ['a quote'], 10)).toMatch(/hidden/);
  });
  it('shows a secondary-suppressed count (not under the threshold) as "withheld", never "fewer than N" or the number', () => {
    expect(cellText(count, null, 14, 10, 'withheld')).toBe('withheld');
    expect(cellText(count, null, 4, 10, 'fewer')).toBe('fewer than 10');
    expect(cellText(count, 14, 14, 10, undefined)).toBe('14');
  });
  it('knows a suppressed cell by its words (for the styling), and only with a threshold', () => {
    expect(isSuppressedText(cellText(count, null, 7, 10), 10)).toBe(true);
    expect(isSuppressedText(cellText(count, null, 14, 10, 'withheld'), 10)).toBe(true);
    expect(isSuppressedText(cellText(count, 14, 14, 10), 10)).toBe(false);
    expect(isSuppressedText('fewer than 10', null)).toBe(false);
  });
  it('shows missing values as a dash, not as suppressed', () => {
    expect(cellText(count, null, null, 10)).toBe('—');
    expect(cellText(count, null, null, null)).toBe('—');
  });
  it('formats percentages, flags and lists', () => {
    expect(cellText(pct, 12.5, 12.5, null)).toBe('12.5%');
    expect(cellText({ key: 'b', label: 'b', type: 'boolean' }, true, true, null)).toBe('yes');
    expect(cellText(list, ['a', 'b'], ['a', 'b'], null)).toBe('a; b');
    expect(cellText(count, 1234, 1234, null)).toBe('1,234');
  });
});

describe('compareCells', () => {
  const cell: fc.Arbitrary<Cell> = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean());
  it('is a consistent order: antisymmetric, and missing values sort last', () => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        expect(Math.sign(compareCells(a, b))).toBe(-Math.sign(compareCells(b, a)) || 0);
        if (a === null && b !== null) expect(compareCells(a, b)).toBeGreaterThan(0);
      }),
    );
  });
  it('sorts numbers numerically', () => {
    expect([10, 9, 100].sort(compareCells)).toEqual([9, 10, 100]);
  });
});
