/**
 * Which columns differ between one participant's rows (so belong to each response, not to the
 * participant), counted over every row as they stream past, for the mapping screen. Values are
 * compared as written (trimmed, case kept); an empty cell never counts as a difference. The
 * import itself decides on the values read as their type (TableBuilder.settleLevels).
 */
import { detach } from './detach';

export class LevelCounter {
  readonly #participant: number;
  readonly #columns: readonly number[];
  /** Participant value (lower case) → its first value per column ('' = none yet). */
  readonly #first = new Map<string, string[]>();
  /** Per column: participants seen to differ. */
  readonly #varies: Set<string>[];

  constructor(participantIndex: number, columnIndexes: readonly number[]) {
    this.#participant = participantIndex;
    this.#columns = columnIndexes;
    this.#varies = columnIndexes.map(() => new Set());
  }

  add(rows: readonly (readonly string[])[]): void {
    const cols = this.#columns;
    for (const r of rows) {
      const who = (r[this.#participant] ?? '').trim().toLowerCase();
      if (who === '') continue;
      let first = this.#first.get(who);
      if (!first) this.#first.set(detach(who), (first = cols.map(() => '')));
      for (let k = 0; k < cols.length; k++) {
        const v = (r[cols[k]!] ?? '').trim();
        if (v === '') continue;
        if (first[k] === '') first[k] = detach(v);
        else if (first[k] !== v) this.#varies[k]!.add(who);
      }
    }
  }

  /** Per column index given: how many participants have rows that differ there. */
  result(): number[] {
    return this.#varies.map((s) => s.size);
  }
}
