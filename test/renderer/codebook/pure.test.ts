import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCodeTree, flattenTree } from '../../../shared/coding/tree';
import { keyboardMove, filterTree } from '../../../renderer/features/codebook/treeMoves';
import { codingsUnder } from '../../../renderer/features/codebook/recentCodes';
import { historyKey } from '../../../renderer/app/UndoRedo';
import type { Code } from '../../../shared/model';

const code = (id: string, parentId: string | null, order: number): Code => ({ id, projectId: 'p', parentId, name: `Code ${id}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order, keywords: [], createdAt: 't' });
const tree = buildCodeTree([code('a', null, 0), code('a1', 'a', 0), code('a2', 'a', 1), code('b', null, 1)]);

describe('keyboard moves in the codebook', () => {
  it('reorders, indents and outdents', () => {
    expect(keyboardMove(tree, 'b', 'ArrowUp')).toEqual({ parentId: null, index: 0 });
    expect(keyboardMove(tree, 'a', 'ArrowUp')).toBeNull();
    expect(keyboardMove(tree, 'a1', 'ArrowDown')).toEqual({ parentId: 'a', index: 1 });
    expect(keyboardMove(tree, 'a2', 'ArrowDown')).toBeNull();
    expect(keyboardMove(tree, 'b', 'ArrowRight')).toEqual({ parentId: 'a', index: 2 });
    expect(keyboardMove(tree, 'a2', 'ArrowRight')).toEqual({ parentId: 'a1', index: 0 });
    expect(keyboardMove(tree, 'a1', 'ArrowLeft')).toEqual({ parentId: null, index: 1 });
    expect(keyboardMove(tree, 'a', 'ArrowLeft')).toBeNull();
  });

  it('never proposes moving a code under itself or its subcodes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { minLength: 1, maxLength: 8 }), fc.constantFrom('ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight' as const), (parents, key) => {
        const codes = parents.map((p, i) => code(`c${i}`, i === 0 || p >= i ? null : `c${p}`, i));
        const nodes = buildCodeTree(codes);
        for (const n of flattenTree(nodes)) {
          const to = keyboardMove(nodes, n.code.id, key as 'ArrowUp');
          if (to?.parentId) {
            const below = new Set(flattenTree([n]).map((x) => x.code.id));
            expect(below.has(to.parentId)).toBe(false);
          }
        }
      }),
    );
  });

  it('filters by name and keeps ancestors', () => {
    expect(flattenTree(filterTree(tree, 'CODE A2')).map((n) => n.code.id)).toEqual(['a', 'a2']);
    expect(filterTree(tree, '  ')).toHaveLength(2);
  });
});

describe('uncode', () => {
  it('finds the coder’s codings under a selection or a caret', () => {
    const cs = [
      { id: '1', start: 0, end: 10, coderId: 'me' },
      { id: '2', start: 10, end: 20, coderId: 'me' },
      { id: '3', start: 5, end: 15, coderId: 'you' },
    ];
    expect(codingsUnder(cs, { start: 8, end: 12 }, 'me').map((c) => c.id)).toEqual(['1', '2']);
    expect(codingsUnder(cs, { start: 10, end: 10 }, 'me').map((c) => c.id)).toEqual(['2']);
    expect(codingsUnder(cs, { start: 20, end: 25 }, 'me')).toEqual([]);
  });
});

describe('undo and redo keys', () => {
  const k = (key: string, o: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...o });
  it('maps Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y', () => {
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(k('x', { ctrlKey: true })).toBeNull();
  });
});
