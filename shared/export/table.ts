/**
 * CSV and XLSX writers for analysis tables. Any text cell that a spreadsheet could read as a formula
 * (starting with = + - @, tab or carriage return) is neutralised with a leading single quote.
 */
import { utils, write } from 'xlsx';
import type { AnalysisTable, Cell } from '../analysis/types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a single quote to text a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as a spreadsheet value: lists joined with "; ", flags as yes/no, null as empty; text neutralised. */
function plain(cell: Cell | undefined): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  return neutraliseFormula(cell.join('; '));
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends): a header of column labels, then one line per row. */
export function toCsv(table: AnalysisTable, options: { bom?: boolean } = {}): string {
  const lines = [table.columns.map((c) => csvField(plain(c.label)))];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(plain(row[c.key]))));
  return (options.bom ? '\uFEFF' : '') + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** A one-sheet XLSX workbook of rows we wrote ourselves (cells already formula-neutralised by the caller). */
export function sheetToXlsx(sheetName: string, rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows.map((r) => [...r])), sheetName);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** An XLSX workbook: the table on sheet "Table", and what it shows, its limits and warnings on sheet "About". */
export function toXlsx(table: AnalysisTable): Uint8Array {
  const aoa: Array<Array<string | number | null>> = [table.columns.map((c) => plain(c.label))];
  for (const row of table.rows) aoa.push(table.columns.map((c) => plain(row[c.key])));
  const about: string[][] = [
    ['Title', table.title],
    ['What this shows', table.notes.shows],
    ['Limits', table.notes.limits],
    ...table.warnings.map((w) => ['Warning', w]),
    ...Object.entries(table.stats ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
  ].map((r) => r.map((x) => neutraliseFormula(x)));
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(aoa), 'Table');
  utils.book_append_sheet(wb, utils.aoa_to_sheet(about), 'About');
  const out: unknown = write(wb, { type: 'array', bookType: 'xlsx', compression: true });
  return new Uint8Array(out as ArrayBuffer);
}
