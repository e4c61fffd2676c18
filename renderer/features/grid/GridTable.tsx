import { AnswerPreview, useAnswerFolded } from '../safeguarding/AnswerPreview';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFixedRows } from '../../app/fixedRows';
import type { Code } from '../../../shared/model';
import type { SortKey, SortState } from '../../../shared/grid/rows';
import type { GridCell, GridRowData } from '../../workers/grid-core';
import type { Cursor } from './cursor';

/** A question column as shown: its index in the row data's cells. */
export interface ShownQuestion {
  key: string;
  name: string;
  description: string;
  index: number;
}

/** An attribute column as shown: its index in the row data's values. */
export interface ShownAttribute {
  key: string;
  name: string;
  index: number;
}

interface Props {
  /** Rows shown. */
  count: number;
  /** The row at a position, if fetched yet (a placeholder row is drawn until it is). */
  rowAt: (position: number) => GridRowData | undefined;
  /** Asks for the rows at positions [from, to) (called as the table scrolls). */
  want: (from: number, to: number) => void;
  questions: readonly ShownQuestion[];
  attributes: readonly ShownAttribute[];
  /** Show the Participant column. */
  participants: boolean;
  /** Characters in the longest record id. */
  recordIdLength: number;
  codeById: ReadonlyMap<string, Code>;
  sort: SortState;
  /** A new sort or filter is being computed. */
  busy: boolean;
  onSort: (key: SortKey) => void;
  cursor: Cursor | null;
  onSelect: (c: Cursor) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/** Row height in px: answers show two lines (the full text is in the tooltip and the detail pane). */
export const ROW_HEIGHT = 48;
const MAX_CHIPS = 3;
const ANSWER_REM = 24;
const ATTRIBUTE_REM = 8.5;
const PARTICIPANT_REM = 9;
const CODES_REM = 13;

/** The record id column's width in rem: wide enough for the longest id (within reason). */
export const recordIdRem = (chars: number) => Math.min(16, Math.max(5.5, chars * 0.62 + 1.6));

export const cellId = (position: number, question: number) => `grid-cell-${position}-${question}`;

/** The responses as an ARIA grid, one cell per answer; only the rows near the viewport are in the DOM. */
export function GridTable({ count, rowAt, want, questions, attributes, participants, recordIdLength, codeById, sort, busy, onSort, cursor, onSelect, onKeyDown }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  // Rows start below the header row, which stays (sticky) over the top of the scroll area, and
  // a horizontal scrollbar may cover the bottom: both are counted, so the row scrolled to is
  // wholly visible. Every row is ROW_HEIGHT high (the cells' CSS fixes it), so the rows in view
  // follow from the scroll position alone (app/fixedRows.ts), whatever the count.
  const [head, setHead] = useState(36);
  const columnCount = questions.length + attributes.length + (participants ? 1 : 0);
  useLayoutEffect(() => {
    const h = headRef.current?.offsetHeight;
    if (h) setHead(h);
  }, [columnCount]);
  const { first, last, scrollTo } = useFixedRows(scrollRef, { count, rowHeight: ROW_HEIGHT, offset: head, coverTop: head, coverBottom: 18, overscan: 6 });
  const position = cursor && cursor.position < count ? cursor.position : -1;
  const question = cursor ? cursor.question : -1;
  useEffect(() => {
    if (position >= 0) scrollTo(position);
  }, [position, scrollTo]);
  // The selected answer's column in view, too (right of the sticky record id column).
  useEffect(() => {
    const el = position >= 0 ? document.getElementById(cellId(position, question)) : null;
    const scroller = scrollRef.current;
    if (!el || !scroller) return;
    const sticky = (scroller.querySelector('thead th') as HTMLElement | null)?.offsetWidth ?? 0;
    const left = el.offsetLeft;
    const right = left + el.offsetWidth;
    if (left - sticky < scroller.scrollLeft) scroller.scrollLeft = Math.max(0, left - sticky);
    else if (right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = right - scroller.clientWidth;
  }, [question, position >= 0]);

  useEffect(() => {
    if (last > first) want(first, last);
  }, [first, last, want]);

  const shown: number[] = [];
  for (let i = first; i < last; i++) shown.push(i);
  const before = first * ROW_HEIGHT;
  const after = (count - last) * ROW_HEIGHT;
  const idRem = recordIdRem(recordIdLength);
  const columns: { key: SortKey; label: string; title?: string; rem: number; className?: string }[] = [
    { key: 'record', label: 'Record ID', rem: idRem, className: 'grid-col--id' },
    ...(participants ? [{ key: 'participant', label: 'Participant', rem: PARTICIPANT_REM }] : []),
    ...questions.map((q) => ({ key: q.key, label: q.name, title: q.description ? `${q.name}: ${q.description}` : q.name, rem: ANSWER_REM, className: 'grid-col--answer' })),
    ...attributes.map((a) => ({ key: a.key, label: a.name, rem: ATTRIBUTE_REM })),
    { key: 'codes', label: 'Codes', rem: CODES_REM },
  ];
  const width = columns.reduce((n, c) => n + c.rem, 0);
  const current = position >= 0 && rowAt(position)?.cells[questions[question]?.index ?? -1] ? cellId(position, question) : undefined;

  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="survey-grid"
        role="grid"
        aria-label="Survey responses"
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-activedescendant={current}
        aria-describedby="grid-help"
        aria-busy={busy}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ width: `max(100%, ${width}rem)` }}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: `${c.rem}rem` }} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr role="row" aria-rowindex={1}>
            {columns.map((c) => {
              const on = sort.key === c.key;
              const what = c.className === 'grid-col--answer' ? `${c.label} (by answer length)` : c.label;
              return (
                <th key={c.key} role="columnheader" scope="col" className={c.className} aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="grid-sort" onClick={() => onSort(c.key)} title={`${c.title ?? c.label} — sort by ${what}`}>
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
          {shown.map((index) => (
            <GridRowView
              key={index}
              position={index}
              row={rowAt(index)}
              selected={index === position ? question : -1}
              questions={questions}
              attributes={attributes}
              participants={participants}
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
  /** The selected question column in this row, or -1 if the row is not selected. */
  selected: number;
  questions: readonly ShownQuestion[];
  attributes: readonly ShownAttribute[];
  participants: boolean;
  codeById: ReadonlyMap<string, Code>;
  onSelect: (c: Cursor) => void;
}

/** One response; re-renders only when its data, position or selected cell changes. */
const GridRowView = memo(function GridRowView({ position, row: r, selected, questions, attributes, participants, codeById, onSelect }: RowProps) {
  const props = {
    role: 'row',
    'data-index': position,
    'aria-rowindex': position + 2,
    'aria-selected': selected >= 0,
    className: selected >= 0 ? 'grid-row grid-row--selected' : 'grid-row',
    style: { height: ROW_HEIGHT },
  };
  const pick = (q: number) => () => onSelect({ position, question: q });
  if (!r) {
    return (
      <tr {...props} aria-busy="true" onClick={pick(Math.max(0, selected))}>
        <td role="gridcell" className="grid-cell--id grid-cell--loading">…</td>
        {participants && <td role="gridcell" />}
        {questions.map((q) => (
          <td role="gridcell" key={q.key} />
        ))}
        {attributes.map((a) => (
          <td role="gridcell" key={a.key} />
        ))}
        <td role="gridcell" />
      </tr>
    );
  }
  const codeIds = r.codeIds;
  return (
    <tr {...props}>
      <th role="rowheader" scope="row" className="grid-cell--id" title={r.recordId} onClick={pick(Math.max(0, selected))}>
        {r.recordId}
      </th>
      {participants && (
        <td role="gridcell" onClick={pick(Math.max(0, selected))}>
          {r.pseudonym}
        </td>
      )}
      {questions.map((q, i) => (
        <AnswerCell key={q.key} id={cellId(position, i)} cell={r.cells[q.index] ?? null} selected={selected === i} codeById={codeById} onClick={pick(i)} />
      ))}
      {attributes.map((a) => (
        <td role="gridcell" key={a.key} title={r.values[a.index]} onClick={pick(Math.max(0, selected))}>
          {r.values[a.index]}
        </td>
      ))}
      <td role="gridcell" className="grid-cell--codes" onClick={pick(Math.max(0, selected))}>
        {codeIds.slice(0, MAX_CHIPS).map((id) => {
          const c = codeById.get(id);
          return c ? (
            <span key={id} className="grid-chip">
              <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
              {c.name}
            </span>
          ) : null;
        })}
        {codeIds.length > MAX_CHIPS && <span className="grid-chip grid-chip--more">+{codeIds.length - MAX_CHIPS} more</span>}
      </td>
    </tr>
  );
});

function AnswerCell({ id, cell, selected, codeById, onClick }: { id: string; cell: GridCell | null; selected: boolean; codeById: ReadonlyMap<string, Code>; onClick: () => void }) {
  const cls = `grid-cell--answer${selected ? ' grid-cell--selected' : ''}${cell ? '' : ' grid-cell--empty'}`;
  if (!cell) {
    return (
      <td role="gridcell" id={id} className={cls} aria-selected={selected} onClick={onClick}>
        <span className="visually-hidden">no answer</span>
      </td>
    );
  }
  const more = cell.length > cell.text.length ? '…' : '';
  const names = cell.codeIds.flatMap((c) => (codeById.has(c) ? [codeById.get(c)!.name] : []));
  const folded = useAnswerFolded(cell);
  return (
    <td role="gridcell" id={id} className={cls} aria-selected={selected} onClick={onClick} title={folded ? 'Content note: select the answer, then choose “Show passage” in the detail pane' : cell.text + more}>
      <div className="grid-answer">
        {cell.codeIds.length > 0 && (
          <span className="grid-answer__codes" title={`Coded: ${names.join(', ')}`}>
            {cell.codeIds.slice(0, 4).map((c) => (
              <span key={c} className="swatch" style={{ backgroundColor: codeById.get(c)?.colour ?? '#767676' }} aria-hidden="true" />
            ))}
            <span className="visually-hidden">coded {names.join(', ')}: </span>
          </span>
        )}
        <AnswerPreview cell={cell} />
      </div>
    </td>
  );
}
