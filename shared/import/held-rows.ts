/**
 * A CSV's rows as its first read (parse-table) parsed them, held until the scan so it does not
 * read, decode and parse the file again (a third of the scan's own work: at 50,000 rows some 0.7 s
 * of a 1.9 s scan on a 2-core machine) — up to a memory budget. The scan lets them go as it takes
 * them, holding the answers compactly from there (HeldAnswers: UTF-8, and stored as one-byte
 * strings when they can be, which strings cut from a two-byte decoded text are not). A file over
 * the budget is read again, as csvRowChunks gives its rows.
 *
 * Held as parsed: each cell is a string cut from the decoded text, so a file costs about its
 * decoded text (two bytes a character once any character of a decoded piece is beyond Latin-1)
 * plus a string and a slot a cell and an array a row: measured in Chromium (import-chromium,
 * CHORUS_BENCH_HOLD_ROWS=0 against the default, alternated), two to three times the file more at
 * the import's peak (a 46 MB survey: 481–521 MB instead of 395–401). The budget is absolute, as
 * HOLD_BYTES is: a file whose text alone would pass it (two bytes a byte of file) is not held at
 * all, and rowsFootprint checks the rest on the high side as the rows come.
 *
 * The first read hands rows on padded or cut to the table's width as known so far; a row read
 * before a later row widened the table would differ from csvRowChunks' (a whitespace-only cell in
 * the new column reads as ''), so such a file's rows are not kept (finish).
 */

/** Estimated bytes of memory a file's parsed rows may take and still be held (the default budget). */
export const HOLD_ROWS_BYTES = 128 * 2 ** 20;

/** Bytes per cell beyond its characters (a string's header, or a slice's; the row array's slot). */
const PER_CELL = 28;
/** Bytes per row beyond its cells (its array, its row number). */
const PER_ROW = 40;

/** Estimated memory of parsed rows: their characters at two bytes each, a string and a slot a cell, an array a row. */
export function rowsFootprint(rows: readonly (readonly string[])[]): number {
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let chars = 0;
    for (let k = 0; k < r.length; k++) chars += r[k]!.length;
    bytes += 2 * chars + PER_CELL * r.length + PER_ROW;
  }
  return bytes;
}

/** Whether a file is too big for its rows to be held at all: its text alone (two bytes a byte of file) passes the budget. */
const tooBigToHold = (fileBytes: number, budget: number): boolean => 2 * fileBytes > budget;

/**
 * Estimated memory of a CSV's rows held parsed (0 when the file is over `budget`, so not held):
 * two bytes a byte of file, plus each row's and cell's share.
 */
export function heldRowsEstimate(fileBytes: number, rows: number, columns: number, budget = HOLD_ROWS_BYTES): number {
  const bytes = 2 * fileBytes + rows * (PER_ROW + PER_CELL * columns);
  return tooBigToHold(fileBytes, budget) || bytes > budget ? 0 : bytes;
}

export interface RowChunk {
  rows: string[][];
  rowNumbers: number[];
}

export class HeldRows {
  #chunks: RowChunk[] = [];
  #bytes = 0;
  #over = false;

  /**
   * `budget`: estimated bytes of rows to hold at most (0 holds none); `fileBytes`: the file's size
   * (a file whose text alone would pass the budget is not held at all).
   */
  constructor(
    readonly budget: number,
    fileBytes = 0,
  ) {
    this.#over = tooBigToHold(fileBytes, budget);
  }

  /** Hold the next chunk of rows, each as wide as the others of the chunk; past the budget every row is let go. */
  add(rows: string[][], rowNumbers: number[]): void {
    if (this.#over || rows.length === 0) return;
    this.#bytes += rowsFootprint(rows);
    if (this.#bytes > this.budget) {
      this.#over = true;
      this.#chunks = [];
      this.#bytes = 0;
      return;
    }
    this.#chunks.push({ rows, rowNumbers });
  }

  /**
   * Every row of the file, as csvRowChunks gives them for a table `width` columns wide (in
   * chunks as read), or undefined when they are not all held: over the budget, or a chunk read
   * before the table reached that width. The holder is empty afterwards.
   */
  finish(width: number): readonly RowChunk[] | undefined {
    const chunks = this.#chunks;
    this.#chunks = [];
    this.#bytes = 0;
    if (this.#over) return undefined;
    for (const c of chunks) if (c.rows[0]!.length !== width) return undefined;
    return chunks;
  }
}
