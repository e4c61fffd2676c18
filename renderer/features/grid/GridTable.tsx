import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Code, Variable } from '../../../shared/model';
import { showValue, type GridRowData, type SortKey, type SortState } from '../../../shared/coding/grid-model';

interface Props {
  /** Rows shown. */
  count: number;
  /** The row at a position, if fetched yet (a placeholder row is drawn until it is). */
  rowAt: (position: number) => GridRowData | undefined;
  /** Asks for the rows at positions [from, to) (called as the table scrolls). */
  want: (from: number, to: number) => void;
  variables: readonly Variable[];
  codeById: ReadonlyMap<string, Code>;
  sort: SortState;
  /** A new sort or filter is being computed. */
  busy: boolean;
  onSort: (key: SortKey) => void;
  selected: number;
  onSelect: (i: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/** Row height in px: rows are one line (long values are cut with an ellipsis and shown in full in the detail pane). */
export const ROW_HEIGHT = 34;
const MAX_CHIPS = 3;

/** The responses as an ARIA grid; only the rows near the viewport are in the DOM. */
export function GridTable({ count, rowAt, want, variables, codeById, sort, busy, onSort, selected, onSelect, onKeyDown }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollPaddingStart: ROW_HEIGHT + 4,
  });
  useEffect(() => {
    if (selected >= 0 && selected < count) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, count, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => {
    if (last > first) want(first, last);
  }, [first, last, want]);

  const total = virtualizer.getTotalSize();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? total - items[items.length - 1]!.end : 0;
  const current = selected >= 0 ? rowAt(selected) : undefined;
  const columns: { key: SortKey; label: string }[] = [
    { key: 'title', label: 'Response' },
    { key: 'participant', label: 'Participant' },
    ...variables.map((v) => ({ key: `var:${v.id}`, label: v.name })),
    { key: 'codes', label: 'Codes' },
  ];

  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="survey-grid"
        role="grid"
        aria-label="Survey responses"
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-activedescendant={current ? `grid-row-${current.id}` : undefined}
        aria-describedby="grid-help"
        aria-busy={busy}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <colgroup>
          <col className="grid-col--title" />
          <col className="grid-col--participant" />
          {variables.map((v) => (
            <col key={v.id} />
          ))}
          <col className="grid-col--codes" />
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {columns.map((c) => {
              const on = sort.key === c.key;
              return (
                <th key={c.key} role="columnheader" scope="col" aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="grid-sort" onClick={() => onSort(c.key)} title={`Sort by ${c.label}`}>
                    {c.label}
                    <span aria-hidden="true" className="grid-sort__arrow">
                      {on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="grid-spacer">
              <td colSpan={columns.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => (
            <GridRowView
              key={item.index}
              position={item.index}
              row={rowAt(item.index)}
              selected={item.index === selected}
              variables={variables}
              codeById={codeById}
              onSelect={onSelect}
            />
          ))}
          {after > 0 && (
            <tr aria-hidden="true" className="grid-spacer">
              <td colSpan={columns.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  position: number;
  row: GridRowData | undefined;
  selected: boolean;
  variables: readonly Variable[];
  codeById: ReadonlyMap<string, Code>;
  onSelect: (i: number) => void;
}

/** One row; re-renders only when its data, position or selection changes. */
const GridRowView = memo(function GridRowView({ position, row: r, selected, variables, codeById, onSelect }: RowProps) {
  const props = {
    role: 'row',
    'aria-rowindex': position + 2,
    'aria-selected': selected,
    className: selected ? 'grid-row grid-row--selected' : 'grid-row',
    style: { height: ROW_HEIGHT },
    onClick: () => onSelect(position),
  };
  if (!r) {
    return (
      <tr {...props} aria-busy="true">
        <td role="gridcell" className="grid-cell--title grid-cell--loading">…</td>
        <td role="gridcell" />
        {variables.map((v) => (
          <td role="gridcell" key={v.id} />
        ))}
        <td role="gridcell" />
      </tr>
    );
  }
  const codeIds = r.codeIds;
  return (
    <tr {...props} id={`grid-row-${r.id}`}>
      <td role="gridcell" className="grid-cell--title">{r.recordId || r.title}</td>
      <td role="gridcell">{r.pseudonym}</td>
      {variables.map((v) => (
        <td role="gridcell" key={v.id}>
          {showValue(r.attributes[v.id])}
        </td>
      ))}
      <td role="gridcell" className="grid-cell--codes">
        {codeIds.slice(0, MAX_CHIPS).map((id) => {
          const c = codeById.get(id);
          return c ? (
            <span key={id} className="grid-chip">
              <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
              <bdi>{c.name}</bdi>
            </span>
          ) : null;
        })}
        {codeIds.length > MAX_CHIPS && <span className="grid-chip grid-chip--more">+{codeIds.length - MAX_CHIPS} more</span>}
      </td>
    </tr>
  );
});
