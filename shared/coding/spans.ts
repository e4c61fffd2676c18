/**
 * Span algebra over half-open intervals [start, end) of UTF-16 offsets. Pure.
 * Used for merging and splitting codes without losing or duplicating coded text,
 * for coverage statistics and for snapping selections.
 */
export interface Span {
  start: number;
  end: number;
}

/** Union of spans: sorted, non-overlapping, non-adjacent, non-empty. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Total length covered by the spans (overlaps counted once). */
export function coveredLength(spans: readonly Span[]): number {
  return unionSpans(spans).reduce((n, s) => n + s.end - s.start, 0);
}

/** Intersection of two span sets. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const x = unionSpans(a);
  const y = unionSpans(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const s = Math.max(x[i]!.start, y[j]!.start);
    const e = Math.min(x[i]!.end, y[j]!.end);
    if (e > s) out.push({ start: s, end: e });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` not covered by `b`. */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  const y = unionSpans(b);
  for (const s of unionSpans(a)) {
    let cur = s.start;
    for (const t of y) {
      if (t.end <= cur) continue;
      if (t.start >= s.end) break;
      if (t.start > cur) out.push({ start: cur, end: t.start });
      cur = Math.max(cur, t.end);
      if (cur >= s.end) break;
    }
    if (cur < s.end) out.push({ start: cur, end: s.end });
  }
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;

/**
 * Snap a selection outwards to whole words: a start inside a word moves to the word's start,
 * an end inside a word moves to its end; surrounding white space is trimmed inwards.
 * Returns null if nothing but white space was selected.
 */
export function snapToWords(text: string, span: Span): Span | null {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start--;
  while (end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!)) end++;
  return { start, end };
}
