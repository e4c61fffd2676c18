/** Saturation: new codes per document in coding order (by each document's first coding), cumulative. */
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { buildScope, type AnalysisFilter } from './scope';
import type { AnalysisTable, Row } from './types';

export function saturation(index: AnalysisIndex, options: AnalysisFilter = {}): AnalysisTable {
  const scope = buildScope(index, options);
  const firstAt: Array<{ d: number; at: string; id: string }> = [];
  for (let d = 0; d < index.documents.length; d++) {
    let at: string | null = null;
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
      if (!scope.codingIn[k]) continue;
      const c = index.codings.createdAt[k]!;
      if (at === null || c < at) at = c;
    }
    if (at !== null) firstAt.push({ d, at, id: index.documents[d]!.id });
  }
  // ISO timestamps in one format sort as text; ties fall back to the document id.
  firstAt.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Uint8Array(index.codes.length);
  let total = 0;
  const rows: Row[] = firstAt.map(({ d, at }, i) => {
    const fresh: string[] = [];
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
      if (!scope.codingIn[k]) continue;
      const c = index.codings.code[k]!;
      if (!seen[c]) {
        seen[c] = 1;
        fresh.push(index.codes[c]!.name);
      }
    }
    total += fresh.length;
    return { position: i + 1, documentId: index.documents[d]!.id, document: index.documents[d]!.title, firstCoded: at, newCodes: fresh.length, cumulative: total, codes: fresh };
  });
  return {
    kind: 'saturation',
    title: ANALYSIS_NOTES.saturation.title,
    columns: [
      { key: 'position', label: 'Order', type: 'number' },
      { key: 'document', label: 'Document', type: 'text' },
      { key: 'firstCoded', label: 'First coded', type: 'text' },
      { key: 'newCodes', label: 'New codes', type: 'number' },
      { key: 'cumulative', label: 'Codes so far', type: 'number' },
      { key: 'codes', label: 'New codes (names)', type: 'list' },
    ],
    rows,
    notes: ANALYSIS_NOTES.saturation,
    warnings: [],
    stats: { documents: rows.length, codes: total },
  };
}
