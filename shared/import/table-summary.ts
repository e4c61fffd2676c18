/**
 * What the mapping screen needs of a table, gathered while its rows stream past (the rows are
 * not kept): a preview, guesses from the first rows, and date-order conflicts over every value.
 */
import { guessIdColumn, KeyStats, type IdGuess, type KeyStat } from './id-guess';
import { guessAttributeType, guessTextColumns } from './infer';
import type { AttributeType } from './mapping';
import { dateOrderConflicts } from './pipeline';
import { detach } from './detach';
import type { ParsedTable } from './types';

/** What the mapping screen needs of a parsed table: its header and detection, a preview, and guesses. */
export interface TableSummary extends Omit<ParsedTable, 'rows' | 'rowNumbers'> {
  preview: string[][];
  rowCount: number;
  guessedText: string[];
  guessedTypes: Record<string, AttributeType>;
  /**
   * Per column that reads as dates: how many values contradict each order, and how many read in
   * both orders as different dates (05/06/2024), which no order-free reading can settle.
   */
  dateConflicts: Record<string, DateConflicts>;
  /** Per column, over every row: filled, distinct, unique (for the record id). */
  keyStats: KeyStat[];
  /** The proposed record id column and why. */
  idGuess: IdGuess;
}

export interface DateConflicts {
  dmy: number;
  mdy: number;
  ambiguous: number;
  example?: string;
}

/** Rows the guesses look at (they are only defaults); date-order conflicts look at every value. */
export const GUESS_SAMPLE = 2000;
const PREVIEW_ROWS = 8;
const MAX_WARNINGS = 200;

type Conflicts = DateConflicts;

/** Distinct values per date column whose conflicts are remembered (a survey repeats a few hundred dates 100,000 times). */
const MAX_REMEMBERED_DATES = 4096;
const DMY = 1;
const MDY = 2;
const AMBIGUOUS = 4;

export class TableSummariser {
  readonly #sample: string[][] = [];
  readonly #keys = new KeyStats();
  #rows = 0;
  /** Date-looking columns (decided once the sample is full) and their conflict counts so far. */
  #dates: Map<number, Conflicts> | undefined;
  /** Per date column: a value → what it counts (DMY | MDY | AMBIGUOUS flags), for values seen before. */
  readonly #dateFlags = new Map<number, Map<string, number>>();

  /** The next rows of the table, in order. */
  add(rows: readonly (readonly string[])[]): void {
    this.#keys.add(rows);
    for (const r of rows) {
      this.#rows++;
      if (this.#sample.length < GUESS_SAMPLE) {
        this.#sample.push([...r]);
        continue;
      }
      this.#dates ??= this.#countSample();
      for (const [c, acc] of this.#dates) this.#addDate(c, acc, r[c] ?? '');
    }
  }

  /** One value of date column `c` counted into `acc`, as add(acc, [raw]) would. */
  #addDate(c: number, acc: Conflicts, raw: string): void {
    let seen = this.#dateFlags.get(c);
    if (!seen) this.#dateFlags.set(c, (seen = new Map()));
    let flags = seen.get(raw);
    if (flags === undefined) {
      const dmy = dateOrderConflicts([raw], 'dmy');
      const mdy = dateOrderConflicts([raw], 'mdy');
      flags = (dmy.contradicting ? DMY : 0) | (mdy.contradicting ? MDY : 0) | (dmy.ambiguous ? AMBIGUOUS : 0);
      if (seen.size < MAX_REMEMBERED_DATES) seen.set(detach(raw), flags);
    }
    if (flags === 0) return;
    if (flags & DMY) acc.dmy++;
    if (flags & MDY) acc.mdy++;
    if (flags & AMBIGUOUS) acc.ambiguous++;
    // (the example is the value, trimmed, whichever order it contradicts)
    if (flags & (DMY | MDY)) acc.example ??= detach(raw.trim());
  }

  /** Date columns by the sample's guesses, with the sample's conflicts counted. */
  #countSample(width = Math.max(0, ...this.#sample.map((r) => r.length))): Map<number, Conflicts> {
    const out = new Map<number, Conflicts>();
    for (let c = 0; c < width; c++) {
      const values = this.#sample.map((r) => r[c] ?? '');
      if (guessAttributeType(values, 'dmy') !== 'date') continue;
      const acc: Conflicts = { dmy: 0, mdy: 0, ambiguous: 0 };
      add(acc, values);
      out.set(c, acc);
    }
    return out;
  }

  /** The summary, given the table's header and detection (its final columns). */
  finish(table: Omit<ParsedTable, 'rows' | 'rowNumbers'>): TableSummary {
    const width = table.columns.length;
    const pad = (r: string[]) => (r.length === width ? r : Array.from({ length: width }, (_, c) => r[c] ?? ''));
    const sample: ParsedTable = { ...table, rows: this.#sample.map(pad) };
    const dates = this.#dates ?? this.#countSample(width);
    const guessedTypes: TableSummary['guessedTypes'] = {};
    const dateConflicts: TableSummary['dateConflicts'] = {};
    table.columns.forEach((name, c) => {
      guessedTypes[name] = guessAttributeType(sample.rows.map((r) => r[c] ?? ''), 'dmy');
      const d = dates.get(c);
      if (d && guessedTypes[name] === 'date') dateConflicts[name] = { ...d };
    });
    const guessedText = guessTextColumns(sample, [], 'dmy');
    const keyStats = this.#keys.stats(table.columns);
    // never proposed as an id: free text, dates (timestamps are often unique), numbers with decimals
    const notId = new Set(guessedText);
    table.columns.forEach((name, c) => {
      if (guessedTypes[name] === 'date' || (guessedTypes[name] === 'number' && sample.rows.some((r) => /[.,]\d*[1-9]/.test(r[c] ?? '')))) notId.add(name);
    });
    const { columns, descriptions, encoding, encodingReason, delimiter, sheets, sheet } = table;
    return {
      columns,
      descriptions,
      ...(encoding !== undefined ? { encoding, encodingReason, delimiter } : {}),
      ...(sheets !== undefined ? { sheets, sheet } : {}),
      warnings: table.warnings.slice(0, MAX_WARNINGS),
      preview: sample.rows.slice(0, PREVIEW_ROWS),
      rowCount: this.#rows,
      guessedText,
      guessedTypes,
      dateConflicts,
      keyStats,
      idGuess: guessIdColumn(keyStats, this.#rows, notId),
    };
  }
}

function add(acc: Conflicts, values: readonly string[]): void {
  const dmy = dateOrderConflicts(values, 'dmy');
  const mdy = dateOrderConflicts(values, 'mdy');
  acc.dmy += dmy.contradicting;
  acc.mdy += mdy.contradicting;
  acc.ambiguous += dmy.ambiguous;
  acc.example ??= dmy.example ?? mdy.example;
}

/** The summary of a table held whole in memory (a spreadsheet). */
export function summariseTable(table: ParsedTable): TableSummary {
  const s = new TableSummariser();
  s.add(table.rows);
  return s.finish(table);
}
