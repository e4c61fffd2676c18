import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quickKeyCodes, quickKeyMap } from '../../../shared/coding/quick-keys';
import { buildCodeTree, flattenTree } from '../../../shared/coding/tree';
import type { Code } from '../../../shared/model';

const code = (id: string, parentId: string | null, order: number, name = `Code ${id}`): Code => ({
  id, projectId: 'p', parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order, keywords: [], createdAt: 't',
});

describe('keys 1–9 (one rule for the Code workspace and the Survey grid)', () => {
  it('puts the first nine codes in codebook order on the keys, children right after their parent', () => {
    const codes = [code('b', null, 1), code('a', null, 0), code('a2', 'a', 1), code('a1', 'a', 0), ...Array.from({ length: 8 }, (_, i) => code(`c${i}`, null, 2 + i))];
    expect(quickKeyCodes(codes).map((c) => c.id)).toEqual(['a', 'a1', 'a2', 'b', 'c0', 'c1', 'c2', 'c3', 'c4']);
    expect(quickKeyMap(codes).get('a2')).toBe(3);
    expect(quickKeyMap(codes).has('c5')).toBe(false);
    expect(quickKeyCodes([])).toEqual([]);
  });

  it('is the codebook’s own list cut at nine, and does not depend on the order codes are stored in (property)', () => {
    const arb = fc
      .array(fc.record({ parent: fc.nat(30), order: fc.integer({ min: 0, max: 5 }), root: fc.boolean() }), { maxLength: 30 })
      .chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length, maxLength: specs.length })));
    fc.assert(
      fc.property(arb, ([specs, perm]) => {
        const codes = specs.map((s, i) => code(`k${i}`, s.root || s.parent >= i ? null : `k${s.parent}`, s.order));
        const keys = quickKeyCodes(codes).map((c) => c.id);
        expect(keys).toEqual(flattenTree(buildCodeTree(codes)).slice(0, 9).map((n) => n.code.id));
        expect(quickKeyCodes(perm.map((i) => codes[i]!)).map((c) => c.id)).toEqual(keys);
        expect([...quickKeyMap(codes).values()]).toEqual(keys.map((_, i) => i + 1));
      }),
    );
  });
});
