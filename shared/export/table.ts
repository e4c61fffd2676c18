/**
 * XLSX writers for analysis tables (CSV and TSV are in ./csv.ts, re-exported here).
 *
 * Formula injection, the rule: a formula exists only where a spreadsheet PARSES text.
 * - CSV and TSV have no cell types: every field is parsed when the file is opened, so a text field
 *   starting with = + - @, tab or carriage return is neutralised with a leading single quote.
 * - XLSX has cell types: text is written as shared-string cells (`t="s"`), which Excel, LibreOffice
 *   and Google Sheets show as text and never evaluate (a formula is an `<f>` element, never written).
 *   So XLSX text is written exactly as it is, with no apostrophe for the reader to see.
 *   (xlsx's default `t="str"` is a formula's cached result type: bookSST makes it `t="s"`.)
 * XLSX holds at most 32,767 characters in a cell: a longer text is cut with a marker that says so,
 * and the "About" sheet counts the cells cut (the CSV has them whole).
 */
import { utils, write } from 'xlsx';
import { cellAt, value, type ExportTable } from './csv';

export { neutraliseFormula, toCsv, toTsvLines, type ExportTable } from './csv';

/** The most characters an XLSX cell holds. */
export const XLSX_CELL_LIMIT = 32_767;

/** Text cut to the XLSX cell limit with a marker saying how long it was, or undefined when it fits. */
export function cutForXlsx(text: string): string | undefined {
  if (text.length <= XLSX_CELL_LIMIT) return undefined;
  const marker = ` … [cut: ${text.length.toLocaleString('en-GB')} characters in all; XLSX holds 32,767 in a cell — the CSV export has it whole]`;
  let keep = XLSX_CELL_LIMIT - marker.length;
  if (/[\uD800-\uDBFF]/.test(text[keep - 1] ?? '')) keep--; // never split a surrogate pair
  return text.slice(0, keep) + marker;
}

/** A one-sheet XLSX workbook of rows we wrote ourselves: text in string cells as-is (see the file comment), over-long cells cut. */
export function sheetToXlsx(sheetName: string, rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows.map((r) => r.map((c) => (typeof c === 'string' ? (cutForXlsx(c) ?? c) : c)))), sheetName);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }) as ArrayBuffer);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitive). */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || `Sheet ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A workbook of several sheets of rows we wrote ourselves (text as string cells, never formulas; over-long cells cut). */
export function sheetsToXlsx(sheets: ReadonlyArray<{ name: string; rows: ReadonlyArray<ReadonlyArray<string | number | null>> }>): Uint8Array {
  const wb = utils.book_new();
  const names = sheetNames(sheets.map((s) => s.name));
  sheets.forEach((s, i) => utils.book_append_sheet(wb, utils.aoa_to_sheet(s.rows.map((r) => r.map((c) => (typeof c === 'string' ? (cutForXlsx(c) ?? c) : c)))), names[i]));
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }) as ArrayBuffer);
}

/** An XLSX workbook: the table on sheet "Table", and what it shows, its limits and warnings on sheet "About". Text is written as-is in string cells (see the file comment). */
export function toXlsx(table: ExportTable): Uint8Array {
  let cut = 0;
  const fit = (v: string | number | null) => {
    if (typeof v !== 'string') return v;
    const c = cutForXlsx(v);
    if (c === undefined) return v;
    cut++;
    return c;
  };
  const aoa: Array<Array<string | number | null>> = [table.columns.map((c) => fit(value(c.label)))];
  table.rows.forEach((_, r) => aoa.push(table.columns.map((c) => fit(value(cellAt(table, r, c.key))))));
  const about: Array<Array<string | number | null>> = [
    ['Title', table.title],
    ['What this shows', table.notes.shows],
    ['Limits', table.notes.limits],
    ...table.warnings.map((w) => ['Warning', w]),
    ...Object.entries(table.stats ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
  ].map((r) => r.map(fit));
  if (cut > 0) about.push(['Cut', `${cut.toLocaleString('en-GB')} ${cut === 1 ? 'cell was' : 'cells were'} longer than 32,767 characters, the most an XLSX cell holds, and ${cut === 1 ? 'was' : 'were'} cut; each ends with a “[cut: …]” marker. The CSV export has the full text.`]);
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(aoa), 'Table');
  utils.book_append_sheet(wb, utils.aoa_to_sheet(about), 'About');
  // bookSST: text as shared-string cells (t="s"), never evaluated; without it xlsx writes t="str", a formula-result type
  const out: unknown = write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
  return new Uint8Array(out as ArrayBuffer);
}
