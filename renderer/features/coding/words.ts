/**
 * Word boundaries in document text, for snapping selections and for the keyboard selection
 * model. Offsets are UTF-16 code units (shared/model/offsets.ts), `end` exclusive.
 */
export interface TextSpan {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}'’]/u;

function isWordCharAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Words between `from` and `to`, in order. */
export function findWords(text: string, from = 0, to = text.length): TextSpan[] {
  const words: TextSpan[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    words.push({ start, end: start + m[0].length });
  }
  return words;
}

/**
 * Trim white space from a selection and widen it to whole words; never splits a surrogate pair.
 * Returns null when nothing but white space was selected.
 */
export function snapToWords(text: string, start: number, end: number): TextSpan | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end, 0));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return null;
  if (s > 0 && isLowSurrogate(text, s)) s--;
  if (e < text.length && isLowSurrogate(text, e)) e++;
  while (s > 0 && isWordCharAt(text, s) && isWordCharAt(text, s - 1) && !isLowSurrogate(text, s - 1)) s--;
  while (e < text.length && isWordCharAt(text, e) && isWordCharAt(text, e - 1)) e++;
  return { start: s, end: e };
}
