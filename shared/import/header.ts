/** Turning raw grid rows (from CSV or a spreadsheet) into a ParsedTable: title rows, header rows, unique names, ragged rows. */
import type { ImportIssue, ParsedTable } from './types';

/** Most warnings of one kind listed individually; the rest summarised. */
const MAX_ROW_WARNINGS = 20;

function isBlank(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

function nonEmpty(row: readonly string[]): number {
  let n = 0;
  for (const c of row) if (c.trim() !== '') n++;
  return n;
}

/** Header names: whitespace (incl. line breaks and control characters) collapsed, trimmed. */
export function cleanHeaderName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Unique, non-empty names: empty → "Column <n>", repeats → "Q1 (2)", "Q1 (3)". */
export function uniqueColumnNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  raw.forEach((r, i) => {
    const base = cleanHeaderName(r) || `Column ${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    used.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}

/**
 * Index of the header row: the first non-blank row, unless the first rows look like a title
 * or notes above the table (far fewer filled cells than a typical row). Looks at the first 20 rows.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const counts = rows.filter((r) => !isBlank(r)).slice(0, 200).map(nonEmpty);
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let modal = 1;
  let best = 0;
  for (const [c, f] of freq) if (f > best || (f === best && c > modal)) [modal, best] = [c, f];
  const threshold = Math.max(1, Math.ceil(modal / 2));
  const limit = Math.min(rows.length, 20);
  let firstNonBlank = -1;
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    if (isBlank(row)) continue;
    if (firstNonBlank < 0) firstNonBlank = i;
    if (nonEmpty(row) >= threshold) return i;
  }
  return firstNonBlank < 0 ? rows.findIndex((r) => !isBlank(r)) : firstNonBlank;
}

export interface GridOptions {
  fileName: string;
  /** Header rows (default 1): the first names the columns, the later ones become descriptions. 0 = no header. */
  headerRows?: number;
  /** Source row number of grid row i (1-based); default i + 1. */
  rowNumberOf?: (i: number) => number;
}

/** Build a ParsedTable from a grid of strings. Blank rows are dropped; ragged rows padded or widened, with warnings. */
export function tableFromGrid(grid: readonly (readonly string[])[], opts: GridOptions): ParsedTable & { rowNumbers: number[] } {
  const file = opts.fileName;
  const headerRows = opts.headerRows ?? 1;
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > 20) {
    throw new RangeError(`header rows must be a whole number from 0 to 20, not ${headerRows}`);
  }
  const rowNo = opts.rowNumberOf ?? ((i: number) => i + 1);
  const warnings: ImportIssue[] = [];
  const start = headerRows === 0 ? Math.max(0, grid.findIndex((r) => !isBlank(r))) : findHeaderRow(grid);
  const skipped = grid.slice(0, start).filter((r) => !isBlank(r));
  if (skipped.length > 0 && headerRows > 0) {
    const first = skipped[0]!.find((c) => c.trim() !== '') ?? '';
    warnings.push({
      file,
      row: rowNo(start),
      message: `skipped ${skipped.length} row(s) above the header that look like a title or notes (starting "${first.slice(0, 60).trim()}")`,
    });
  }
  const header = grid.slice(start, start + headerRows);
  const body: { cells: readonly string[]; n: number }[] = [];
  for (let i = start + headerRows; i < grid.length; i++) {
    const cells = grid[i]!;
    if (!isBlank(cells)) body.push({ cells, n: rowNo(i) });
  }
  let width = Math.max(0, ...header.map((r) => r.length));
  if (headerRows === 0) width = Math.max(0, ...body.map((r) => r.cells.length));
  // trailing empty header cells with no data under them (a trailing delimiter) are dropped
  while (width > 0 && (header[0]?.[width - 1] ?? '').trim() === '' && header.every((r) => (r[width - 1] ?? '').trim() === '') && body.every((r) => (r.cells[width - 1] ?? '').trim() === '')) width--;
  const headerWidth = width;
  let short = 0;
  let long = 0;
  for (const r of body) {
    const filled = lastFilled(r.cells) + 1;
    if (filled > width) width = filled;
    if (r.cells.length < headerWidth) {
      if (short++ < MAX_ROW_WARNINGS) warnings.push({ file, row: r.n, message: `has ${r.cells.length} cell(s) but the header has ${headerWidth}; the missing cells are left empty` });
    } else if (filled > headerWidth) {
      if (long++ < MAX_ROW_WARNINGS) warnings.push({ file, row: r.n, message: `has ${filled} filled cell(s) but the header has ${headerWidth}; the extra cells go into new columns` });
    }
  }
  if (short > MAX_ROW_WARNINGS) warnings.push({ file, message: `${short - MAX_ROW_WARNINGS} more short row(s) padded with empty cells` });
  if (long > MAX_ROW_WARNINGS) warnings.push({ file, message: `${long - MAX_ROW_WARNINGS} more long row(s) widened into new columns` });

  const rawNames = Array.from({ length: width }, (_, c) => (headerRows > 0 ? (header[0]?.[c] ?? '') : ''));
  const columns = uniqueColumnNames(rawNames);
  const descriptions = Array.from({ length: width }, (_, c) =>
    header
      .slice(1)
      .map((r) => cleanHeaderName(r[c] ?? ''))
      .filter((s) => s !== '')
      .join(' – '),
  );
  const rows = body.map((r) => {
    // a row of the right width is copied in one go (the common case); others padded or cut
    if (r.cells.length === width) return r.cells.slice();
    const out = new Array<string>(width);
    for (let c = 0; c < width; c++) out[c] = r.cells[c] ?? '';
    return out;
  });
  return { columns, descriptions, rows, rowNumbers: body.map((r) => r.n), warnings };
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
}
