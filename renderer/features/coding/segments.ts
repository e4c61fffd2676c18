/**
 * Splits a stretch of text into segments at every coding boundary, so that each segment is
 * covered by one fixed set of codings. Overlaps become segments with several codings.
 */
export interface Segment<T> {
  start: number;
  end: number;
  /** The spans covering the whole segment, in input order. */
  spans: T[];
}

export function segmentRange<T extends { start: number; end: number }>(
  from: number,
  to: number,
  spans: readonly T[],
): Segment<T>[] {
  if (to <= from) return [];
  const relevant = spans.filter((s) => s.end > from && s.start < to && s.end > s.start);
  const cuts = new Set<number>([from, to]);
  for (const s of relevant) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({ start, end, spans: relevant.filter((s) => s.start <= start && s.end >= end) });
  }
  return segments;
}

/**
 * Indexes spans by block: for blocks sorted by start and disjoint, returns for each block the
 * spans overlapping it, sorted by start. Each span is placed by binary search and then walks
 * only the blocks it covers, so the cost is O(spans · log blocks + placements) rather than
 * O(spans · blocks). The viewer computes this once per change of codings, not per block.
 */
export function bucketByBlock<T extends { start: number; end: number }>(
  blocks: readonly { start: number; end: number }[],
  spans: readonly T[],
): T[][] {
  const buckets: T[][] = blocks.map(() => []);
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const s of sorted) {
    if (s.end <= s.start) continue;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length && blocks[i]!.start < s.end; i++) {
      if (blocks[i]!.end > s.start) buckets[i]!.push(s);
    }
  }
  return buckets;
}

/**
 * Keeps the previous bucket arrays where their content did not change (same length, and each
 * item `same` as before), so memoised blocks re-render only where codings actually changed.
 */
export function reuseBuckets<T>(prev: readonly T[][] | null, next: T[][], same: (a: T, b: T) => boolean): T[][] {
  if (!prev || prev.length !== next.length) return next;
  return next.map((bucket, i) => {
    const old = prev[i]!;
    return old.length === bucket.length && bucket.every((x, k) => same(x, old[k]!)) ? old : bucket;
  });
}
