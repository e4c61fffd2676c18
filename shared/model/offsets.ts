/**
 * Text offsets. Inside Chorus every offset counts UTF-16 code units into the document's
 * normalised text (what JavaScript's String indexes and DOM Ranges use). Other conventions
 * are converted only at the boundary:
 * - REFI-QDA counts Unicode code points from 0 (`utf16ToCodePoint` / `codePointToUtf16`);
 * - some NVivo exports count UTF-16 units of the text with CRLF line ends (see `normaliseText`).
 */

/** Code-point offset of a UTF-16 offset. An offset inside a surrogate pair counts as the pair's start. */
export function utf16ToCodePoint(text: string, offset: number): number {
  if (offset < 0 || offset > text.length) throw new RangeError(`offset ${offset} outside 0..${text.length}`);
  let cp = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (i + 1 === offset) break; // offset splits a pair: count the pair's start
        i++;
      }
    }
    cp++;
  }
  return cp;
}

/** UTF-16 offset of a code-point offset. */
export function codePointToUtf16(text: string, cp: number): number {
  if (cp < 0) throw new RangeError(`code point offset ${cp} is negative`);
  let i = 0;
  let n = 0;
  while (n < cp) {
    if (i >= text.length) throw new RangeError(`code point offset ${cp} beyond the text's ${n} code points`);
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    n++;
  }
  return i;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

/**
 * A batch converter for many offsets into one text: builds a prefix table once, then each
 * conversion is O(log n). Use it when converting thousands of selections.
 */
export function makeOffsetConverter(text: string): { toCodePoint(o: number): number; toUtf16(cp: number): number } {
  // astral[i] = UTF-16 index of the i-th surrogate pair's high surrogate
  const astral: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      astral.push(i);
      i++;
    }
  }
  if (astral.length === 0) return { toCodePoint: (o) => check(o, text.length), toUtf16: (cp) => check(cp, text.length) };
  const cpLength = text.length - astral.length;
  return {
    toCodePoint(o) {
      check(o, text.length);
      // pairs wholly before o, plus a pair split by o counts as its start
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid]! + 1 < o) lo = mid + 1;
        else hi = mid;
      }
      const split = lo < astral.length && astral[lo]! + 1 === o ? 1 : 0;
      return o - lo - split;
    },
    toUtf16(cp) {
      check(cp, cpLength);
      // the number of pairs whose code-point index is below cp
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid]! - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
  };
}

function check(o: number, max: number): number {
  if (!Number.isInteger(o) || o < 0 || o > max) throw new RangeError(`offset ${o} outside 0..${max}`);
  return o;
}

/** Result of normalising text: the new text and a map from original UTF-16 offsets to new ones. */
export interface NormalisedText {
  text: string;
  /** Maps an offset in the original text to the offset of the same place in `text`. */
  mapOffset(original: number): number;
}

/**
 * Normalise text for storage: Unicode NFC and line ends CRLF / CR → LF. Offsets given against
 * the original (e.g. an NVivo export counting CRLF as two units) are remapped with `mapOffset`.
 * NFC is applied per line-free segment; where NFC changes a segment's length, offsets inside it
 * map to its start or end proportionally bounded, and offsets at its edges map exactly.
 */
export function normaliseText(original: string): NormalisedText {
  // anchors: pairs (originalOffset, newOffset) at every boundary where lengths may diverge
  const origAnchors: number[] = [0];
  const newAnchors: number[] = [0];
  let out = '';
  let i = 0;
  const n = original.length;
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = original.charCodeAt(j);
      if (c === 13 || c === 10) break;
      j++;
    }
    if (j > i) {
      const seg = original.slice(i, j);
      const norm = seg.normalize('NFC');
      if (norm.length === seg.length) out += seg === norm ? seg : norm;
      else out += norm;
      origAnchors.push(j);
      newAnchors.push(out.length);
    }
    if (j < n) {
      const c = original.charCodeAt(j);
      const isCrlf = c === 13 && j + 1 < n && original.charCodeAt(j + 1) === 10;
      out += '\n';
      j += isCrlf ? 2 : 1;
      origAnchors.push(j);
      newAnchors.push(out.length);
    }
    i = j;
  }
  const identity = out === original;
  return {
    text: out,
    mapOffset(o: number): number {
      check(o, n);
      if (identity) return o;
      // find the last anchor <= o
      let lo = 0;
      let hi = origAnchors.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (origAnchors[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      const oa = origAnchors[lo]!;
      const na = newAnchors[lo]!;
      const nextO = lo + 1 < origAnchors.length ? origAnchors[lo + 1]! : n;
      const nextN = lo + 1 < newAnchors.length ? newAnchors[lo + 1]! : out.length;
      // inside a CRLF pair (between CR and LF) → the position after the LF
      if (nextO - oa === 2 && nextN - na === 1 && o > oa) return nextN;
      return Math.min(na + (o - oa), nextN);
    },
  };
}
