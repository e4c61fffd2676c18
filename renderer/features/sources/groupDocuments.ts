import type { DocumentMeta, Source } from '../../../shared/model';

export interface SourceGroup {
  source: Source;
  /** Documents matching the filter, in title order. */
  documents: DocumentMeta[];
  /** All documents of the source, whatever the filter. */
  total: number;
}

/** Group documents by source (sources in name order), keeping only titles that contain `filter`. */
export function groupDocuments(
  sources: readonly Source[],
  documents: readonly DocumentMeta[],
  filter: string,
): SourceGroup[] {
  const needle = filter.trim().toLocaleLowerCase('en-GB');
  const bySource = new Map<string, DocumentMeta[]>();
  const totals = new Map<string, number>();
  for (const d of documents) {
    totals.set(d.sourceId, (totals.get(d.sourceId) ?? 0) + 1);
    if (needle && !d.title.toLocaleLowerCase('en-GB').includes(needle)) continue;
    let list = bySource.get(d.sourceId);
    if (!list) bySource.set(d.sourceId, (list = []));
    list.push(d);
  }
  const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return [...sources]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((source) => ({
      source,
      documents: (bySource.get(source.id) ?? []).sort((a, b) => collator.compare(a.title, b.title)),
      total: totals.get(source.id) ?? 0,
    }))
    .filter((g) => !needle || g.documents.length > 0);
}
