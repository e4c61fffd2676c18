/**
 * Mapping REFI-QDA selection positions onto a document's normalised text. The standard counts
 * code points; real exports disagree about what they count (code points or UTF-16 units) and in
 * which text (the file as stored, with CRLF counted as two, or the text with LF line ends): NVivo
 * for Windows counts UTF-16 units with CRLF as two, NVivo for Mac counts UTF-16 units of LF text.
 *
 * The convention is decided per source from evidence: every candidate reading is applied to all
 * the source's selections, and the one under which most selections fit the text and most of their
 * ends fall on word boundaries (not inside a word, a surrogate pair or a CRLF) wins. Ties go to
 * the standard's reading (or, for NVivo files, to UTF-16 units).
 */
import { codePointLength, makeOffsetConverter, normaliseText } from '../model';

export type OffsetMode = 'normalised code points' | 'normalised UTF-16 units' | 'raw code points' | 'raw UTF-16 units';

/** How well one reading fits a source's selections. */
export interface OffsetScore {
  mode: OffsetMode;
  /** Selections that fall inside the text under this reading. */
  inRange: number;
  /** Selections whose start and end both fall on word boundaries under this reading. */
  aligned: number;
  /**
   * Of those, selections that neither begin nor end with white space (a selection of whole words
   * is trimmed): the tie-break when two readings align as many, as when one of them takes a
   * selection ending a word before a space to end after it.
   */
  tight: number;
}

export interface SelectionMapper {
  /** The normalised text that offsets now point into. */
  text: string;
  mode: OffsetMode;
  /** Every distinct reading that was scored, the chosen one first; empty when all readings agree. */
  evidence: OffsetScore[];
  /** UTF-16 [start, end) in `text`, or null when the span is outside the text or empty. */
  map(start: number, end: number): [number, number] | null;
}

/** How a mode reads to a person, for the import report. */
export function describeOffsetMode(mode: OffsetMode): string {
  switch (mode) {
    case 'normalised code points':
      return 'code points (the REFI-QDA standard)';
    case 'normalised UTF-16 units':
      return 'UTF-16 units';
    case 'raw code points':
      return 'code points with CRLF counted as two';
    case 'raw UTF-16 units':
      return 'UTF-16 units with CRLF counted as two';
  }
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The code point ending just before UTF-16 position p (or '' at the start). */
function before(text: string, p: number): string {
  if (p <= 0) return '';
  const c = text.charCodeAt(p - 1);
  return isLow(c) && p >= 2 && isHigh(text.charCodeAt(p - 2)) ? text.slice(p - 2, p) : text[p - 1]!;
}

/** The code point starting at UTF-16 position p (or '' at the end). */
function after(text: string, p: number): string {
  if (p >= text.length) return '';
  return isHigh(text.charCodeAt(p)) && p + 1 < text.length && isLow(text.charCodeAt(p + 1)) ? text.slice(p, p + 2) : text[p]!;
}

/**
 * True when UTF-16 position p in `text` is a word boundary: not between two word characters
 * (letters, digits, marks) and not inside a surrogate pair.
 */
export function onWordBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  if (isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p))) return false;
  return !(WORD.test(before(text, p)) && WORD.test(after(text, p)));
}

/** White space at either end of a selection. */
const SPACE = /^\s/u;

type ToUtf16 = (o: number) => number | null;

export function selectionMapper(raw: string, positions: readonly (readonly [number, number])[], preferUtf16 = false): SelectionMapper {
  const norm = normaliseText(raw);
  const text = norm.text;
  const changed = raw !== text;
  const astral = codePointLength(raw) !== raw.length;

  const readings = new Map<OffsetMode, ToUtf16>();
  const lazy = <T>(f: () => T): (() => T) => {
    let v: T | undefined;
    return () => (v ??= f());
  };
  const normConv = lazy(() => makeOffsetConverter(text));
  const rawConv = lazy(() => makeOffsetConverter(raw));
  const normCp = lazy(() => codePointLength(text));
  const rawCp = lazy(() => codePointLength(raw));
  const ok = (o: number) => Number.isInteger(o) && o >= 0;
  const order: OffsetMode[] = preferUtf16
    ? ['raw UTF-16 units', 'normalised UTF-16 units', 'normalised code points', 'raw code points']
    : ['normalised code points', 'normalised UTF-16 units', 'raw code points', 'raw UTF-16 units'];
  // readings that coincide for this text (no CRLF or NFC change; no astral characters) are scored once
  const seen = new Set<string>();
  for (const wanted of order) {
    // the name of the simplest reading equal to this one for this text
    const mode = `${wanted.startsWith('raw') && changed ? 'raw' : 'normalised'} ${wanted.endsWith('UTF-16 units') && astral ? 'UTF-16 units' : 'code points'}` as OffsetMode;
    if (seen.has(mode)) continue;
    seen.add(mode);
    readings.set(
      mode,
      mode === 'normalised code points'
        ? (o) => (ok(o) && o <= normCp() ? normConv().toUtf16(o) : null)
        : mode === 'normalised UTF-16 units'
          ? (o) => (ok(o) && o <= text.length ? o : null)
          : mode === 'raw code points'
            ? (o) => (ok(o) && o <= rawCp() ? norm.mapOffset(rawConv().toUtf16(o)) : null)
            : (o) => (ok(o) && o <= raw.length ? norm.mapOffset(o) : null),
    );
  }
  /** Under a raw reading, an offset between CR and LF is no place a tool would put a selection's end. */
  const splitsCrlf = (m: OffsetMode, o: number): boolean => {
    if (!m.startsWith('raw')) return false;
    const u = m === 'raw code points' ? rawConv().toUtf16(o) : o;
    return u > 0 && u < raw.length && raw.charCodeAt(u - 1) === 13 && raw.charCodeAt(u) === 10;
  };

  const mapWith = (f: ToUtf16) => (start: number, end: number): [number, number] | null => {
    const s = f(Math.min(start, end));
    const e = f(Math.max(start, end));
    return s === null || e === null || e <= s ? null : [s, e];
  };

  const modes = [...readings.keys()];
  let mode = modes[0]!;
  let evidence: OffsetScore[] = [];
  if (modes.length > 1 && positions.length > 0) {
    const scores = modes.map((m): OffsetScore => {
      const map = mapWith(readings.get(m)!);
      let inRange = 0;
      let aligned = 0;
      let tight = 0;
      for (const [s, e] of positions) {
        const span = map(s, e);
        if (!span) continue;
        inRange++;
        if (onWordBoundary(text, span[0]) && onWordBoundary(text, span[1]) && !splitsCrlf(m, s) && !splitsCrlf(m, e)) {
          aligned++;
          if (!SPACE.test(after(text, span[0])) && !SPACE.test(before(text, span[1]))) tight++;
        }
      }
      return { mode: m, inRange, aligned, tight };
    });
    const better = (a: OffsetScore, b: OffsetScore) => b.inRange - a.inRange || b.aligned - a.aligned || b.tight - a.tight;
    const best = scores.reduce((a, b) => (better(a, b) > 0 ? b : a));
    mode = best.mode;
    const distinct = scores.some((s) => better(s, best) !== 0) || !sameSpans(positions, modes.map((m) => mapWith(readings.get(m)!)));
    evidence = distinct ? [best, ...scores.filter((s) => s !== best)] : [];
  }
  return { text, mode, evidence, map: mapWith(readings.get(mode)!) };
}

/** True when every reading maps every selection to the same span (the choice made no difference). */
function sameSpans(positions: readonly (readonly [number, number])[], maps: ((s: number, e: number) => [number, number] | null)[]): boolean {
  for (const [s, e] of positions) {
    const first = maps[0]!(s, e);
    for (const m of maps.slice(1)) {
      const other = m(s, e);
      if ((first === null) !== (other === null) || (first && other && (first[0] !== other[0] || first[1] !== other[1]))) return false;
    }
  }
  return true;
}
