import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fewerThan, formatCount, formatCountOf, suppressSmallCounts } from '../../../shared/privacy/suppress';

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

describe('formatCount, formatCountOf and fewerThan: the one wording of a suppressed count', () => {
  it('prints "fewer than N" for suppressed counts and groups thousands', () => {
    expect(formatCount(4, 10)).toBe('fewer than 10');
    expect(formatCount(0, 10)).toBe('0');
    expect(formatCount(1234567, 10)).toBe('1,234,567');
    expect(formatCount(12, 5)).toBe('12');
    expect(fewerThan(10)).toBe('fewer than 10');
    expect(() => fewerThan(-2)).toThrow(/disclosure threshold must be a whole number of 0 or more, got -2/);
  });
  it('a count with its noun: singular only for exactly one shown, plural when suppressed', () => {
    expect(formatCountOf(1, 0, 'participant')).toBe('1 participant');
    expect(formatCountOf(1, 10, 'person', 'people')).toBe('fewer than 10 people');
    expect(formatCountOf(0, 10, 'document')).toBe('0 documents');
    expect(formatCountOf(2500, 10, 'coded segment')).toBe('2,500 coded segments');
  });
  it('property: the text is "fewer than N" exactly when the count is suppressed, else the number', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100), (n, t) => {
        const text = formatCount(n, t);
        if (suppressSmallCounts(n, t) === null) expect(text).toBe(`fewer than ${t}`);
        else expect(Number(text.replace(/,/g, ''))).toBe(n);
        expect(formatCountOf(n, t, 'person', 'people')).toBe(`${text} ${text === '1' ? 'person' : 'people'}`);
      }),
    );
  });
});
