import type { KeyboardEvent } from 'react';
import type { CodeNode } from '../../../shared/coding/tree';
import { CODE_DRAG_TYPE, CodeTreeItem } from './CodeTreeItem';
import type { CodeCountMaps } from './countsText';
import { keyboardMove } from './treeMoves';
import type { TreeState } from './useTreeState';

interface Props {
  nodes: readonly CodeNode[];
  counts: CodeCountMaps;
  tree: TreeState;
  /** While filtering, every code is shown expanded. */
  expandAll?: boolean;
  /** Code id → its number for the 1–9 keys. */
  shortcuts: ReadonlyMap<string, number>;
  /** Code ids that have a memo. */
  memos: ReadonlySet<string>;
  onActivate: (id: string) => void;
  /** Enter on a code (default: the same as activating it). */
  onEnter?: (id: string) => void;
  onRename: (id: string, name: string, from: string) => void;
  onMove: (id: string, parentId: string | null, index?: number) => void;
  onNewSubcode: (parentId: string) => void;
}

const NONE: ReadonlySet<string> = new Set();

/** Nodes in the order shown, skipping the children of collapsed codes. */
export function visibleNodes(nodes: readonly CodeNode[], collapsed: ReadonlySet<string>): CodeNode[] {
  return visibleRows(nodes, collapsed).map((r) => r.node);
}

interface Row {
  node: CodeNode;
  position: number;
  siblings: number;
}

function visibleRows(nodes: readonly CodeNode[], collapsed: ReadonlySet<string>): Row[] {
  const out: Row[] = [];
  const walk = (ns: readonly CodeNode[]) => {
    ns.forEach((node, i) => {
      out.push({ node, position: i + 1, siblings: ns.length });
      if (!collapsed.has(node.code.id)) walk(node.children);
    });
  };
  walk(nodes);
  return out;
}

/** The codebook as an ARIA tree: arrows move and expand, Enter applies (or opens, see onEnter), F2 renames, Insert adds a subcode. */
export function CodeTree({ nodes, counts, tree, expandAll = false, shortcuts, memos, onActivate, onEnter = onActivate, onRename, onMove, onNewSubcode }: Props) {
  const collapsed = expandAll ? NONE : tree.collapsed;
  const onKeyDown = (e: KeyboardEvent) => {
    if (tree.renamingId !== null) return;
    const visible = visibleNodes(nodes, collapsed);
    if (visible.length === 0) return;
    const i = visible.findIndex((n) => n.code.id === tree.focusedId);
    const node = visible[i];
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      if (!node) return;
      const to = keyboardMove(nodes, node.code.id, e.key);
      if (to) {
        if (to.parentId) tree.toggle(to.parentId, true);
        onMove(node.code.id, to.parentId, to.index);
        tree.focusItem(node.code.id);
      }
      return;
    }
    const go = (n: CodeNode | undefined) => n && tree.focusItem(n.code.id);
    switch (e.key) {
      case 'ArrowDown':
        go(visible[Math.min(i + 1, visible.length - 1)]);
        break;
      case 'ArrowUp':
        go(visible[Math.max(i - 1, 0)]);
        break;
      case 'Home':
        go(visible[0]);
        break;
      case 'End':
        go(visible[visible.length - 1]);
        break;
      case 'ArrowRight':
        if (!node || node.children.length === 0) return;
        if (collapsed.has(node.code.id)) tree.toggle(node.code.id, true);
        else go(node.children[0]);
        break;
      case 'ArrowLeft':
        if (!node) return;
        if (node.children.length > 0 && !collapsed.has(node.code.id)) tree.toggle(node.code.id, false);
        else go(visible.slice(0, i).reverse().find((n) => n.depth === node.depth - 1));
        break;
      case 'Enter':
        if (!node) return;
        onEnter(node.code.id);
        break;
      case ' ':
        if (!node) return;
        onActivate(node.code.id);
        break;
      case 'F2':
        if (!node) return;
        tree.setRenamingId(node.code.id);
        break;
      case 'Insert':
        if (!node) return;
        onNewSubcode(node.code.id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  const rows = visibleRows(nodes, collapsed);
  const focusable = tree.focusedId !== null && rows.some((r) => r.node.code.id === tree.focusedId);
  // Roving tabindex: the focused code holds the tab stop; with none yet, the first code.
  const tabStopId = focusable ? tree.focusedId : (rows[0]?.node.code.id ?? null);
  return (
    <ul
      className="code-tree"
      role="tree"
      aria-label="Codebook"
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(CODE_DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const id = e.dataTransfer.getData(CODE_DRAG_TYPE);
        e.preventDefault();
        if (id) onMove(id, null);
      }}
    >
      {rows.map(({ node, position, siblings }) => (
        <CodeTreeItem
          key={node.code.id}
          node={node}
          position={position}
          siblings={siblings}
          counts={counts}
          collapsed={collapsed.has(node.code.id)}
          shortcut={shortcuts.get(node.code.id)}
          hasMemo={memos.has(node.code.id)}
          tabStop={node.code.id === tabStopId}
          tree={tree}
          onActivate={onActivate}
          onRename={onRename}
          onMove={onMove}
        />
      ))}
    </ul>
  );
}
