/**
 * Which column holds each record's id: counted over every row (KeyStats, fed as rows stream past)
 * and guessed only among columns whose every value is filled and unique, preferring the names
 * survey tools give them (response_id, ResponseId (Qualtrics), Respondent ID (SurveyMonkey),
 * submission id, record id …). Each guess comes with the reason the mapping screen shows.
 */
import { isBlankCell } from './blank-cell';
import { detach } from './detach';

/** What one column's values say about it as a key. */
export interface KeyStat {
  column: string;
  /** Rows with a value. */
  filled: number;
  /** Distinct non-empty values, or -1 when fewer than half of the filled cells are distinct (no longer counted). */
  distinct: number;
  /** Every row has a value and no value repeats. */
  unique: boolean;
  /** The column's name is one survey tools give a record id. */
  idName: boolean;
}

export interface IdGuess {
  /** The guessed column, or '' for none (the row number is used). */
  column: string;
  /** Why, in a sentence the mapping screen shows: "response_id: every value is unique (7,908 rows)". */
  reason: string;
  /** Id-like columns passed over, each with why ("respondent-id: 4,466 distinct values in 7,908 rows"). */
  rejected: string[];
}

/** A header name as lower-case words: "ResponseId" → "response id", "respondent-id" → "respondent id". */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Name patterns for a record id, best first (lower rank wins when several unique columns match). */
const ID_NAMES: RegExp[] = [
  /^(survey )?(response|respondent|submission|record|entry|feedback|case|row) (id|ref|reference|number|no|uuid|guid)$/,
  /^(id|uid|uuid|guid|ref|reference|record|response|submission)$/,
  /^(unique|internal|external) (id|ref|reference)$/,
  /^[a-z]+ (id|ref|uuid|guid)$/,
];

/** The rank of a column name among record-id names (0 best), or -1 when it is not one. */
export function idNameRank(name: string): number {
  const w = nameWords(name);
  // "participant id" names a person, who may answer several times: not a record id by name
  if (/^(participant|person|user|patient|customer|client|victim|survivor) /.test(w)) return -1;
  return ID_NAMES.findIndex((re) => re.test(w));
}

/** Values longer than this are never kept for key counting (ids are short; free text is not an id). */
const MAX_KEY_LENGTH = 100;

/**
 * Counts, over every row, whether each column is filled and unique, and how many distinct values
 * it has. A column's values are held (detached copies) only while at least half of them are
 * distinct and none is long: beyond that it is plainly no key and its count stops ("fewer than
 * half distinct").
 */
export class KeyStats {
  readonly #sets: (Set<string> | undefined)[] = [];
  readonly #filled: number[] = [];
  readonly #repeated: boolean[] = [];
  #rows = 0;

  add(rows: readonly (readonly string[])[]): void {
    for (const r of rows) {
      const index = this.#rows++;
      const width = Math.max(r.length, this.#sets.length);
      for (let c = 0; c < width; c++) {
        if (c >= this.#sets.length) {
          // a column that appears late was empty in the rows before: not unique
          this.#sets.push(new Set());
          this.#filled.push(0);
          this.#repeated.push(index > 0);
        }
        const raw = r[c] ?? '';
        const set = this.#sets[c];
        if (!set) {
          // no longer counted as a key: only whether it is filled (no trimmed copy of a long answer)
          if (!isBlankCell(raw)) this.#filled[c]!++;
          continue;
        }
        const v = raw.trim();
        if (v === '') continue;
        const filled = ++this.#filled[c]!;
        if (v.length > MAX_KEY_LENGTH) {
          this.#sets[c] = undefined;
          this.#repeated[c] = true;
        } else if (set.has(v)) {
          this.#repeated[c] = true;
          if (set.size * 2 < filled) this.#sets[c] = undefined;
        } else set.add(detach(v));
      }
    }
  }

  get rows(): number {
    return this.#rows;
  }

  /** The statistics by column name. */
  stats(columns: readonly string[]): KeyStat[] {
    return columns.map((column, c) => {
      const filled = this.#filled[c] ?? 0;
      const set = this.#sets[c];
      return {
        column,
        filled,
        distinct: set ? set.size : -1,
        unique: filled === this.#rows && this.#rows > 0 && !this.#repeated[c],
        idName: idNameRank(column) >= 0,
      };
    });
  }
}

const n = (x: number) => x.toLocaleString('en-GB');

/** What a column's values say about it as a record id, in a sentence: "response_id: every value is unique (7,908 rows)". */
export function keyNote(s: KeyStat, rows: number): string {
  if (s.unique) return `${s.column}: every value is unique (${n(rows)} rows)`;
  const empty = rows - s.filled;
  const repeats = s.distinct < 0 || s.distinct < s.filled;
  const parts: string[] = [];
  if (empty > 0) parts.push(`${n(empty)} of ${n(rows)} rows are empty`);
  if (repeats) parts.push(s.distinct >= 0 ? `only ${n(s.distinct)} distinct values in ${n(s.filled)}${empty > 0 ? ' filled' : ''} rows` : `fewer than half of its ${n(s.filled)} values are distinct`);
  return `${s.column}: ${parts.join(' and ')}`;
}

/** Key statistics of a table held whole (a spreadsheet, the CLI). */
export function keyStats(columns: readonly string[], rows: readonly (readonly string[])[]): KeyStat[] {
  const k = new KeyStats();
  k.add(rows);
  return k.stats(columns);
}

/**
 * The record-id column to propose: a unique column with an id-like name (best-ranked name, then
 * leftmost); else the leftmost unique column of short values that is not free text, not a date and
 * not a number with decimals (an unnamed running number, say). Columns in `exclude` (free text,
 * dates) are never proposed. Never a column with a repeat or an empty cell.
 */
export function guessIdColumn(stats: readonly KeyStat[], rows: number, exclude: ReadonlySet<string> = new Set()): IdGuess {
  const rejected: string[] = [];
  let best: { column: string; rank: number } | undefined;
  for (const s of stats) {
    const rank = idNameRank(s.column);
    if (rank < 0 || exclude.has(s.column)) continue;
    if (!s.unique) {
      rejected.push(keyNote(s, rows));
      continue;
    }
    if (!best || rank < best.rank) best = { column: s.column, rank };
  }
  if (best) return { column: best.column, reason: `${keyNote(stats.find((s) => s.column === best.column)!, rows)} and its name is a record id’s`, rejected };
  const any = stats.find((s) => s.unique && !exclude.has(s.column));
  if (any) return { column: any.column, reason: keyNote(any, rows), rejected };
  return { column: '', reason: rows > 0 ? 'No column has a unique value in every row, so each record is known by its row number' : '', rejected };
}
