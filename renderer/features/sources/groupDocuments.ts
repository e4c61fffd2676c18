import type { DocumentMeta, Source } from '../../../shared/model';
import type { AnswerPlaces } from '../../../shared/import/dataset';
import { documentSeq, documentView, type DocumentSeq, type DocumentView } from '../../../shared/import/document-view';

export interface SourceGroup {
  source: Source;
  /** Documents matching the filter, in title order (a survey table's answers made only when shown). */
  documents: DocumentSeq;
  /** All documents of the source, whatever the filter. */
  total: number;
}

/** One source with all its documents sorted by title, and their titles lower-cased for filtering. */
interface PreparedGroup {
  source: Source;
  documents: DocumentSeq;
  /** `documents[i].title` lower-cased (en-GB), in the same order (made when first asked for). */
  readonly keys: readonly string[];
  /** Whether the keys are made. */
  readonly keysMade: boolean;
  /** Make the keys, pausing (yielding) every ORDER_SLICE titles. */
  makeKeys(): Generator<void, void>;
}

/** The expensive part of grouping (sort and lower-case), done once per documents list. */
export interface PreparedDocuments {
  readonly groups: readonly PreparedGroup[];
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Lower-case for matching. `toLowerCase` equals `toLocaleLowerCase('en-GB')` (English has no
 * locale-specific case mappings) and is about ten times faster in V8.
 */
const lower = (s: string) => s.toLowerCase();

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The filter as it is matched: trimmed and lower-cased. */
export const normaliseFilter = (filter: string): string => lower(filter.trim());

/**
 * The value of a title's leading ASCII digits (up to 15, not followed by any other digit, which
 * the collator would read as part of the number), or NaN: `/^[0-9]{1,15}(?!\p{Nd})/u` read a
 * character at a time (called for every title of a list, so a regex is asked only about a
 * character past ASCII after the digits: `otherDigit`).
 */
export const leadingNumber = (title: string): number => {
  let v = 0;
  let i = 0;
  for (; i < title.length; i++) {
    const c = title.charCodeAt(i);
    if (!isDigit(c)) break;
    if (i === 15) return NaN; // a 16th digit: no shorter run is followed by a non-digit either
    v = v * 10 + (c - 48);
  }
  if (i === 0) return NaN;
  if (otherDigit(title, i)) return NaN;
  return v;
};

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A decimal digit the collator reads as one, but not ASCII (it would join an ASCII digit run). */
const otherDigit = (s: string, i: number) => i >= 0 && i < s.length && s.charCodeAt(i) > 127 && /\p{Nd}/u.test(String.fromCodePoint(s.codePointAt(i) ?? s.charCodeAt(i)));

/**
 * The collator's answer where it is certain without asking it, else 0. Two titles that are the same
 * up to their first difference are ordered by it when it is between two different ASCII letters
 * (case aside; the base strength ignores case) or inside two runs of ASCII digits of different
 * value (numeric collation compares the whole runs as numbers): "R000017 – What happened" and
 * "R000017 – What could" or "R000018 – …", a survey's titles, never reach the collator.
 */
function quickOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return 0;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (isLetter(x) && isLetter(y)) return (x | 32) - (y | 32);
  if (!isDigit(x) || !isDigit(y)) return 0;
  let start = i;
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start--;
  let ea = i;
  while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
  let eb = i;
  while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
  if (ea - start > 15 || eb - start > 15 || otherDigit(a, start - 1) || otherDigit(a, ea) || otherDigit(b, eb)) return 0;
  return digitsValue(a, start, ea) - digitsValue(b, start, eb);
}

/** The value of the ASCII digits a[from, to) (at most 15: exact in a double). */
function digitsValue(a: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (a.charCodeAt(i) - 48);
  return v;
}

/**
 * The collator's order on titles, faster: with numeric collation a leading number is the first
 * thing compared, so two titles that start with different numbers (record ids, "R12 …" does not)
 * are ordered by those numbers without calling the collator; and titles that first differ in a
 * letter or a number are ordered there (`quickOrder`).
 */
export function compareTitles(a: string, na: number, b: string, nb: number): number {
  if (na === nb || Number.isNaN(na) || Number.isNaN(nb)) return quickOrder(a, b) || collator.compare(a, b);
  return na - nb;
}

/**
 * Documents grouped, or titles compared, between two pauses when a list is prepared in slices (a
 * few milliseconds' work: at 20,000 a slice, with the grouping of every document in the first,
 * a 200,000-response survey's list still made a 110 ms task).
 */
export const ORDER_SLICE = 10_000;

/** Whether `docs` is in title order: one pass of comparisons, pausing (yielding undefined) every ORDER_SLICE titles. */
function* inTitleOrder(docs: DocumentSeq): Generator<void, boolean> {
  if (docs.length === 0) return true;
  let a = docs.title(0);
  let na = leadingNumber(a);
  for (let i = 1; i < docs.length; i++) {
    const b = docs.title(i);
    const nb = leadingNumber(b);
    if (compareTitles(a, na, b, nb) > 0) return false;
    a = b;
    na = nb;
    if (i % ORDER_SLICE === 0) yield;
  }
  return true;
}

/** The documents to list: a view (stored documents and survey tables' answers), or a list of documents. */
export type ListedDocuments = DocumentView | readonly DocumentMeta[];
const viewOf = (documents: ListedDocuments): DocumentView => ('stored' in documents ? documents : documentView(documents));

/** prepareDocuments, pausing (yielding) between slices of its work. */
function* preparing(sources: readonly Source[], documents: ListedDocuments): Generator<void, PreparedDocuments> {
  const view = viewOf(documents);
  const bySource = new Map<string, { stored: DocumentMeta[]; tables: AnswerPlaces[] }>();
  for (const s of sources) bySource.set(s.id, { stored: [], tables: [] });
  for (let i = 0; i < view.stored.length; i++) {
    const d = view.stored[i]!;
    bySource.get(d.sourceId)?.stored.push(d);
    if ((i + 1) % ORDER_SLICE === 0) yield;
  }
  for (const t of view.tables) bySource.get(t.ds.sourceId)?.tables.push(t);
  const groups: PreparedGroup[] = [];
  for (const source of [...sources].sort((a, b) => collator.compare(a.name, b.name))) {
    // A stable sort, skipped for a list already in order (a survey's answers come in title
    // order when its record ids ascend): one pass of comparisons, nothing kept. (The sort itself
    // is one task: a list out of order at survey scale still holds the thread while it sorts.)
    const { stored, tables } = bySource.get(source.id)!;
    let docs = documentSeq(stored, tables);
    if (!(yield* inTitleOrder(docs))) {
      const all = docs;
      const titles = Array.from({ length: all.length }, (_, i) => all.title(i));
      const numbers = Float64Array.from(titles, leadingNumber);
      const order = Array.from({ length: all.length }, (_, i) => i).sort((a, b) => compareTitles(titles[a]!, numbers[a]!, titles[b]!, numbers[b]!) || a - b);
      docs = all.pick(order);
    }
    // (lower-cased on the first filter, not before: most openings of the list never filter)
    let keys: string[] | undefined;
    const listed = docs;
    groups.push({
      source,
      documents: listed,
      get keys() {
        return (keys ??= Array.from({ length: listed.length }, (_, i) => listed.titleKey(i)));
      },
      get keysMade() {
        return keys !== undefined;
      },
      *makeKeys() {
        const made: string[] = [];
        for (let i = 0; i < listed.length && !keys; i++) {
          made.push(listed.titleKey(i));
          if ((i + 1) % ORDER_SLICE === 0) yield;
        }
        keys ??= made;
      },
    });
  }
  return { groups };
}

/**
 * Group documents by source (sources in name order, documents in title order) and lower-case
 * every title once. Documents whose source is not in `sources` are left out. O(n log n): memoise
 * it on the identity of `sources` and `documents`, then filter with {@link filterPrepared}.
 */
export function prepareDocuments(sources: readonly Source[], documents: ListedDocuments): PreparedDocuments {
  const work = preparing(sources, documents);
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * prepareDocuments in slices, awaiting `pause` between them (a large survey's list: 875,000
 * titles were checked in one 200 ms task); undefined if `live` turns false meanwhile.
 */
export async function prepareDocumentsInSlices(sources: readonly Source[], documents: ListedDocuments, pause: () => Promise<void>, live: () => boolean): Promise<PreparedDocuments | undefined> {
  const work = preparing(sources, documents);
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
    await pause();
    if (!live()) return undefined;
  }
}

/** Whether every group's filter keys are made (so a filter is one quick pass). */
export const filterKeysMade = (prepared: PreparedDocuments): boolean => prepared.groups.every((g) => g.keysMade);

/**
 * Every group's filter keys made, in slices, awaiting `pause` between them (a survey's first filter
 * lower-cased its million titles in one 265–331 ms task); false if `live` turns false meanwhile.
 */
export async function makeFilterKeysInSlices(prepared: PreparedDocuments, pause: () => Promise<void>, live: () => boolean): Promise<boolean> {
  for (const g of prepared.groups) {
    const work = g.makeKeys();
    while (!work.next().done) {
      await pause();
      if (!live()) return false;
    }
  }
  return true;
}

/**
 * The prepared groups whose titles contain `filter` (case-insensitive), in the prepared order.
 * With an empty filter every source is kept (even one without documents) and no array is
 * copied; with a filter, sources without a match are left out. O(n) `includes` checks.
 */
export function filterPrepared(prepared: PreparedDocuments, filter: string): SourceGroup[] {
  return filterPreparedFrom(prepared, filter).groups;
}

/** A filter's result, with what narrowing it further needs: each group's matching titles, lower-cased. */
export interface FilteredDocuments {
  prepared: PreparedDocuments;
  needle: string;
  groups: SourceGroup[];
  /** By group in `groups`: its documents' keys (empty for an empty needle). */
  keys: (readonly string[])[];
}

/**
 * filterPrepared, narrowing `last` when it can: a filter that contains the last one (typing on)
 * keeps a subset of its matches, so only those are checked, not every title again (a survey's
 * 875,000 at each key press).
 */
export function filterPreparedFrom(prepared: PreparedDocuments, filter: string, last?: FilteredDocuments): FilteredDocuments {
  const needle = normaliseFilter(filter);
  const groups: SourceGroup[] = [];
  const keys: (readonly string[])[] = [];
  if (!needle) {
    for (const g of prepared.groups) groups.push({ source: g.source, documents: g.documents, total: g.documents.length });
    return { prepared, needle, groups, keys: [] };
  }
  const narrowing = last !== undefined && last.prepared === prepared && last.needle !== '' && needle.includes(last.needle);
  const from = narrowing
    ? last.groups.map((g, i) => ({ source: g.source, total: g.total, documents: g.documents, keys: last.keys[i]! }))
    : prepared.groups.map((g) => ({ source: g.source, total: g.documents.length, documents: g.documents, keys: g.keys }));
  for (const g of from) {
    const matches: number[] = [];
    const matchKeys: string[] = [];
    for (let i = 0; i < g.keys.length; i++) {
      const key = g.keys[i]!;
      if (key.includes(needle)) {
        matches.push(i);
        matchKeys.push(key);
      }
    }
    if (matches.length > 0) {
      groups.push({ source: g.source, documents: g.documents.pick(matches), total: g.total });
      keys.push(matchKeys);
    }
  }
  return { prepared, needle, groups, keys };
}

/** Group documents by source (sources in name order), keeping only titles that contain `filter`. */
export function groupDocuments(sources: readonly Source[], documents: ListedDocuments, filter: string): SourceGroup[] {
  return filterPrepared(prepareDocuments(sources, documents), filter);
}
