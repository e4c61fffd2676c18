/**
 * Entries in id order from two kinds of source: a list of objects made one by one, and tables (a
 * survey dataset's answers or participants), each a run of ids that share the dataset id as their
 * first characters, so a table's entries sit together in id order and are found from their id. The
 * analysis index reads documents and participants this way (index-documents.ts,
 * index-participants.ts): a table's entries are never made into objects unless asked for.
 */

/** What the merge needs of a table: its key (the dataset id every entry's id starts with), its size, and its first and last ids. */
export interface IdRun {
  key: string;
  count: number;
  first: string;
  last: string;
}

export interface ListPart<L> {
  start: number;
  list: L[];
  table?: undefined;
}
export interface TablePart<T> {
  start: number;
  table: T;
  list?: undefined;
}
export type Part<L, T> = ListPart<L> | TablePart<T>;

export interface ById<L, T> {
  readonly length: number;
  /** The part holding position `pos` (a RangeError past the end). */
  partOf(pos: number): Part<L, T>;
  /** An entry's position by id: a listed one's, or a table's (`inTable`: its index in the table, or -1). */
  indexOf(id: string, inTable: (table: T, id: string) => number): number | undefined;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The listed entries and the tables' as one sequence in id order. A table whose id range holds a
 * listed entry's id (only a listed copy of one of its entries could) is made into entries
 * (`make`), so the order stays exact.
 */
export function mergeById<L extends { id: string }, T>(listed: readonly L[], tables: readonly T[], runOf: (t: T) => IdRun, make: (t: T) => L[], keyLength: number): ById<L, T> {
  const list = [...listed].sort(byId);
  const ids = list.map((x) => x.id);
  /** Whether a listed id lies in [lo, hi]. */
  const within = (lo: string, hi: string) => {
    let a = 0;
    let b = ids.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (ids[m]! < lo) a = m + 1;
      else b = m;
    }
    return a < ids.length && ids[a]! <= hi;
  };
  const kept: { t: T; run: IdRun }[] = [];
  let added = false;
  for (const t of tables) {
    const run = runOf(t);
    if (run.count === 0) continue;
    if (within(run.first, run.last)) {
      list.push(...make(t));
      added = true;
    } else kept.push({ t, run });
  }
  if (added) list.sort(byId);
  kept.sort((a, b) => (a.run.key < b.run.key ? -1 : a.run.key > b.run.key ? 1 : 0));

  // the listed entries before each table, then the table
  const parts: Part<L, T>[] = [];
  let at = 0;
  let i = 0;
  const listUpTo = (upTo: string | undefined) => {
    const from = i;
    while (i < list.length && (upTo === undefined || list[i]!.id < upTo)) i++;
    if (i > from) {
      parts.push({ start: at, list: list.slice(from, i) });
      at += i - from;
    }
  };
  const tableByKey = new Map<string, TablePart<T>>();
  for (const { t, run } of kept) {
    listUpTo(run.first);
    const part: TablePart<T> = { start: at, table: t };
    parts.push(part);
    tableByKey.set(run.key, part);
    at += run.count;
  }
  listUpTo(undefined);
  const length = at;
  const listIndex = new Map<string, number>();
  for (const p of parts) if (p.list) p.list.forEach((x, k) => listIndex.set(x.id, p.start + k));

  const starts = Int32Array.from(parts, (p) => p.start);
  let last = 0;
  return {
    length,
    partOf(pos) {
      if (!Number.isInteger(pos) || pos < 0 || pos >= length) throw new RangeError(`no entry at position ${pos} of ${length}`);
      // (the last part asked for first: analyses read in order)
      if (pos >= starts[last]! && (last + 1 >= parts.length || pos < starts[last + 1]!)) return parts[last]!;
      let lo = 0;
      let hi = parts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      last = lo;
      return parts[lo]!;
    },
    indexOf(id, inTable) {
      const found = listIndex.get(id);
      if (found !== undefined) return found;
      // (the table whose key the id starts with)
      const t = id.length > keyLength ? tableByKey.get(id.slice(0, keyLength)) : undefined;
      const i = t ? inTable(t.table, id) : -1;
      return i < 0 ? undefined : t!.start + i;
    },
  };
}
