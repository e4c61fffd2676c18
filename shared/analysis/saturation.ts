/** Saturation: new codes per document in coding order (by each document's first coding), cumulative. */
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { buildScope, type AnalysisFilter } from './scope';
import type { AnalysisTable, Row } from './types';

/** Shared by every row that adds no new code (most rows once the codebook is saturated). */
const NO_CODES: readonly string[] = Object.freeze([]);

/**
 * Documents with an in-scope coding, ordered by their earliest coding's createdAt, ties by
 * document id. Documents are already sorted by id (index order), so the order is (time rank,
 * document index): a numeric typed-array sort instead of a string comparator over every pair.
 * Each document's earliest time is looked up once in a Map of distinct times; only the
 * distinct times are sorted as text.
 */
function documentsByFirstCoding(index: AnalysisIndex, codingIn: Uint8Array): { order: Float64Array; firstAt: string[] } {
  const nDocs = index.documents.length;
  const { createdAt } = index.codings;
  const { docStart } = index;
  const firstAt: string[] = new Array<string>(nDocs).fill('');
  const timeOf = new Int32Array(nDocs);
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  for (let d = 0; d < nDocs; d++) {
    let at: string | null = null;
    const b = docStart[d + 1]!;
    for (let k = docStart[d]!; k < b; k++) {
      if (!codingIn[k]) continue;
      const c = createdAt(k);
      if (at === null || c < at) at = c;
    }
    if (at === null) {
      timeOf[d] = -1;
      continue;
    }
    firstAt[d] = at;
    let t = idOf.get(at);
    if (t === undefined) {
      t = distinct.length;
      idOf.set(at, t);
      distinct.push(at);
    }
    timeOf[d] = t;
  }
  // ISO timestamps in one format sort as text: rank each distinct value once.
  const byText = Array.from(distinct.keys()).sort((a, b) => (distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0));
  const rank = new Float64Array(distinct.length);
  for (let r = 0; r < byText.length; r++) rank[byText[r]!] = r;
  const keys = new Float64Array(nDocs);
  let n = 0;
  for (let d = 0; d < nDocs; d++) {
    const t = timeOf[d]!;
    if (t >= 0) keys[n++] = rank[t]! * nDocs + d;
  }
  return { order: keys.subarray(0, n).sort(), firstAt };
}

export function saturation(index: AnalysisIndex, options: AnalysisFilter = {}): AnalysisTable {
  const { codingIn } = buildScope(index, options);
  const { order, firstAt } = documentsByFirstCoding(index, codingIn);
  const nDocs = index.documents.length;
  const nCodes = index.codes.length;
  const { code } = index.codings;
  const { docStart, documents } = index;
  const names = index.codes.map((c) => c.name);
  const seen = new Uint8Array(nCodes);
  let total = 0;
  const rows: Row[] = new Array<Row>(order.length);
  for (let i = 0; i < order.length; i++) {
    const d = order[i]! % nDocs;
    let fresh: readonly string[] = NO_CODES;
    // Once every code has been seen no document can add one: skip its codings.
    if (total < nCodes) {
      let found: string[] | null = null;
      const b = docStart[d + 1]!;
      for (let k = docStart[d]!; k < b; k++) {
        if (!codingIn[k]) continue;
        const c = code[k]!;
        if (!seen[c]) {
          seen[c] = 1;
          (found ??= []).push(names[c]!);
        }
      }
      if (found) {
        fresh = found;
        total += found.length;
      }
    }
    rows[i] = { position: i + 1, documentId: documents.id(d), document: documents.title(d), firstCoded: firstAt[d]!, newCodes: fresh.length, cumulative: total, codes: fresh };
  }
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
