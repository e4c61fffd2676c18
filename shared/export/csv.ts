/**
 * CSV and TSV writers for analysis tables, and what every table writer shares (the formula rule:
 * see ./table.ts). Apart from the XLSX writers so that a screen that only writes CSV (the audit
 * log) does not load the spreadsheet library.
 */
import { suppressionText } from '../analysis/disclosure';
import type { AnalysisTable, Cell } from '../analysis/types';

/** Any table these writers take: an analysis result, or another table shaped like one (retrieved segments). */
export type ExportTable = Omit<AnalysisTable, 'kind'>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a single quote to text a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as a spreadsheet value: lists joined with "; ", flags as yes/no, null as empty. */
export function value(cell: Cell | undefined): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'string') return cell;
  return cell.join('; ');
}

/** A cell for a text format (CSV, TSV): its value with text formula-neutralised. */
function plain(cell: Cell | undefined): string | number | null {
  const v = value(cell);
  return typeof v === 'string' ? neutraliseFormula(v) : v;
}

/** A row's cell, or the words of a suppressed cell ("fewer than N", "withheld") — never an empty cell for a suppressed one. */
export function cellAt(table: Pick<ExportTable, 'rows' | 'suppressed' | 'stats'>, r: number, key: string): Cell | undefined {
  return suppressionText(table, r, key) ?? table.rows[r]![key];
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends): a header of column labels, then one line per row. */
export function toCsv(table: Pick<ExportTable, 'columns' | 'rows' | 'suppressed' | 'stats'>, options: { bom?: boolean } = {}): string {
  const lines = [table.columns.map((c) => csvField(plain(c.label)))];
  table.rows.forEach((_, r) => lines.push(table.columns.map((c) => csvField(plain(cellAt(table, r, c.key))))));
  return (options.bom ? '\uFEFF' : '') + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated text (LF line ends) for a terminal or a pipe: tabs and line breaks inside a cell become spaces; text formula-neutralised as in CSV. */
export function toTsvLines(table: ExportTable): string[] {
  const field = (v: string | number | null) => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
  return [table.columns.map((c) => field(plain(c.label))).join('\t'), ...table.rows.map((_, r) => table.columns.map((c) => field(plain(cellAt(table, r, c.key)))).join('\t'))];
}
