import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, suppressSmallCounts } from '../../../shared/privacy/suppress';

describe('suppressSmallCounts', () => {
  it('withholds 1..threshold-1 and shows 0 and counts at or above the threshold', () => {
    expect(suppressSmallCounts(0, 10)).toBe(0);
    expect(suppressSmallCounts(1, 10)).toBeNull();
    expect(suppressSmallCounts(9, 10)).toBeNull();
    expect(suppressSmallCounts(10, 10)).toBe(10);
    expect(suppressSmallCounts(3, 0)).toBe(3);
  });
  it('never publishes a small positive count (property)', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(100), (n, t) => {
        const v = suppressSmallCounts(n, t);
        if (n > 0 && n < t) expect(v).toBeNull();
        else expect(v).toBe(n);
      }),
    );
  });
  it('refuses negative, fractional or non-numeric input with a clear message', () => {
    expect(() => suppressSmallCounts(-1, 10)).toThrow(/count must be a whole number of 0 or more, got -1/);
    expect(() => suppressSmallCounts(2.5, 10)).toThrow(/got 2.5/);
    expect(() => suppressSmallCounts(5, Number.NaN)).toThrow(/disclosure threshold/);
  });
});

describe('formatCount', () => {
  it('prints "<threshold" for suppressed counts and groups thousands', () => {
    expect(formatCount(4, 10)).toBe('<10');
    expect(formatCount(0, 10)).toBe('0');
    expect(formatCount(1234567, 10)).toBe('1,234,567');
    expect(formatCount(12, 5)).toBe('12');
  });
});
