import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Code } from '../../../shared/model';
import { ancestorIds, buildCodeTree, canMoveUnder, descendantIds, flattenTree } from '../../../shared/coding/tree';

const mk = (id: string, parentId: string | null, order = 0, name = id): Code => ({
  id, projectId: 'p', parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#000000', order, keywords: [], createdAt: '2026-01-01',
});

describe('code tree', () => {
  it('nests by parent and orders siblings', () => {
    const codes = [mk('b', null, 1), mk('a', null, 0), mk('a2', 'a', 1), mk('a1', 'a', 0), mk('x', 'a1')];
    const tree = buildCodeTree(codes);
    expect(flattenTree(tree).map((n) => `${n.depth}:${n.code.id}`)).toEqual(['0:a', '1:a1', '2:x', '1:a2', '0:b']);
    expect([...descendantIds(codes, 'a')].sort()).toEqual(['a', 'a1', 'a2', 'x']);
    expect(ancestorIds(codes, 'x')).toEqual(['a1', 'a']);
    expect(canMoveUnder(codes, 'a', 'x')).toBe(false);
    expect(canMoveUnder(codes, 'x', 'b')).toBe(true);
  });

  it('shows orphans and cycles as roots rather than losing them', () => {
    const codes = [mk('o', 'missing'), mk('c1', 'c2'), mk('c2', 'c1')];
    expect(flattenTree(buildCodeTree(codes)).map((n) => n.code.id).sort()).toEqual(['c1', 'c2', 'o']);
  });

  it('every code appears exactly once, whatever the parent links (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 19 }), { minLength: 1, maxLength: 20 }), (parents) => {
        const codes = parents.map((p, i) => mk(`c${i}`, p < 0 || p >= parents.length ? null : `c${p}`, i));
        const ids = flattenTree(buildCodeTree(codes)).map((n) => n.code.id);
        expect(ids.sort()).toEqual(codes.map((c) => c.id).sort());
      }),
    );
  });
});
