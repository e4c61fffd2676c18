import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, plural } from '../../shared/plural';

describe('plural', () => {
  it('gives the count with the word for it, digits grouped as in en-GB', () => {
    expect(plural(1, 'coding')).toBe('1 coding');
    expect(plural(0, 'coding')).toBe('0 codings');
    expect(plural(1234, 'coding')).toBe('1,234 codings');
    expect(plural(2, 'subcode moves', 'subcodes move')).toBe('2 subcodes move');
    expect(plural(1, 'subcode moves', 'subcodes move')).toBe('1 subcode moves');
  });

  it('formats a number as toLocaleString(en-GB) does, whole or not, of any size (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), (n) => {
        expect(formatNumber(n)).toBe(n.toLocaleString('en-GB'));
      }),
    );
    expect(formatNumber(1_234_567.891)).toBe('1,234,567.891');
  });
});
