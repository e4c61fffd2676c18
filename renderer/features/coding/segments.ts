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
