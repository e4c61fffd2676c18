/**
 * Turning a ProjectBundle's codings into compact typed arrays grouped by (document, code), for the
 * character- and unit-level agreement sweeps. One pass over the codings plus two counting sorts:
 * linear time, no per-character arrays.
 */
import type { DocumentWithText, ProjectBundle } from '../../model';

export type AgreementUnit = 'character' | 'response' | 'sentence' | 'paragraph' | 'document';
export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'response', 'sentence', 'paragraph', 'document'];

export interface AgreementOptions {
  /** Coders to compare (ids). Default: every coder with at least one coding in the selected documents. */
  coderIds?: readonly string[];
  /** Documents to include. Default: all. */
  documentIds?: readonly string[];
  /** Codes to report. Default: all codes in the codebook. */
  codeIds?: readonly string[];
  unit: AgreementUnit;
  /**
   * Documents every selected coder was asked to code: a coder counts as having coded these even
   * with no codings in them (so their silence means "code absent", not "missing").
   */
  assignedDocumentIds?: readonly string[];
  /**
   * How to treat a coder with no codings at all in a document (and not assigned it):
   * 'missing' (default) leaves their values missing there; 'uncoded' counts every character/unit
   * as not coded by them, as NVivo's coding comparison does.
   */
  absentCoder?: 'missing' | 'uncoded';
}

/** A failure caused by the options (unknown id, too few coders): the message says which and why. */
export class AgreementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementError';
  }
}

export interface Prepared {
  coders: { id: string; name: string }[];
  codes: { id: string; name: string }[];
  docs: { id: string; text: string; kind: string; length: number }[];
  /** Number of coders. */
  M: number;
  /** present[d * M + j] = 1 if coder j counts as having coded document d. */
  present: Uint8Array;
  /** Number of coders present per document. */
  presentCount: Int32Array;
  /** Kept codings (clipped to the document), as parallel arrays. */
  doc: Int32Array;
  code: Int32Array;
  coder: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Indices into the arrays above, sorted by document, code, coder, start. */
  order: Int32Array;
  /** Longest run of codings sharing a document and code (sizes scratch buffers). */
  maxGroup: number;
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
}

function checkKnown(kind: string, wanted: readonly string[] | undefined, known: Set<string>): void {
  if (!wanted) return;
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new AgreementError(`unknown ${kind} id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
}

/** Stable counting sort of `src` (indices) by `key[i]` in [0, buckets). */
function countingSort(src: Int32Array, key: Int32Array, buckets: number): Int32Array {
  const count = new Int32Array(buckets + 1);
  for (let i = 0; i < src.length; i++) count[key[src[i]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) count[b + 1]! += count[b]!;
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    out[count[key[s]!]!++] = s;
  }
  return out;
}

export function prepare(bundle: ProjectBundle, opts: AgreementOptions): Prepared {
  if (!AGREEMENT_UNITS.includes(opts.unit)) throw new AgreementError(`unknown unit "${String(opts.unit)}": expected ${AGREEMENT_UNITS.join(', ')}`);
  checkKnown('document', opts.documentIds, new Set(bundle.documents.map((d) => d.id)));
  checkKnown('code', opts.codeIds, new Set(bundle.codes.map((c) => c.id)));

  const docSet = opts.documentIds ? new Set(opts.documentIds) : null;
  const docs: DocumentWithText[] = docSet ? bundle.documents.filter((d) => docSet.has(d.id)) : bundle.documents;
  const D = docs.length;
  const docIndex = new Map<string, number>();
  const docLength = new Int32Array(D);
  docs.forEach((d, i) => {
    docIndex.set(d.id, i);
    docLength[i] = d.text.length;
  });

  const codeSet = opts.codeIds ? new Set(opts.codeIds) : null;
  const codes = (codeSet ? bundle.codes.filter((c) => codeSet.has(c.id)) : bundle.codes).map((c) => ({ id: c.id, name: c.name }));
  const codeIndex = indexOf(codes.map((c) => c.id));

  // Coders are indexed as first met (or as given); the final order is fixed after the pass.
  const names = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const fixed = opts.coderIds !== undefined;
  if (opts.coderIds && opts.coderIds.some((id) => !names.has(id))) {
    const onCodings = new Set<string>();
    for (const c of bundle.codings) onCodings.add(c.coderId);
    checkKnown('coder', opts.coderIds, new Set([...names.keys(), ...onCodings]));
  }
  const metIds: string[] = fixed ? [...new Set(opts.coderIds)] : [];
  const met = indexOf(metIds);
  const presentBy: Uint8Array[] = metIds.map(() => new Uint8Array(D));

  // One pass: keep codings of selected coders, documents and codes; note presence from any coding.
  const all = bundle.codings;
  const doc = new Int32Array(all.length);
  const code = new Int32Array(all.length);
  const coder = new Int32Array(all.length);
  const start = new Int32Array(all.length);
  const end = new Int32Array(all.length);
  let n = 0;
  let lastDocId = '';
  let lastDoc: number | undefined;
  let lastCoderId = '';
  let lastCoder: number | undefined;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    let d: number | undefined;
    if (c.documentId === lastDocId) d = lastDoc;
    else {
      d = lastDoc = docIndex.get(c.documentId);
      lastDocId = c.documentId;
    }
    if (d === undefined) continue;
    let j: number | undefined;
    if (c.coderId === lastCoderId) j = lastCoder;
    else {
      j = lastCoder = met.get(c.coderId);
      lastCoderId = c.coderId;
    }
    if (j === undefined) {
      if (fixed) continue;
      j = metIds.length;
      metIds.push(c.coderId);
      met.set(c.coderId, j);
      presentBy.push(new Uint8Array(D));
      lastCoder = j;
    }
    const len = docLength[d]!;
    const s = c.start < 0 ? 0 : c.start;
    const e = c.end > len ? len : c.end;
    if (e <= s) continue;
    presentBy[j]![d] = 1;
    const k = codeIndex.get(c.codeId);
    if (k === undefined) continue;
    doc[n] = d;
    code[n] = k;
    coder[n] = j;
    start[n] = s;
    end[n] = e;
    n++;
  }

  // Final coder order: as given, or the bundle's order followed by unnamed ids as met.
  let coderIds: string[];
  if (fixed) coderIds = metIds;
  else {
    const seen = new Set(metIds);
    coderIds = [...bundle.coders.map((c) => c.id).filter((id) => seen.has(id)), ...metIds.filter((id) => !names.has(id))];
  }
  if (coderIds.length < 2) {
    throw new AgreementError(
      `agreement needs at least two coders with codings; found ${coderIds.length}${coderIds.length ? ` (${coderIds.map((id) => names.get(id) ?? id).join(', ')})` : ''}`,
    );
  }
  const coders = coderIds.map((id) => ({ id, name: names.get(id) ?? id }));
  const M = coders.length;
  const remap = new Int32Array(metIds.length);
  coderIds.forEach((id, i) => (remap[met.get(id)!] = i));
  let identity = true;
  remap.forEach((v, i) => (identity &&= v === i));
  if (!identity) for (let i = 0; i < n; i++) coder[i] = remap[coder[i]!]!;

  const present = new Uint8Array(D * M);
  const presentCount = new Int32Array(D);
  const assigned = new Set(opts.assignedDocumentIds ?? []);
  for (let d = 0; d < D; d++) {
    const all = opts.absentCoder === 'uncoded' || assigned.has(docs[d]!.id);
    let m = 0;
    for (let i = 0; i < metIds.length; i++) {
      if (all || presentBy[i]![d]) {
        present[d * M + remap[i]!] = 1;
        m++;
      }
    }
    if (all) {
      present.fill(1, d * M, d * M + M);
      m = M;
    }
    presentCount[d] = m;
  }

  // Sort by document (a stable counting sort), then within each document by code, coder, start.
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order = countingSort(order, doc.subarray(0, n), D);
  const key = new Float64Array(n);
  const span = 2 ** 31;
  for (let i = 0; i < n; i++) key[i] = (code[i]! * M + coder[i]!) * span + start[i]!;
  let maxGroup = 0;
  for (let lo = 0; lo < n; ) {
    const d = doc[order[lo]!]!;
    let hi = lo + 1;
    while (hi < n && doc[order[hi]!] === d) hi++;
    sortByKey(order, lo, hi, key);
    for (let a = lo; a < hi; ) {
      const k = code[order[a]!]!;
      let b = a + 1;
      while (b < hi && code[order[b]!] === k) b++;
      if (b - a > maxGroup) maxGroup = b - a;
      a = b;
    }
    lo = hi;
  }

  return {
    coders,
    codes,
    docs: docs.map((d, i) => ({ id: d.id, text: d.text, kind: d.kind, length: docLength[i]! })),
    M,
    present,
    presentCount,
    doc: doc.subarray(0, n),
    code: code.subarray(0, n),
    coder: coder.subarray(0, n),
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    order,
    maxGroup,
  };
}

function sortByKey(order: Int32Array, lo: number, hi: number, key: Float64Array): void {
  if (hi - lo < 2) return;
  if (hi - lo > 32) {
    order.subarray(lo, hi).sort((x, y) => key[x]! - key[y]!);
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i]!;
    const kv = key[v]!;
    let j = i - 1;
    while (j >= lo && key[order[j]!]! > kv) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = v;
  }
}

/** Call `fn(d, k, lo, hi)` for each (document, code) run of `p.order[lo..hi)`. */
export function forEachGroup(p: Prepared, fn: (d: number, k: number, lo: number, hi: number) => void): void {
  const { order, doc, code } = p;
  const n = order.length;
  for (let lo = 0; lo < n; ) {
    const d = doc[order[lo]!]!;
    const k = code[order[lo]!]!;
    let hi = lo + 1;
    while (hi < n && doc[order[hi]!] === d && code[order[hi]!] === k) hi++;
    fn(d, k, lo, hi);
    lo = hi;
  }
}
