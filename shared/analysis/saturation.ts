/** Saturation: new codes per document in coding order (by each document's first coding), cumulative. */
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { buildScope, type AnalysisFilter } from './scope';
import type { AnalysisTable, Row } from './types';

/**
 * Documents with an in-scope coding, ordered by their earliest coding's createdAt, ties by
 * document id. Documents are already sorted by id (index order), so the order is (time rank,
 * document index): a numeric typed-array sort instead of a string comparator over every pair.
 */
function documentsByFirstCoding(index: AnalysisIndex, codingIn: Uint8Array): Array<{ d: number; at: string }> {
  const nDocs = index.documents.length;
  const { createdAt } = index.codings;
  const firstAt: Array<string | null> = new Array(nDocs).fill(null);
  const distinct = new Set<string>();
  for (let d = 0; d < nDocs; d++) {
    let at: string | null = null;
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
      if (!codingIn[k]) continue;
      const c = createdAt[k]!;
      if (at === null || c < at) at = c;
    }
    if (at !== null) {
      firstAt[d] = at;
      distinct.add(at);
    }
  }
  // ISO timestamps in one format sort as text: rank each distinct value once.
  const rank = new Map([...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((at, i) => [at, i]));
  const keys = new Float64Array(distinct.size === 0 ? 0 : nDocs);
  let n = 0;
  for (let d = 0; d < nDocs; d++) {
    const at = firstAt[d];
    if (at !== null && at !== undefined) keys[n++] = rank.get(at)! * nDocs + d;
  }
  const sorted = keys.subarray(0, n).sort();
  return Array.from(sorted, (key) => {
    const d = key % nDocs;
    return { d, at: firstAt[d]! };
  });
}

export function saturation(index: AnalysisIndex, options: AnalysisFilter = {}): AnalysisTable {
  const scope = buildScope(index, options);
  const firstAt = documentsByFirstCoding(index, scope.codingIn);
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
