/**
 * An analysis result as an accessible, sortable <table>: a caption, column headers and row headers with scope.
 * Each cell's content sits in a width-capped, wrapping box (a 2,000-character token must not make the
 * table a million pixels wide) and inside <bdi>, so a name with a right-to-left override cannot reorder its neighbours.
 */
import { useMemo, useState } from 'react';
import type { AnalysisTable, Row } from '../../../shared/analysis';
import { cellText, compareCells, isSuppressedText } from './cells';

export interface ResultTableProps {
  /** The table as shown (after publication control, if on). */
  table: AnalysisTable;
  /** The rows before publication control, to tell a suppressed cell from a missing one. */
  originalRows?: Row[];
  /** The disclosure threshold when publication control is on. */
  threshold: number | null;
  /** Most rows to draw (the export has them all). */
  maxRows?: number;
  /** The segments behind a count, if the cell (row index, column key) has them: a label for its button. */
  evidenceOf?: (rowIndex: number, columnKey: string) => string | null;
  /** Open the segments behind a cell (click, or Enter on its focused button). */
  onOpenCell?: (rowIndex: number, columnKey: string) => void;
}

type Sort = { key: string; dir: 'ascending' | 'descending' } | null;

export function ResultTable({ table, originalRows, threshold, maxRows = 500, evidenceOf, onOpenCell }: ResultTableProps) {
  const [sort, setSort] = useState<Sort>(null);
  const order = useMemo(() => {
    const idx = table.rows.map((_, i) => i);
    if (!sort) return idx;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return idx.sort((a, b) => sign * compareCells(table.rows[a]![sort.key], table.rows[b]![sort.key]) || a - b);
  }, [table, sort]);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: 'descending' }));
  const [first, ...rest] = table.columns;
  const shown = order.slice(0, maxRows);
  return (
    <div className="result-table" role="region" aria-label={`${table.title}: table`} tabIndex={0}>
      <table>
        <caption>
          {table.title}
          {threshold !== null && <span className="suppression-tag"> — for publication: counts below {threshold} suppressed</span>}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.dir : undefined} className={`col-${c.type}`}>
                <button type="button" className="sort-button" onClick={() => toggle(c.key)} title={`Sort by ${c.label}`}>
                  {c.label}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => {
            const row = table.rows[i]!;
            const orig = originalRows?.[i];
            return (
              <tr key={i}>
                {first && (
                  <th scope="row" className={`col-${first.type}`}>
                    <div className="cell">
                      <bdi>{cellText(first, row[first.key], orig?.[first.key], threshold)}</bdi>
                    </div>
                  </th>
                )}
                {rest.map((c) => {
                  const v = row[c.key];
                  const mark = table.suppressed?.[i]?.[c.key];
                  const text = cellText(c, v, orig?.[c.key], threshold, mark);
                  // (a suppressed cell never opens its segments: their number is what it hides)
                  const evidence = onOpenCell && !mark && typeof v === 'number' && v > 0 ? (evidenceOf?.(i, c.key) ?? null) : null;
                  return (
                    <td key={c.key} className={`col-${c.type}${isSuppressedText(text, threshold) ? ' suppressed' : ''}`}>
                      <div className="cell">
                        {Array.isArray(v) && v.length > 0 ? (
                          <ul className="quotes">
                            {v.map((q, j) => (
                              <li key={j}>
                                <bdi>{q}</bdi>
                              </li>
                            ))}
                          </ul>
                        ) : evidence ? (
                          <button type="button" className="cell-link" title={`Open the segments behind this count: ${evidence}`} onClick={() => onOpenCell!(i, c.key)}>
                            <bdi>{text}</bdi>
                            <span className="visually-hidden"> — open the segments: {evidence}</span>
                          </button>
                        ) : (
                          <bdi>{text}</bdi>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.rows.length > shown.length && (
        <p className="hint">
          Showing the first {shown.length} of {table.rows.length} rows; the export includes them all.
        </p>
      )}
      {table.rows.length === 0 && <p className="empty">No rows: nothing in scope was coded for this analysis.</p>}
    </div>
  );
}
