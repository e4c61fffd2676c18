import type { DocumentMeta, Source } from '../../../shared/model';

export interface SourceGroup {
  source: Source;
  /** Documents matching the filter, in title order. */
  documents: readonly DocumentMeta[];
  /** All documents of the source, whatever the filter. */
  total: number;
}

/** One source with all its documents sorted by title, and their titles lower-cased for filtering. */
interface PreparedGroup {
  source: Source;
  documents: readonly DocumentMeta[];
  /** `documents[i].title` lower-cased (en-GB), in the same order. */
  keys: readonly string[];
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

/** The filter as it is matched: trimmed and lower-cased. */
export const normaliseFilter = (filter: string): string => lower(filter.trim());

/** The value of a title's leading ASCII digits (up to 15, not followed by any other digit, which the collator would read as part of the number), or NaN. */
export const leadingNumber = (title: string): number => {
  const m = /^[0-9]{1,15}(?!\p{Nd})/u.exec(title);
  return m ? Number(m[0]) : NaN;
};

/**
 * The collator's order on titles, faster: with numeric collation a leading number is the first
 * thing compared, so two titles that start with different numbers (record ids, "R12 …" does not)
 * are ordered by those numbers without calling the collator.
 */
export function compareTitles(a: string, na: number, b: string, nb: number): number {
  return na === nb || Number.isNaN(na) || Number.isNaN(nb) ? collator.compare(a, b) : na - nb;
}

/**
 * Group documents by source (sources in name order, documents in title order) and lower-case
 * every title once. Documents whose source is not in `sources` are left out. O(n log n): memoise
 * it on the identity of `sources` and `documents`, then filter with {@link filterPrepared}.
 */
export function prepareDocuments(sources: readonly Source[], documents: readonly DocumentMeta[]): PreparedDocuments {
  const bySource = new Map<string, DocumentMeta[]>();
  for (const s of sources) bySource.set(s.id, []);
  for (const d of documents) bySource.get(d.sourceId)?.push(d);
  const groups = [...sources]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((source): PreparedGroup => {
      // A stable sort; V8's TimSort needs only n comparisons for a list already in order.
      const keyed = bySource.get(source.id)!.map((doc) => ({ doc, n: leadingNumber(doc.title) }));
      keyed.sort((a, b) => compareTitles(a.doc.title, a.n, b.doc.title, b.n));
      const docs = keyed.map((k) => k.doc);
      return { source, documents: docs, keys: docs.map((d) => lower(d.title)) };
    });
  return { groups };
}

/**
 * The prepared groups whose titles contain `filter` (case-insensitive), in the prepared order.
 * With an empty filter every source is kept (even one without documents) and no array is
 * copied; with a filter, sources without a match are left out. O(n) `includes` checks.
 */
export function filterPrepared(prepared: PreparedDocuments, filter: string): SourceGroup[] {
  const needle = normaliseFilter(filter);
  const out: SourceGroup[] = [];
  for (const g of prepared.groups) {
    const total = g.documents.length;
    if (!needle) {
      out.push({ source: g.source, documents: g.documents, total });
      continue;
    }
    const matches: DocumentMeta[] = [];
    const { keys, documents } = g;
    for (let i = 0; i < keys.length; i++) if (keys[i]!.includes(needle)) matches.push(documents[i]!);
    if (matches.length > 0) out.push({ source: g.source, documents: matches, total });
  }
  return out;
}

/** Group documents by source (sources in name order), keeping only titles that contain `filter`. */
export function groupDocuments(sources: readonly Source[], documents: readonly DocumentMeta[], filter: string): SourceGroup[] {
  return filterPrepared(prepareDocuments(sources, documents), filter);
}
