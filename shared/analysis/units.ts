/**
 * Splitting a document's text into analysis units (sentence, paragraph, whole document), shared by
 * agreement, co-occurrence and any analysis that counts "units". Offsets are UTF-16 code units
 * into the normalised text (line ends are "\n"), `end` exclusive; every unit is trimmed of
 * surrounding white space, and empty or white-space-only units are left out. Units are sorted
 * and never overlap.
 */

export type TextUnitKind = 'sentence' | 'paragraph' | 'document';

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Abbreviations after which a full stop does not end a sentence (lower-cased, without the stop).
 * Includes police ranks and roles that victim/survivors mention often.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'rev', 'hon',
  'pc', 'dc', 'ds', 'di', 'dci', 'dsi', 'sgt', 'insp', 'ch', 'supt', 'pcso', 'det', 'const', 'cst',
  'e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'cf', 'approx', 'tel', 'ref', 'dept', 'govt', 'mt', 'ave', 'rd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'a.m', 'p.m',
]);

/** Terminal punctuation, any closing quotes/brackets after it, then the white space that follows. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;

function trimmed(text: string, start: number, end: number, out: TextSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

function paragraphs(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    trimmed(text, start, i, out);
    start = i + 1;
  }
  trimmed(text, start, text.length, out);
  return out;
}

/** Does a full stop at `dot` belong to an abbreviation or an initial rather than end a sentence? */
function isAbbreviation(text: string, from: number, dot: number, next: string): boolean {
  let i = dot;
  while (i > from && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // "No. 5" and "Nos. 3–4", but "No. Never." ends a sentence
  if ((word === 'no' || word === 'nos') && /\d/.test(next)) return true;
  // a single letter ("J. Smith") or dotted initials ("U.K.")
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

function sentences(text: string, para: TextSpan, out: TextSpan[]): void {
  let start = para.start;
  const slice = text.slice(para.start, para.end);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m !== null; m = SENTENCE_END.exec(slice)) {
    const end = para.start + m.index + m[0].length;
    // the next non-space character: a lower-case letter continues the sentence
    let j = end;
    while (j < para.end && /\s/.test(text[j]!)) j++;
    if (j >= para.end) break;
    if (/\p{Ll}/u.test(text[j]!)) continue;
    if (m[0].startsWith('.') && m[0].replace(/["'”’)\]]+$/, '') === '.' && isAbbreviation(text, start, para.start + m.index, text[j]!)) continue;
    trimmed(text, start, end, out);
    start = end;
  }
  trimmed(text, start, para.end, out);
}

/** Split `text` into units of the given kind. */
export function segmentUnits(text: string, unit: TextUnitKind): TextSpan[] {
  if (unit === 'document') {
    const out: TextSpan[] = [];
    trimmed(text, 0, text.length, out);
    return out;
  }
  const paras = paragraphs(text);
  if (unit === 'paragraph') return paras;
  if (unit !== 'sentence') throw new Error(`unknown unit "${String(unit)}": expected sentence, paragraph or document`);
  const out: TextSpan[] = [];
  for (const p of paras) sentences(text, p, out);
  return out;
}

/** First span whose end is after `pos` (spans sorted, non-overlapping). */
function firstEndingAfter(spans: readonly TextSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A way to find, for any range [start, end), the spans it overlaps (`visit(u)` for each, in
 * order, with the span). Spans in order and apart (sentences, paragraphs, most speaker turns) are searched from
 * the first ending after `start`; spans that overlap one another (turns some files give) are each
 * tested. The one placing of codings and hits in units: co-occurrence, the segments behind its
 * cells and hit widening agree.
 */
export function spansOverlapping(spans: readonly TextSpan[]): (start: number, end: number, visit: (u: number, span: TextSpan) => void) => void {
  const apart = spans.every((s, u) => u === 0 || spans[u - 1]!.end <= s.start);
  return (start, end, visit) => {
    for (let u = apart ? firstEndingAfter(spans, start) : 0; u < spans.length && (!apart || spans[u]!.start < end); u++) {
      if (start < spans[u]!.end && end > spans[u]!.start) visit(u, spans[u]!);
    }
  };
}
