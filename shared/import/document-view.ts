/**
 * A project's documents as a list shows them: those stored one by one, and each survey table's
 * answers as places (row and slot), each answer made into a document only when a row of the list
 * shows it. A 500,000-response survey's 875,000 answers as document objects held about 200 MB of
 * the window's heap for the Code workspace's list, which draws thirty of them at a time.
 */
import type { DocumentMeta } from '../model';
import { answerIndexOf, datasetAnswerTitle, datasetAnswerTitleKey, datasetDocument, datasetDocumentId, DATASET_ID_LENGTH, slotsByName, type AnswerPlaces } from './dataset';

/** Documents stored one by one, then survey tables' answers (each table's in id order). */
export interface DocumentView {
  readonly stored: readonly DocumentMeta[];
  readonly tables: readonly AnswerPlaces[];
  readonly length: number;
}

export function documentView(stored: readonly DocumentMeta[], tables: readonly AnswerPlaces[] = []): DocumentView {
  return { stored, tables, length: tables.reduce((n, t) => n + t.rows.length, stored.length) };
}

/**
 * Some of a view's documents in an order: entry e is stored document e, or past them an answer of a
 * table, each table's answers in list order (row by row, each row's by question name). `entries`
 * picks and orders them (null: all, in entry order).
 */
export interface DocumentSeq {
  readonly length: number;
  /** The document at position i (made afresh for a table's answer). */
  at(i: number): DocumentMeta;
  id(i: number): string;
  title(i: number): string;
  /** The title lower-cased, as a filter matches it (see datasetAnswerTitleKey). */
  titleKey(i: number): string;
  /** The entry (see above) at position i. */
  entry(i: number): number;
  /** The position of a document by id, or -1. */
  indexOf(id: string): number;
  /** These positions of this sequence, as a sequence of the same view. */
  pick(positions: readonly number[] | Int32Array): DocumentSeq;
}

interface Entries {
  stored: readonly DocumentMeta[];
  tables: readonly AnswerPlaces[];
  /** Per table, its entries in list order: entry → answer index (null: id order is list order). */
  orders: (Int32Array | null)[];
  /** Where each table's entries start. */
  starts: Int32Array;
  total: number;
  storedIndex?: Map<string, number>;
  /** Per table, its questions' parts of a title lower-cased (datasetAnswerTitleKey). */
  suffixes: Map<AnswerPlaces, (string | undefined)[]>;
}

/**
 * A table's answers in the order a list shows them, as datasetDocumentsIn makes them: row by row,
 * each row's answers by question name (title order when the record ids ascend, so the list's
 * title-order check passes without a sort); null when that is their id order (by slot).
 */
function listOrder(t: AnswerPlaces): Int32Array | null {
  const rank = new Int32Array(t.ds.fields.length);
  slotsByName(t.ds).forEach((slot, r) => (rank[slot] = r));
  if (rank.every((r, slot) => r === slot)) return null;
  const n = t.rows.length;
  const out = new Int32Array(n);
  for (let a = 0; a < n; ) {
    let b = a;
    while (b < n && t.rows[b] === t.rows[a]) b++;
    // (a row's few answers, by their question's rank: an insertion sort)
    for (let i = a; i < b; i++) {
      let j = i;
      while (j > a && rank[t.slots[out[j - 1]!]!]! > rank[t.slots[i]!]!) {
        out[j] = out[j - 1]!;
        j--;
      }
      out[j] = i;
    }
    a = b;
  }
  return out;
}

function entriesOf(stored: readonly DocumentMeta[], tables: readonly AnswerPlaces[]): Entries {
  const starts = new Int32Array(tables.length);
  let at = stored.length;
  tables.forEach((t, k) => {
    starts[k] = at;
    at += t.rows.length;
  });
  return { stored, tables, orders: tables.map(listOrder), starts, total: at, suffixes: new Map() };
}

/** The table holding entry e (e past the stored documents), and the answer's index in it. */
function tableEntry(x: Entries, e: number): { t: AnswerPlaces; i: number } {
  let k = x.tables.length - 1;
  while (k > 0 && x.starts[k]! > e) k--;
  const order = x.orders[k];
  const local = e - x.starts[k]!;
  return { t: x.tables[k]!, i: order ? order[local]! : local };
}

/** The entry (within its table) of answer `a` of table `k`. */
function entryOfAnswer(x: Entries, k: number, a: number): number {
  const order = x.orders[k];
  if (!order) return a;
  const t = x.tables[k]!;
  // the row's answers sit together: its first answer, then its few entries
  let lo = 0;
  let hi = a;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.rows[mid]! < t.rows[a]!) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < t.rows.length && t.rows[j] === t.rows[a]; j++) if (order[j] === a) return j;
  return -1;
}

function sequence(x: Entries, entries: Int32Array | null): DocumentSeq {
  const length = entries ? entries.length : x.total;
  const entryAt = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`no document at position ${i} of ${length}`);
    return entries ? entries[i]! : i;
  };
  const seq: DocumentSeq = {
    length,
    entry: entryAt,
    at(i) {
      const e = entryAt(i);
      if (e < x.stored.length) return x.stored[e]!;
      const { t, i: a } = tableEntry(x, e);
      return datasetDocument(t.ds, t.rows[a]!, t.slots[a]!)!;
    },
    id(i) {
      const e = entryAt(i);
      if (e < x.stored.length) return x.stored[e]!.id;
      const { t, i: a } = tableEntry(x, e);
      return datasetDocumentId(t.ds.id, t.rows[a]!, t.slots[a]!);
    },
    title(i) {
      const e = entryAt(i);
      if (e < x.stored.length) return x.stored[e]!.title;
      const { t, i: a } = tableEntry(x, e);
      return datasetAnswerTitle(t.ds, t.rows[a]!, t.slots[a]!);
    },
    titleKey(i) {
      const e = entryAt(i);
      if (e < x.stored.length) return x.stored[e]!.title.toLowerCase();
      const { t, i: a } = tableEntry(x, e);
      let suffixes = x.suffixes.get(t);
      if (!suffixes) x.suffixes.set(t, (suffixes = []));
      return datasetAnswerTitleKey(t.ds, t.rows[a]!, t.slots[a]!, suffixes);
    },
    indexOf(id) {
      let e = -1;
      x.storedIndex ??= new Map(x.stored.map((d, k) => [d.id, k]));
      const s = x.storedIndex.get(id);
      if (s !== undefined) e = s;
      else if (id.length > DATASET_ID_LENGTH) {
        const prefix = id.slice(0, DATASET_ID_LENGTH);
        x.tables.forEach((t, k) => {
          if (e < 0 && t.ds.id === prefix) {
            const a = answerIndexOf(t, id);
            if (a >= 0) e = x.starts[k]! + entryOfAnswer(x, k, a);
          }
        });
      }
      // (a native search of the picked entries: no array made per pick, as a filter keystroke makes one)
      return e < 0 || !entries ? e : entries.indexOf(e);
    },
    pick(positions) {
      return sequence(x, Int32Array.from(positions, (p) => entryAt(p)));
    },
  };
  return seq;
}

/** A source's documents of a view (stored ones and tables' answers) as a sequence in entry order; `order`: the entries in another order. */
export function documentSeq(stored: readonly DocumentMeta[], tables: readonly AnswerPlaces[] = [], order: Int32Array | null = null): DocumentSeq {
  return sequence(entriesOf(stored, tables), order);
}

/** A view's document by id (made afresh for a table's answer), or undefined. */
export function viewDocument(view: DocumentView, id: string): DocumentMeta | undefined {
  const stored = view.stored.find((d) => d.id === id);
  if (stored) return stored;
  const t = id.length > DATASET_ID_LENGTH ? view.tables.find((x) => id.startsWith(x.ds.id)) : undefined;
  const a = t ? answerIndexOf(t, id) : -1;
  return a < 0 ? undefined : datasetDocument(t!.ds, t!.rows[a]!, t!.slots[a]!);
}
