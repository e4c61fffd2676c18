/**
 * Turning a ProjectBundle's codings into compact typed arrays grouped by (document, code), for the
 * character- and unit-level agreement sweeps. One pass over the codings, a counting sort by
 * document and a small sort within each document: near-linear time, no per-character arrays.
 */
import type { DocumentWithText, ProjectBundle } from '../../model';

export type AgreementUnit = 'character' | 'response' | 'sentence' | 'paragraph' | 'document';
export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['character', 'response', 'sentence', 'paragraph', 'document'];

/** What a coder's silence in a whole document means: see AgreementOptions.absentCoder. */
export type AbsentCoder = 'uncoded' | 'missing';
export const ABSENT_CODER: readonly AbsentCoder[] = ['uncoded', 'missing'];

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
   * Documents each coder was asked to code (coder id → document ids), from the project's coder
   * assignments: in these a coder's silence means "code absent".
   */
  assignedTo?: Readonly<Record<string, readonly string[]>>;
  /**
   * How to treat a coder with no codings at all in a document that is not assigned to them:
   * 'uncoded' (default, as NVivo's coding comparison does) counts every character/unit there as
   * not coded by them; 'missing' leaves their values missing there (the document drops out of
   * any comparison with them).
   */
  absentCoder?: AbsentCoder;
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
  docs: readonly DocumentWithText[];
  /** Text length per document (UTF-16 code units). */
  docLength: Int32Array;
  /** Number of coders. */
  M: number;
  /** present[d * M + j] = 1 if coder j counts as having coded document d. */
  present: Uint8Array;
  /** Number of coders present per document. */
  presentCount: Int32Array;
  /** Per coder: documents in scope where they have no codings at all (of any code). */
  untouched: Int32Array;
  /** Kept codings (clipped to the document), as parallel arrays sorted by document, code, coder, start. */
  coder: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** (Document, code) groups: group g is codings [groupLo[g], groupLo[g + 1]) of document groupDoc[g] and code groupCode[g]. */
  groupLo: Int32Array;
  groupDoc: Int32Array;
  groupCode: Int32Array;
  /** Longest run of codings sharing a document and code (sizes scratch buffers). */
  maxGroup: number;
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
}

/** Throws if any `wanted` id is not among `ids` (the set of known ids is built only when asked). */
function checkKnown(kind: string, wanted: readonly string[] | undefined, ids: () => Iterable<string>): void {
  if (!wanted) return;
  const known = new Set(ids());
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new AgreementError(`unknown ${kind} id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
}

export function prepare(bundle: ProjectBundle, opts: AgreementOptions): Prepared {
  if (!AGREEMENT_UNITS.includes(opts.unit)) throw new AgreementError(`unknown unit "${String(opts.unit)}": expected ${AGREEMENT_UNITS.join(', ')}`);
  checkKnown('document', opts.documentIds, () => bundle.documents.map((d) => d.id));
  checkKnown('code', opts.codeIds, () => bundle.codes.map((c) => c.id));

  const docSet = opts.documentIds ? new Set(opts.documentIds) : null;
  const docs: DocumentWithText[] = docSet ? bundle.documents.filter((d) => docSet.has(d.id)) : bundle.documents;
  const D = docs.length;
  // A null-prototype dictionary rather than a Map: its keys are interned once, so lookups compare
  // pointers instead of touching every colliding id string (measurably faster at 100,000 documents).
  const docIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  const docLength = new Int32Array(D);
  for (let i = 0; i < D; i++) {
    const d = docs[i]!;
    docIndex[d.id] = i;
    docLength[i] = d.text.length;
  }

  const codeSet = opts.codeIds ? new Set(opts.codeIds) : null;
  const codes = (codeSet ? bundle.codes.filter((c) => codeSet.has(c.id)) : bundle.codes).map((c) => ({ id: c.id, name: c.name }));
  const codeIndex: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let i = 0; i < codes.length; i++) codeIndex[codes[i]!.id] = i;

  // Coders are indexed as first met (or as given); the final order is fixed after the pass.
  const names = new Map(bundle.coders.map((c) => [c.id, c.name]));
  const fixed = opts.coderIds !== undefined;
  if (opts.coderIds && opts.coderIds.some((id) => !names.has(id))) {
    const onCodings = new Set<string>();
    for (const c of bundle.codings) onCodings.add(c.coderId);
    checkKnown('coder', opts.coderIds, () => [...names.keys(), ...onCodings]);
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
  let lastCoder = -1;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    let d: number | undefined;
    if (c.documentId === lastDocId) d = lastDoc;
    else {
      d = lastDoc = docIndex[c.documentId];
      lastDocId = c.documentId;
    }
    if (d === undefined) continue;
    const coderId = c.coderId;
    let j = lastCoder;
    if (coderId !== lastCoderId) {
      // Few coders: a scan (pointer comparisons) beats hashing the id.
      const nm = metIds.length;
      j = -1;
      if (nm <= 8) {
        for (let t = 0; t < nm; t++) {
          if (metIds[t] === coderId) {
            j = t;
            break;
          }
        }
      } else j = met.get(coderId) ?? -1;
      lastCoder = j;
      lastCoderId = coderId;
    }
    if (j < 0) {
      if (fixed) continue;
      j = metIds.length;
      metIds.push(coderId);
      met.set(coderId, j);
      presentBy.push(new Uint8Array(D));
      lastCoder = j;
    }
    const len = docLength[d]!;
    const s = c.start < 0 ? 0 : c.start;
    const e = c.end > len ? len : c.end;
    if (e <= s) continue;
    presentBy[j]![d] = 1;
    const k = codeIndex[c.codeId];
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
  const untouched = new Int32Array(M);
  const everyone = new Set(opts.assignedDocumentIds ?? []);
  const uncoded = (opts.absentCoder ?? 'uncoded') === 'uncoded';
  const assignedTo = coderIds.map((id) => new Set(opts.assignedTo?.[id] ?? []));
  for (let d = 0; d < D; d++) {
    const id = docs[d]!.id;
    const all = uncoded || everyone.has(id);
    let m = 0;
    for (let i = 0; i < metIds.length; i++) {
      const j = remap[i]!;
      const coded = presentBy[i]![d] === 1;
      if (!coded) untouched[j]!++;
      if (all || coded || assignedTo[j]!.has(id)) {
        present[d * M + j] = 1;
        m++;
      }
    }
    presentCount[d] = m;
  }

  // Sort by document (a stable counting sort scattering straight into the output arrays), then
  // within each document by code, coder and start. `sKey` holds code * M + coder.
  const docStart = new Int32Array(D + 1);
  for (let i = 0; i < n; i++) docStart[doc[i]! + 1]!++;
  for (let d = 0; d < D; d++) docStart[d + 1]! += docStart[d]!;
  const next = docStart.slice(0, D);
  const sKey = new Int32Array(n);
  const sStart = new Int32Array(n);
  const sEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = next[doc[i]!]!++;
    sKey[t] = code[i]! * M + coder[i]!;
    sStart[t] = start[i]!;
    sEnd[t] = end[i]!;
  }
  let G = 0;
  for (let d = 0; d < D; d++) {
    const lo = docStart[d]!;
    const hi = docStart[d + 1]!;
    if (hi - lo > 1) sortRange(sKey, sStart, sEnd, lo, hi);
    for (let i = lo; i < hi; i++) if (i === lo || Math.floor(sKey[i]! / M) !== Math.floor(sKey[i - 1]! / M)) G++;
  }

  // Note each (document, code) group, and turn sKey into the coder.
  const groupLo = new Int32Array(G + 1);
  const groupDoc = new Int32Array(G);
  const groupCode = new Int32Array(G);
  let maxGroup = 0;
  let g = 0;
  for (let d = 0; d < D; d++) {
    const hi = docStart[d + 1]!;
    let prevCode = -1;
    for (let i = docStart[d]!; i < hi; i++) {
      const k = Math.floor(sKey[i]! / M);
      sKey[i] = sKey[i]! - k * M;
      if (k === prevCode) continue;
      if (g > 0 && i - groupLo[g - 1]! > maxGroup) maxGroup = i - groupLo[g - 1]!;
      groupLo[g] = i;
      groupDoc[g] = d;
      groupCode[g] = k;
      prevCode = k;
      g++;
    }
  }
  groupLo[G] = n;
  if (G > 0 && n - groupLo[G - 1]! > maxGroup) maxGroup = n - groupLo[G - 1]!;
  const sCoder = sKey;

  return { coders, codes, docs, docLength, M, present, presentCount, untouched, coder: sCoder, start: sStart, end: sEnd, groupLo, groupDoc, groupCode, maxGroup };
}

/** Sort codings [lo, hi) of the parallel arrays by key, then start (stable). */
function sortRange(key: Int32Array, start: Int32Array, end: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 32) {
    const span = 2 ** 31;
    const len = hi - lo;
    const k = new Float64Array(len);
    for (let i = 0; i < len; i++) k[i] = key[lo + i]! * span + start[lo + i]!;
    const perm = new Int32Array(len);
    for (let i = 0; i < len; i++) perm[i] = i;
    perm.sort((x, y) => k[x]! - k[y]! || x - y);
    const e = end.slice(lo, hi);
    for (let i = 0; i < len; i++) {
      const x = perm[i]!;
      const v = k[x]!;
      const kk = Math.floor(v / span);
      key[lo + i] = kk;
      start[lo + i] = v - kk * span;
      end[lo + i] = e[x]!;
    }
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const kv = key[i]!;
    const sv = start[i]!;
    const ev = end[i]!;
    let j = i - 1;
    while (j >= lo && (key[j]! > kv || (key[j] === kv && start[j]! > sv))) {
      key[j + 1] = key[j]!;
      start[j + 1] = start[j]!;
      end[j + 1] = end[j]!;
      j--;
    }
    key[j + 1] = kv;
    start[j + 1] = sv;
    end[j + 1] = ev;
  }
}
