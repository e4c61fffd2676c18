/**
 * The two sweeps behind agreement, each over one (document, code) run of prepared codings:
 * - characters: a sweep line over the sorted boundaries of each coder's merged spans, reporting
 *   maximal segments with a constant set of coders (never a per-character array);
 * - units: which coders' codings overlap which units (binary search into the sorted units).
 */
import { segmentUnits } from '../units';
import type { AgreementUnit, Prepared } from './prepare';

/** A segment [start, end) of document `d` where `k` coders applied code `code`; `inside[j]` is 1 for those coders. */
export type SegmentFn = (d: number, code: number, start: number, end: number, k: number, inside: Uint8Array) => void;

export class CharacterSweep {
  private readonly M: number;
  private readonly events: Float64Array;
  private readonly inside: Uint8Array;

  constructor(private readonly p: Prepared) {
    this.M = p.M;
    this.events = new Float64Array(Math.max(2, 2 * p.maxGroup));
    this.inside = new Uint8Array(p.M);
  }

  /** Emit every segment of `p.order[lo..hi)` (one document and code) covered by ≥ 1 coder. */
  run(d: number, kode: number, lo: number, hi: number, emit: SegmentFn): void {
    const { order, coder, start, end } = this.p;
    const M = this.M;
    const twoM = 2 * M;
    const ev = this.events;
    let ne = 0;
    // Merge each coder's overlapping or touching spans (runs are sorted by coder, then start).
    let j = -1;
    let s = 0;
    let e = -1;
    for (let i = lo; i < hi; i++) {
      const x = order[i]!;
      const cj = coder[x]!;
      const cs = start[x]!;
      const ce = end[x]!;
      if (cj === j && cs <= e) {
        if (ce > e) e = ce;
        continue;
      }
      if (j >= 0) {
        ev[ne++] = e * twoM + j; // ends sort before starts at the same position
        ev[ne++] = s * twoM + M + j;
      }
      j = cj;
      s = cs;
      e = ce;
    }
    if (j >= 0) {
      ev[ne++] = e * twoM + j;
      ev[ne++] = s * twoM + M + j;
    }
    if (ne > 24) ev.subarray(0, ne).sort();
    else {
      for (let a = 1; a < ne; a++) {
        const v = ev[a]!;
        let b = a - 1;
        while (b >= 0 && ev[b]! > v) {
          ev[b + 1] = ev[b]!;
          b--;
        }
        ev[b + 1] = v;
      }
    }
    const sorted = ev;
    const inside = this.inside;
    let k = 0;
    let prev = 0;
    for (let i = 0; i < ne; i++) {
      const v = sorted[i]!;
      const pos = Math.floor(v / twoM);
      const r = v - pos * twoM;
      if (k > 0 && pos > prev) emit(d, kode, prev, pos, k, inside);
      if (r >= M) {
        inside[r - M] = 1;
        k++;
      } else {
        inside[r] = 0;
        k--;
      }
      prev = pos;
    }
  }
}

/** Units of every selected document, concatenated: units of document d are [offset[d], offset[d+1]). */
export interface DocUnits {
  offset: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/**
 * Units per document. 'response': a document of kind response is one unit; other documents
 * (transcripts, long documents) fall back to paragraphs. Documents fewer than two coders coded
 * get no units (they cannot contribute).
 */
export function documentUnits(p: Prepared, unit: Exclude<AgreementUnit, 'character'>): DocUnits {
  const D = p.docs.length;
  const offset = new Int32Array(D + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let d = 0; d < D; d++) {
    offset[d] = starts.length;
    if (p.presentCount[d]! < 2) continue;
    const doc = p.docs[d]!;
    const kind = unit === 'response' ? (doc.kind === 'response' ? 'document' : 'paragraph') : unit;
    for (const u of segmentUnits(doc.text, kind)) {
      starts.push(u.start);
      ends.push(u.end);
    }
  }
  offset[D] = starts.length;
  return { offset, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

/** Unit `u` (global index) of document `d` to which `k` coders applied code `code`; `applied[j]` is 1 for those coders. */
export type UnitFn = (d: number, code: number, u: number, k: number, applied: Uint8Array) => void;

export class UnitSweep {
  private readonly count: Int32Array;
  private readonly applied: Uint8Array;
  private readonly touched: Int32Array;
  private readonly view: Uint8Array;

  constructor(
    private readonly p: Prepared,
    private readonly units: DocUnits,
  ) {
    const n = units.start.length;
    this.count = new Int32Array(n);
    this.applied = new Uint8Array(n * p.M);
    this.touched = new Int32Array(n);
    this.view = new Uint8Array(p.M);
  }

  /** Emit every unit of document `d` that ≥ 1 coder's coding in `p.order[lo..hi)` overlaps. */
  run(d: number, kode: number, lo: number, hi: number, emit: UnitFn): void {
    const { order, coder, start, end, M } = this.p;
    const { offset, start: us, end: ue } = this.units;
    const first = offset[d]!;
    const last = offset[d + 1]!;
    if (first === last) return;
    const { count, applied, touched, view } = this;
    let nt = 0;
    for (let i = lo; i < hi; i++) {
      const x = order[i]!;
      const s = start[x]!;
      const e = end[x]!;
      const j = coder[x]!;
      // first unit ending after s
      let a = first;
      let b = last;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (ue[mid]! > s) b = mid;
        else a = mid + 1;
      }
      for (let u = a; u < last && us[u]! < e; u++) {
        if (applied[u * M + j]) continue;
        applied[u * M + j] = 1;
        if (count[u] === 0) touched[nt++] = u;
        count[u]!++;
      }
    }
    for (let t = 0; t < nt; t++) {
      const u = touched[t]!;
      for (let j = 0; j < M; j++) view[j] = applied[u * M + j]!;
      emit(d, kode, u, count[u]!, view);
      count[u] = 0;
      applied.fill(0, u * M, u * M + M);
    }
  }
}
