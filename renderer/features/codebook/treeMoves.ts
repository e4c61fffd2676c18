import type { CodeNode } from '../../../shared/coding/tree';

/** Where a keyboard move (Alt + arrow) sends a code: its new parent and position, or null if it cannot go. */
export interface MoveTarget {
  parentId: string | null;
  index: number;
}

function locate(nodes: readonly CodeNode[], id: string, parent: CodeNode | null = null): { siblings: readonly CodeNode[]; index: number; parent: CodeNode | null } | null {
  const index = nodes.findIndex((n) => n.code.id === id);
  if (index >= 0) return { siblings: nodes, index, parent };
  for (const n of nodes) {
    const r = locate(n.children, id, n);
    if (r) return r;
  }
  return null;
}

/**
 * Alt+Up/Down reorder among siblings; Alt+Right indents under the sibling above (as its last
 * subcode); Alt+Left outdents to just after the parent.
 */
export function keyboardMove(nodes: readonly CodeNode[], id: string, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): MoveTarget | null {
  const at = locate(nodes, id);
  if (!at) return null;
  const { siblings, index, parent } = at;
  const parentId = parent?.code.id ?? null;
  switch (key) {
    case 'ArrowUp':
      return index > 0 ? { parentId, index: index - 1 } : null;
    case 'ArrowDown':
      return index < siblings.length - 1 ? { parentId, index: index + 1 } : null;
    case 'ArrowRight': {
      const above = siblings[index - 1];
      return above ? { parentId: above.code.id, index: above.children.length } : null;
    }
    case 'ArrowLeft': {
      if (!parent) return null;
      const up = locate(nodes, parent.code.id)!;
      return { parentId: up.parent?.code.id ?? null, index: up.index + 1 };
    }
  }
}

/** The tree cut down to codes whose name contains `query` (any case), with their ancestors. */
export function filterTree(nodes: readonly CodeNode[], query: string): CodeNode[] {
  const q = query.trim().toLocaleLowerCase('en-GB');
  if (!q) return [...nodes];
  const walk = (ns: readonly CodeNode[]): CodeNode[] =>
    ns.flatMap((n) => {
      const children = walk(n.children);
      return n.code.name.toLocaleLowerCase('en-GB').includes(q) || children.length > 0 ? [{ ...n, children }] : [];
    });
  return walk(nodes);
}
