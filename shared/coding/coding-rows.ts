/**
 * A project's codings read field by field, for the analysis index (shared/analysis/prepare.ts):
 * from a list of objects, or from the project's coding digest with the journal's changes on top,
 * without an object per coding (issue 13, item 4: at millions of codings the objects alone are
 * hundreds of megabytes in the analysis worker). Pure: no DOM, no Dexie.
 */
import type { Coding } from '../model';
import { joinedAt, joinedPosition, splitStrings, type CodingChange, type CodingDigest } from './coding-digest';

export interface CodingRows {
  readonly length: number;
  id(i: number): string;
  documentId(i: number): string;
  codeId(i: number): string;
  coderId(i: number): string;
  start(i: number): number;
  end(i: number): number;
  createdAt(i: number): string;
}

/** The rows of a list of codings. */
export function listRows(list: readonly Coding[]): CodingRows {
  return {
    length: list.length,
    id: (i) => list[i]!.id,
    documentId: (i) => list[i]!.documentId,
    codeId: (i) => list[i]!.codeId,
    coderId: (i) => list[i]!.coderId,
    start: (i) => list[i]!.start,
    end: (i) => list[i]!.end,
    createdAt: (i) => list[i]!.createdAt,
  };
}

const keepAll = () => true;

/**
 * The rows of a digest with these journal changes applied (as applyCodingChanges applies them: a
 * record written replaces its id or is added, or leaves when it is another project's; a deleted id
 * goes), keeping only codings whose document `keep` accepts. The digest's codings come first, in
 * id order, then the ones the changes wrote.
 */
export function digestRows(d: CodingDigest, projectId: string, changes: readonly CodingChange[], keep: (documentId: string) => boolean = keepAll): CodingRows {
  const latest = new Map<string, Coding | null>();
  for (const ch of changes) {
    for (const c of ch.written) latest.set(c.id, c.projectId === projectId ? c : null);
    for (const id of ch.deleted) latest.set(id, null);
  }
  const n = d.ids.ends.length;
  // the digest's codings a change replaces or deletes (a binary search each: the digest is in id order)
  const changed = new Uint8Array(n);
  for (const id of latest.keys()) {
    const p = joinedPosition(d.ids, id);
    if (p >= 0) changed[p] = 1;
  }
  // (a document's id is made when read, not split out for all 875,000 answers: the index reads each once)
  const docs = d.documentId.values;
  const keepDoc = new Uint8Array(docs.ends.length);
  if (keep === keepAll) keepDoc.fill(1);
  else for (let k = 0; k < keepDoc.length; k++) keepDoc[k] = keep(joinedAt(docs, k)) ? 1 : 0;
  const docAt = d.documentId.at;
  let kept = 0;
  for (let p = 0; p < n; p++) if (!changed[p] && keepDoc[docAt[p]!]) kept++;
  const base = new Uint32Array(kept);
  for (let p = 0, k = 0; p < n; p++) if (!changed[p] && keepDoc[docAt[p]!]) base[k++] = p;
  const extra = [...latest.values()].filter((c): c is Coding => c !== null && keep(c.documentId));
  const [codes, coders] = [d.codeId, d.coderId].map((c) => splitStrings(c.values)) as [string[], string[]];
  const b = kept;
  return {
    length: b + extra.length,
    ...idsAndTimes(d, base, extra),
    documentId: (i) => (i < b ? joinedAt(docs, docAt[base[i]!]!) : extra[i - b]!.documentId),
    codeId: (i) => (i < b ? codes[d.codeId.at[base[i]!]!]! : extra[i - b]!.codeId),
    coderId: (i) => (i < b ? coders[d.coderId.at[base[i]!]!]! : extra[i - b]!.coderId),
    start: (i) => (i < b ? d.start[base[i]!]! : extra[i - b]!.start),
    end: (i) => (i < b ? d.end[base[i]!]! : extra[i - b]!.end),
  };
}

/**
 * A digest's rows' ids and times, made apart from the other fields' readers: a function keeps the
 * variables of the scope it was made in, so these (which the analysis index keeps to read a coding's
 * id later) hold the digest, the rows' positions and the changes, not the documents' ids as strings
 * the other readers split out.
 */
function idsAndTimes(d: CodingDigest, base: Uint32Array, extra: readonly Coding[]): Pick<CodingRows, 'id' | 'createdAt'> {
  const b = base.length;
  const dates = splitStrings(d.createdAt.values);
  return {
    id: (i) => (i < b ? joinedAt(d.ids, base[i]!) : extra[i - b]!.id),
    createdAt: (i) => (i < b ? dates[d.createdAt.at[base[i]!]!]! : extra[i - b]!.createdAt),
  };
}
