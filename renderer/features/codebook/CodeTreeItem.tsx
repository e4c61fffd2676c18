import type { CodeNode } from '../../../shared/coding/tree';
import { countsText, type CodeCountMaps } from './countsText';
import { RenameField } from './RenameField';
import type { TreeState } from './useTreeState';

export const CODE_DRAG_TYPE = 'application/x-chorus-code';

interface Props {
  node: CodeNode;
  /** Position among siblings (1-based) and their number, for aria-posinset/aria-setsize. */
  position: number;
  siblings: number;
  /** Whether this item holds the tree's single tab stop. */
  tabStop: boolean;
  counts: CodeCountMaps;
  collapsed: boolean;
  /** Its number for the 1–9 keys, if it is on one (shared/coding/quick-keys.ts). */
  shortcut: number | undefined;
  hasMemo: boolean;
  tree: TreeState;
  onActivate: (id: string) => void;
  onRename: (id: string, name: string, from: string) => void;
  onMove: (id: string, parentId: string | null) => void;
}

/**
 * One code. Items are rendered flat (structure through aria-level/posinset/setsize), so each
 * item's accessible name is just its own row: name and count.
 */
export function CodeTreeItem({ node, position, siblings, tabStop, counts, collapsed, shortcut, hasMemo, tree, onActivate, onRename, onMove }: Props) {
  const { code, children, depth } = node;
  const hasChildren = children.length > 0;
  const expanded = hasChildren ? !collapsed : undefined;
  const focused = tree.focusedId === code.id;
  const count = countsText(counts, code.id, hasChildren, collapsed);
  const renaming = tree.renamingId === code.id;
  return (
    <li
      role="treeitem"
      id={`code-${code.id}`}
      data-code-id={code.id}
      aria-level={depth + 1}
      aria-posinset={position}
      aria-setsize={siblings}
      aria-expanded={expanded}
      aria-selected={focused}
      tabIndex={tabStop ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) tree.setFocusedId(code.id);
      }}
    >
      <div
        className={focused ? 'code-row code-row--focused' : 'code-row'}
        style={{ paddingLeft: `${0.25 + depth * 1.1}rem` }}
        draggable={!renaming}
        onDragStart={(e) => {
          e.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(CODE_DRAG_TYPE)) e.preventDefault();
        }}
        onDrop={(e) => {
          const id = e.dataTransfer.getData(CODE_DRAG_TYPE);
          e.preventDefault();
          e.stopPropagation();
          if (id && id !== code.id) onMove(id, code.id);
        }}
        onClick={() => {
          tree.focusItem(code.id);
          onActivate(code.id);
        }}
        onDoubleClick={() => tree.setRenamingId(code.id)}
      >
        <span
          className="code-row__toggle"
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation();
            if (hasChildren) tree.toggle(code.id);
          }}
        >
          {hasChildren ? (expanded ? '▾' : '▸') : ''}
        </span>
        <span className="swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" />
        {renaming ? (
          <RenameField
            initial={code.name}
            onCommit={(name, from) => {
              tree.setRenamingId(null);
              tree.focusItem(code.id);
              onRename(code.id, name, from);
            }}
            onCancel={() => {
              tree.setRenamingId(null);
              tree.focusItem(code.id);
            }}
          />
        ) : (
          <bdi className="code-row__name">{code.name}</bdi>
        )}
        {hasMemo && (
          <span className="memo-mark" title="This code has a memo">
            ✎<span className="visually-hidden"> has a memo</span>
          </span>
        )}
        {shortcut !== undefined && (
          <kbd className="code-row__key" title={`Press ${shortcut} to apply this code to the selected text`}>
            <span className="visually-hidden">key </span>
            {shortcut}
          </kbd>
        )}
        <span className="code-row__count" title={count.tip}>
          {count.rolled && <span aria-hidden="true">Σ </span>}
          {count.shown}
          <span className="visually-hidden">
            {count.shown === 1 ? ' coding' : ' codings'}
            {count.rolled ? ' including subcodes' : ''}
          </span>
        </span>
      </div>
    </li>
  );
}
