import { useMemo } from 'react';
import { canMoveUnder, flattenTree, type CodeNode } from '../../../shared/coding/tree';
import type { Code } from '../../../shared/model';

interface Props {
  code: Code | undefined;
  codes: readonly Code[];
  nodes: readonly CodeNode[];
  onMove: (id: string, parentId: string | null) => void;
}

const TOP = '__top__';

/** The keyboard way to nest: choose the focused code's new parent. */
export function MoveToSelect({ code, codes, nodes, onMove }: Props) {
  const options = useMemo(() => flattenTree(nodes), [nodes]);
  return (
    <div className="move-to">
      <label htmlFor="move-to-select">Move to…</label>
      <select
        id="move-to-select"
        disabled={!code}
        value={code?.parentId ?? TOP}
        onChange={(e) => code && onMove(code.id, e.target.value === TOP ? null : e.target.value)}
      >
        <option value={TOP}>Top level</option>
        {options.map(({ code: c, depth }) => (
          <option key={c.id} value={c.id} disabled={!code || !canMoveUnder(codes, code.id, c.id)}>
            {'\u00a0\u00a0'.repeat(depth) + c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
