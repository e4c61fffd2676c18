/**
 * The scan ahead. While the user maps a table's columns (a core is free then), another worker
 * reads the file again and runs the personal-data detector over every cell long enough that the
 * import's scan never groups it (longer than MAX_GROUPED_LENGTH once normalised as an answer).
 * Such an answer is scanned on its own wherever it is, so its findings are detectPii(text)
 * whatever the mapping. The scan stops it when it starts and takes the findings of the cells it
 * reached by record and column instead of sending their texts; the rest (or everything, after a
 * scan ahead that failed) is scanned as before. Same findings either way: only where the
 * detector runs, and when, changes.
 *
 * The reading is the import's own (csvRowChunks with parse-table's layout), so record numbers and
 * cells are the ones the scan reads; a length check guards each cell taken. It is cut into parts
 * (one per slice of rows read) so the worker running it can yield between them and be stopped at
 * once: a worker busy in one long synchronous read is only stopped by force, seconds later.
 */
import { detectPii, type PiiFinding } from '../privacy/detect';
import type { ByteSource } from './byte-source';
import { isBlankCell } from './blank-cell';
import { csvRowChunks, type TableLayout } from './csv-stream';
import { normaliseCell } from './answer-text';
import { MAX_GROUPED_LENGTH } from './pii-scan';

/** Cells scanned ahead in one slice of the file: (record, column, answer length) triples, and the findings of those that have any (by triple index). */
export interface PreScanPart {
  /** The last record of the slice: every cell up to it has been looked at. */
  through: number;
  cells: number[];
  found: [number, PiiFinding[]][];
}

export type PreScanMessage = { type: 'part'; part: PreScanPart } | { type: 'done' } | { type: 'error'; message: string };

/** Columns past this are not scanned ahead (a cell's key is record × MAX_COLUMNS + column). */
const MAX_COLUMNS = 4096;

/** Unicode normalisation (NFC) makes a text at most three times longer: a cell this short cannot become a long answer. */
const mayBeLong = (raw: string) => raw.length * 3 > MAX_GROUPED_LENGTH;

/**
 * The table's rows read as the import reads them (no allow-list: the scan ahead is used only by a
 * scan without one), one part per slice read: its long cells and their findings. Lazy: each part
 * is read and scanned as it is asked for.
 */
export function* preScanParts(src: ByteSource, layout: TableLayout, chunkBytes: number): Generator<PreScanPart> {
  for (const { rows, rowNumbers } of csvRowChunks(src, layout, chunkBytes)) {
    const cells: number[] = [];
    const found: [number, PiiFinding[]][] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      for (let c = 0; c < row.length && c < MAX_COLUMNS; c++) {
        const raw = row[c]!;
        if (!mayBeLong(raw) || isBlankCell(raw)) continue;
        const text = normaliseCell(raw);
        if (text.length <= MAX_GROUPED_LENGTH) continue;
        const f = detectPii(text);
        if (f.length > 0) found.push([cells.length / 3, f]);
        cells.push(rowNumbers[i]!, c, text.length);
      }
    }
    yield { through: rowNumbers[rows.length - 1]!, cells, found };
  }
}

/**
 * Run the scan ahead, posting each part and then `done` (or `error`), and waiting on `pause`
 * between parts so whoever runs it can stop it there.
 */
export async function runPreScan(parts: () => Iterator<PreScanPart>, post: (m: PreScanMessage) => void, pause: () => Promise<void>): Promise<void> {
  try {
    const it = parts();
    for (let r = it.next(); !r.done; r = it.next()) {
      post({ type: 'part', part: r.value });
      await pause();
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * What the scan ahead has found, as the import's scan asks for it once it has stopped the scan
 * ahead: how far it got, and a cell's findings.
 */
export class PreScanResults {
  #through = 0;
  #state: 'running' | 'done' | 'failed' = 'running';
  readonly #lengths = new Map<number, number>();
  readonly #found = new Map<number, PiiFinding[]>();

  /** The last record every cell up to which has been looked at. */
  get through(): number {
    return this.#through;
  }

  /** Whether it can still be used (it has not failed or been stopped). */
  get usable(): boolean {
    return this.#state !== 'failed';
  }

  accept(m: PreScanMessage): void {
    if (this.#state !== 'running') return;
    if (m.type === 'part') {
      const { cells, found } = m.part;
      const keys: number[] = [];
      for (let k = 0; k < cells.length; k += 3) {
        const key = cells[k]! * MAX_COLUMNS + cells[k + 1]!;
        keys.push(key);
        this.#lengths.set(key, cells[k + 2]!);
      }
      for (const [k, f] of found) this.#found.set(keys[k]!, f);
      this.#through = Math.max(this.#through, m.part.through);
    } else {
      this.#state = m.type === 'done' ? 'done' : 'failed';
      if (m.type === 'error') {
        this.#lengths.clear();
        this.#found.clear();
      }
    }
  }

  /**
   * The findings of the answer in `record`'s `column` (its text `length` long), or undefined when
   * it was not scanned ahead (a record past `through`, or a length that does not match).
   */
  get(record: number, column: number, length: number): PiiFinding[] | undefined {
    if (column < 0 || column >= MAX_COLUMNS) return undefined;
    const key = record * MAX_COLUMNS + column;
    if (this.#lengths.get(key) !== length) return undefined;
    return this.#found.get(key) ?? [];
  }
}
