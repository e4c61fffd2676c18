/**
 * Turning raw grid rows (from CSV or a spreadsheet) into a ParsedTable: title rows, header rows,
 * unique names, ragged rows. GridTable does it incrementally (rows fed in order, data rows handed
 * on as they are resolved, the header and warnings at the end) so a streamed CSV is never whole in
 * memory; tableFromGrid is GridTable over a whole grid.
 */
import type { ImportIssue, ParsedTable } from './types';

/** Most warnings of one kind listed individually; the rest summarised. */
const MAX_ROW_WARNINGS = 20;

/** A row with no filled cell (every cell empty or whitespace). */
export function isBlank(row: readonly string[]): boolean {
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

/** Everything about a table except its data rows. */
export interface GridLayout {
  columns: string[];
  descriptions: string[];
  headerRows: number;
  /** Grid index of the (first) header row, or of the first non-blank row without a header; rows above it were skipped. */
  start: number;
  /** Data rows (non-blank rows below the header). */
  rowCount: number;
  warnings: ImportIssue[];
}

/**
 * Data rows as they are resolved: the cells as read (NOT padded or cut), their source row
 * numbers, and the table's width so far (it only grows; a row longer than every row before it
 * widens it). All rows of one call share one width.
 */
export type GridRowsHandler<R extends readonly string[]> = (rows: R[], rowNumbers: number[], width: number) => void;

/** Non-blank rows the header search looks at (findHeaderRow), and grid rows it may pick the header from. */
const HEADER_SAMPLE = 200;
const HEADER_SEARCH = 20;

/**
 * tableFromGrid, incrementally: add() grid rows in order; data rows go to onRows as soon as the
 * header is resolved (after the first 200 non-blank rows, or at finish); finish() gives the layout.
 * Holds only the head rows and a few numbers per ragged row.
 */
export class GridTable<R extends readonly string[] = readonly string[]> {
  readonly #file: string;
  readonly #headerRows: number;
  readonly #rowNo: (i: number) => number;
  readonly #onRows: GridRowsHandler<R> | undefined;
  /** Rows held until the header is resolved; undefined after. */
  #head: R[] | undefined = [];
  #headNonBlank = 0;
  /** Grid index of the next row added. */
  #next = 0;
  #start = -1;
  #header: R[] = [];
  readonly #warnings: ImportIssue[] = [];
  /** Longest header row, or Infinity without a header (the rows decide then). */
  #headerLength = 0;
  /** Header columns up to the last filled header cell. */
  #headerFilled = 0;
  /** Data columns up to the last filled cell of any data row. */
  #bodyFilled = 0;
  /** The same, counting only cells under the header (the header's final width lies between #headerFilled and this). */
  #bodyFilledUnder = 0;
  #rowCount = 0;
  /** Rows that may warrant a short/long warning, as (row number, cells, filled cells) triples. */
  readonly #ragged: number[] = [];

  constructor(opts: GridOptions, onRows?: GridRowsHandler<R>) {
    const headerRows = opts.headerRows ?? 1;
    if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > 20) {
      throw new RangeError(`header rows must be a whole number from 0 to 20, not ${headerRows}`);
    }
    this.#file = opts.fileName;
    this.#headerRows = headerRows;
    this.#rowNo = opts.rowNumberOf ?? ((i: number) => i + 1);
    this.#onRows = onRows;
  }

  /** The next grid rows, in order (blank rows included: they count for row numbers). */
  add(rows: readonly R[]): void {
    const base = this.#next;
    this.#next += rows.length;
    const head = this.#head;
    if (!head) return this.#body(rows, 0, base);
    for (const r of rows) {
      head.push(r);
      if (!isBlank(r)) this.#headNonBlank++;
    }
    this.#resolve(false);
  }

  /** The width so far: up to the last filled cell of the header or of any data row. */
  get width(): number {
    return Math.max(this.#headerFilled, this.#bodyFilled);
  }

  /** Find the header once enough rows are in (or at the end), then pass the held data rows on. */
  #resolve(end: boolean): void {
    const head = this.#head!;
    if (!end && (this.#headNonBlank < HEADER_SAMPLE || head.length < HEADER_SEARCH)) return;
    const hr = this.#headerRows;
    const start = hr === 0 ? Math.max(0, head.findIndex((r) => !isBlank(r))) : findHeaderRow(head);
    if (!end && start + hr > head.length) return;
    const skipped = head.slice(0, start).filter((r) => !isBlank(r));
    if (skipped.length > 0 && hr > 0) {
      const first = skipped[0]!.find((c) => c.trim() !== '') ?? '';
      this.#warnings.push({
        file: this.#file,
        row: this.#rowNo(start),
        message: `skipped ${skipped.length} row(s) above the header that look like a title or notes (starting "${first.slice(0, 60).trim()}")`,
      });
    }
    this.#start = start;
    this.#header = head.slice(start, start + hr);
    this.#headerLength = hr === 0 ? Infinity : Math.max(0, ...this.#header.map((r) => r.length));
    this.#headerFilled = Math.max(0, ...this.#header.map((r) => lastFilled(r) + 1));
    this.#head = undefined;
    this.#body(head, Math.max(0, start + hr), 0);
  }

  /** Data rows rows[from..] (grid index base + k): counted, checked for raggedness, handed on. */
  #body(rows: readonly R[], from: number, base: number): void {
    const out: R[] = [];
    const numbers: number[] = [];
    const headerLength = this.#headerLength;
    const headerFilled = this.#headerFilled;
    for (let k = from; k < rows.length; k++) {
      const cells = rows[k]!;
      const filled = lastFilled(cells) + 1;
      if (filled === 0) continue; // blank
      const n = this.#rowNo(base + k);
      if (filled > this.#bodyFilled) this.#bodyFilled = filled;
      const under = filled <= headerLength ? filled : lastFilled(cells, headerLength) + 1;
      if (under > this.#bodyFilledUnder) this.#bodyFilledUnder = under;
      // the header's width is only final at the end (trailing columns empty everywhere are dropped),
      // but it lies between the filled header cells and the header's length: only rows outside may warn
      if (cells.length < headerLength || filled > headerFilled) this.#ragged.push(n, cells.length, filled);
      this.#rowCount++;
      out.push(cells);
      numbers.push(n);
    }
    if (out.length > 0) this.#onRows?.(out, numbers, this.width);
  }

  /** After the last row: the header, column names and descriptions, and the warnings (title rows, ragged rows). */
  finish(): GridLayout {
    if (this.#head) this.#resolve(true);
    const file = this.#file;
    const hr = this.#headerRows;
    const warnings = this.#warnings.slice();
    // header width: trailing header columns with nothing under them (a trailing delimiter) are dropped
    const headerWidth = Math.max(this.#headerFilled, this.#bodyFilledUnder);
    let short = 0;
    let long = 0;
    const ragged = this.#ragged;
    for (let i = 0; i < ragged.length; i += 3) {
      const [n, cells, filled] = [ragged[i]!, ragged[i + 1]!, ragged[i + 2]!];
      if (cells < headerWidth) {
        if (short++ < MAX_ROW_WARNINGS) warnings.push({ file, row: n, message: `has ${cells} cell(s) but the header has ${headerWidth}; the missing cells are left empty` });
      } else if (filled > headerWidth) {
        if (long++ < MAX_ROW_WARNINGS) warnings.push({ file, row: n, message: `has ${filled} filled cell(s) but the header has ${headerWidth}; the extra cells go into new columns` });
      }
    }
    if (short > MAX_ROW_WARNINGS) warnings.push({ file, message: `${short - MAX_ROW_WARNINGS} more short row(s) padded with empty cells` });
    if (long > MAX_ROW_WARNINGS) warnings.push({ file, message: `${long - MAX_ROW_WARNINGS} more long row(s) widened into new columns` });
    const width = this.width;
    const header = this.#header;
    const rawNames = Array.from({ length: width }, (_, c) => (hr > 0 ? (header[0]?.[c] ?? '') : ''));
    const descriptions = Array.from({ length: width }, (_, c) =>
      header
        .slice(1)
        .map((r) => cleanHeaderName(r[c] ?? ''))
        .filter((s) => s !== '')
        .join(' – '),
    );
    return { columns: uniqueColumnNames(rawNames), descriptions, headerRows: hr, start: this.#start, rowCount: this.#rowCount, warnings };
  }
}

/** A row padded with empty cells or cut to `width` (always a new array). */
export function fitRow(cells: readonly string[], width: number): string[] {
  if (cells.length === width) return cells.slice();
  const out = new Array<string>(width);
  for (let c = 0; c < width; c++) out[c] = cells[c] ?? '';
  return out;
}

/** Build a ParsedTable from a grid of strings. Blank rows are dropped; ragged rows padded or widened, with warnings. */
export function tableFromGrid(grid: readonly (readonly string[])[], opts: GridOptions): ParsedTable & { rowNumbers: number[] } {
  const cells: (readonly string[])[] = [];
  const rowNumbers: number[] = [];
  const table = new GridTable(opts, (rows, numbers) => {
    for (let i = 0; i < rows.length; i++) {
      cells.push(rows[i]!);
      rowNumbers.push(numbers[i]!);
    }
  });
  table.add(grid);
  const { columns, descriptions, warnings } = table.finish();
  return { columns, descriptions, rows: cells.map((r) => fitRow(r, columns.length)), rowNumbers, warnings };
}

/** Index of the last filled cell (of the first `before` cells), or -1. */
function lastFilled(cells: readonly string[], before = cells.length): number {
  for (let i = Math.min(before, cells.length) - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
}
