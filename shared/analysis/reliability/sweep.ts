/**
 * The two sweeps behind agreement, each over one (document, code) group of prepared codings:
 * - characters: a sweep line over the sorted boundaries of each coder's merged spans, finding
 *   maximal segments with a constant set of coders (never a per-character array);
 * - units: which coders' codings overlap which units (binary search into the sorted units).
 * Each `run` writes its segments/units into the sweep's reusable buffers and returns how many
 * there are (no callbacks or allocations per segment): segment i is [segStart[i], segEnd[i]),
 * `segK[i]` coders applied the code there, and `segInside[i * M + j]` is 1 for those coders.
 */
import { segmentUnits } from '../units';
import type { AgreementUnit, Prepared } from './prepare';

abstract class SegmentBuffer {
  segStart: Int32Array;
  segEnd: Int32Array;
  segK: Int32Array;
  segInside: Uint8Array;

  constructor(
    protected readonly M: number,
    capacity: number,
  ) {
    this.segStart = new Int32Array(capacity);
    this.segEnd = new Int32Array(capacity);
    this.segK = new Int32Array(capacity);
    this.segInside = new Uint8Array(capacity * M);
  }

  protected ensure(capacity: number): void {
    if (capacity <= this.segStart.length) return;
    this.segStart = new Int32Array(capacity);
    this.segEnd = new Int32Array(capacity);
    this.segK = new Int32Array(capacity);
    this.segInside = new Uint8Array(capacity * this.M);
  }
}

export class CharacterSweep extends SegmentBuffer {
  private readonly events: Float64Array;
  private readonly inside: Uint8Array;

  constructor(private readonly p: Prepared) {
    // n spans give at most 2n boundaries, so at most 2n - 1 segments
    super(p.M, Math.max(2, 2 * p.maxGroup));
    this.events = new Float64Array(Math.max(2, 2 * p.maxGroup));
    this.inside = new Uint8Array(p.M);
  }

  /** Segments of group `g` (one document and code) covered by ≥ 1 coder; returns their number. */
  run(g: number): number {
    const { coder, start, end, groupLo } = this.p;
    const lo = groupLo[g]!;
    const hi = groupLo[g + 1]!;
    const M = this.M;
    if (hi - lo === 1) {
      // one coding: one segment, one coder
      this.segStart[0] = start[lo]!;
      this.segEnd[0] = end[lo]!;
      this.segK[0] = 1;
      this.segInside.fill(0, 0, M);
      this.segInside[coder[lo]!] = 1;
      return 1;
    }
    const twoM = 2 * M;
    const ev = this.events;
    let ne = 0;
    // Merge each coder's overlapping or touching spans (groups are sorted by coder, then start).
    let j = -1;
    let s = 0;
    let e = -1;
    for (let i = lo; i < hi; i++) {
      const cj = coder[i]!;
      const cs = start[i]!;
      const ce = end[i]!;
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
    const inside = this.inside;
    const { segStart, segEnd, segK, segInside } = this;
    let ns = 0;
    let k = 0;
    let prev = 0;
    for (let i = 0; i < ne; i++) {
      const v = ev[i]!;
      const pos = Math.floor(v / twoM);
      const r = v - pos * twoM;
      if (k > 0 && pos > prev) {
        segStart[ns] = prev;
        segEnd[ns] = pos;
        segK[ns] = k;
        for (let c = 0, o = ns * M; c < M; c++) segInside[o + c] = inside[c]!;
        ns++;
      }
      if (r >= M) {
        inside[r - M] = 1;
        k++;
      } else {
        inside[r] = 0;
        k--;
      }
      prev = pos;
    }
    return ns;
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
  let start = new Int32Array(Math.max(16, D));
  let end = new Int32Array(start.length);
  let n = 0;
  for (let d = 0; d < D; d++) {
    offset[d] = n;
    if (p.presentCount[d]! < 2) continue;
    const doc = p.docs[d]!;
    const kind = unit === 'response' ? (doc.kind === 'response' ? 'document' : 'paragraph') : unit;
    const spans = segmentUnits(doc.text, kind);
    if (n + spans.length > start.length) {
      const size = Math.max(2 * start.length, n + spans.length);
      const s2 = new Int32Array(size);
      const e2 = new Int32Array(size);
      s2.set(start);
      e2.set(end);
      start = s2;
      end = e2;
    }
    for (let i = 0; i < spans.length; i++) {
      start[n] = spans[i]!.start;
      end[n] = spans[i]!.end;
      n++;
    }
  }
  offset[D] = n;
  return { offset, start: start.slice(0, n), end: end.slice(0, n) };
}

export class UnitSweep extends SegmentBuffer {
  /** Global index of each unit found by the last run (its span is also in segStart/segEnd). */
  segUnit: Int32Array;
  private readonly count: Int32Array;
  private readonly applied: Uint8Array;

  constructor(
    private readonly p: Prepared,
    private readonly units: DocUnits,
  ) {
    super(p.M, 16);
    const n = units.start.length;
    this.segUnit = new Int32Array(16);
    this.count = new Int32Array(n);
    this.applied = new Uint8Array(n * p.M);
  }

  /** Units of the group's document that ≥ 1 coder's coding in group `g` overlaps; returns their number. */
  run(g: number): number {
    const { coder, start, end, groupLo, groupDoc, M } = this.p;
    const { offset, start: us, end: ue } = this.units;
    const d = groupDoc[g]!;
    const first = offset[d]!;
    const last = offset[d + 1]!;
    if (first === last) return 0;
    const { count, applied } = this;
    const lo = groupLo[g]!;
    const hi = groupLo[g + 1]!;
    let nt = 0;
    for (let i = lo; i < hi; i++) {
      const s = start[i]!;
      const e = end[i]!;
      const j = coder[i]!;
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
        if (count[u] === 0) {
          if (nt === this.segUnit.length) this.grow();
          this.segUnit[nt++] = u;
        }
        count[u]!++;
      }
    }
    const { segUnit, segStart, segEnd, segK, segInside } = this;
    for (let t = 0; t < nt; t++) {
      const u = segUnit[t]!;
      segStart[t] = us[u]!;
      segEnd[t] = ue[u]!;
      segK[t] = count[u]!;
      for (let j = 0; j < M; j++) {
        segInside[t * M + j] = applied[u * M + j]!;
        applied[u * M + j] = 0;
      }
      count[u] = 0;
    }
    return nt;
  }

  private grow(): void {
    const size = 2 * this.segUnit.length;
    const su = new Int32Array(size);
    su.set(this.segUnit);
    this.segUnit = su;
    this.ensure(size);
  }
}
