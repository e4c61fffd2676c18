import { describe, expect, it } from 'vitest';
import { held } from '../../shared/held';

describe('held (a value kept with an object, not in a WeakMap)', () => {
  it('gives back what was set on that object only, and leaves it out of spreads, JSON, structured clones and keys', () => {
    const lists = held<object, number[]>('lists');
    const a = { id: 'a' };
    const b = { id: 'b' };
    expect(lists.get(a)).toBeUndefined();
    const value = [1, 2, 3];
    expect(lists.set(a, value)).toBe(value);
    expect(lists.get(a)).toBe(value);
    expect(lists.get(b)).toBeUndefined();
    expect({ ...a }).toEqual({ id: 'a' });
    expect(Object.getOwnPropertySymbols({ ...a })).toEqual([]);
    expect(JSON.stringify(a)).toBe('{"id":"a"}');
    expect(Object.keys(a)).toEqual(['id']);
    expect(lists.get(structuredClone(a))).toBeUndefined();
    // set again: replaced; two holders never see each other's values
    lists.set(a, [4]);
    expect(lists.get(a)).toEqual([4]);
    const other = held<object, number[]>('lists');
    expect(other.get(a)).toBeUndefined();
  });
});
