import { describe, expect, it } from 'vitest';
import { plural } from '../../shared/plural';

describe('plural', () => {
  it('gives the count with the word for it, digits grouped as in en-GB', () => {
    expect(plural(1, 'coding')).toBe('1 coding');
    expect(plural(0, 'coding')).toBe('0 codings');
    expect(plural(1234, 'coding')).toBe('1,234 codings');
    expect(plural(2, 'subcode moves', 'subcodes move')).toBe('2 subcodes move');
    expect(plural(1, 'subcode moves', 'subcodes move')).toBe('1 subcode moves');
  });
});
