/**
 * Corpus search for the coding workbench: plain, whole word, stemmed (Porter, via natural) and
 * regular-expression search, keyword-in-context lines, and widening hits to their sentence,
 * paragraph, speaker turn or whole response for "code all hits". Pure.
 */
import { stem } from '../analysis/text';
import { segmentUnits, spansOverlapping } from '../analysis/units';
import type { SpeakerTurn } from '../model';
import type { Span } from './spans';

export type SearchMode = 'plain' | 'word' | 'stem' | 'regex';

export interface SearchQuery {
  text: string;
  mode: SearchMode;
  caseSensitive?: boolean;
}

export interface SearchHit extends Span {
  documentId: string;
}

/** A query the user must fix (e.g. an invalid regular expression), with a message to show. */
export class SearchError extends Error {
  override name = 'SearchError';
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compile a query once into a matcher that returns the hit spans in one text. */
export function compileSearch(q: SearchQuery): (text: string) => Span[] {
  const needle = q.text.trim();
  if (!needle) throw new SearchError('Type something to search for');
  const flags = q.caseSensitive ? 'g' : 'gi';
  if (q.mode === 'stem') return stemMatcher(needle);
  let re: RegExp;
  try {
    if (q.mode === 'regex') re = new RegExp(q.text, flags + 'u');
    else if (q.mode === 'word') re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, flags + 'u');
    else re = new RegExp(escapeRegExp(needle), flags);
  } catch (e) {
    throw new SearchError(`That is not a valid regular expression: ${(e as Error).message}`);
  }
  if (q.mode === 'plain' && q.caseSensitive) return (text) => indexOfAll(text, needle);
  return (text) => {
    const out: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}

function indexOfAll(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** Matches a sequence of words by their stems ("believing me" finds "believed me", "believe me"). */
function stemMatcher(needle: string): (text: string) => Span[] {
  const want = (needle.toLowerCase().match(WORD) ?? []).map((w) => stem(w.replace(/’/g, "'")));
  if (want.length === 0) throw new SearchError('A stemmed search needs at least one word');
  // cheap pre-filter: a text can only match if it contains the first stem's leading letters
  const prefix = want[0]!.slice(0, Math.max(1, Math.min(3, want[0]!.length)));
  return (text) => {
    if (!text.toLowerCase().includes(prefix)) return [];
    const out: Span[] = [];
    const words: { start: number; end: number; stem: string }[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      words.push({ start: m.index, end: m.index + m[0].length, stem: stem(m[0].toLowerCase().replace(/’/g, "'")) });
      const k = words.length - want.length;
      if (k >= 0 && want.every((s, j) => words[k + j]!.stem === s)) out.push({ start: words[k]!.start, end: words[words.length - 1]!.end });
    }
    return out;
  };
}

/** Search every document; `limit` caps the number of hits returned (the count is still exact). */
export function searchCorpus(
  docs: Iterable<{ id: string; text: string }>,
  q: SearchQuery,
  limit = Infinity,
): { hits: SearchHit[]; total: number; documents: number } {
  const match = compileSearch(q);
  const hits: SearchHit[] = [];
  let total = 0;
  let documents = 0;
  for (const d of docs) {
    const spans = match(d.text);
    if (spans.length === 0) continue;
    documents++;
    total += spans.length;
    for (const s of spans) if (hits.length < limit) hits.push({ documentId: d.id, start: s.start, end: s.end });
  }
  return { hits, total, documents };
}

/** Keyword in context: up to `width` characters either side, cut at word boundaries, on one line. */
export function keywordInContext(text: string, hit: Span, width = 50): { left: string; match: string; right: string } {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let l = Math.max(0, hit.start - width);
  let r = Math.min(text.length, hit.end + width);
  if (l > 0) l = text.indexOf(' ', l) + 1 || l;
  if (r < text.length) {
    const sp = text.lastIndexOf(' ', r);
    if (sp > hit.end) r = sp;
  }
  return {
    left: (l > 0 ? '…' : '') + flat(text.slice(l, hit.start)),
    match: flat(text.slice(hit.start, hit.end)),
    right: flat(text.slice(hit.end, r)) + (r < text.length ? '…' : ''),
  };
}

export type HitScope = 'hit' | 'sentence' | 'paragraph' | 'turn' | 'document';

/** Widen a hit to the unit the user chose to code. Falls back to the hit itself where no unit contains it. */
export function widenHit(text: string, hit: Span, scope: HitScope, turns: readonly SpeakerTurn[] = []): Span {
  return hitWidener(text, turns)(hit, scope);
}

/**
 * Widening for many hits of one text (widenHit for each): the text is cut into sentences or
 * paragraphs once, not again for every hit, and each hit's units are found by a binary search
 * (a long transcript's hundreds of hits were each cutting the whole text).
 */
export function hitWidener(text: string, turns: readonly SpeakerTurn[] = []): (hit: Span, scope: HitScope) => Span {
  const units = new Map<'sentence' | 'paragraph', ReturnType<typeof spansOverlapping>>();
  const widen = (hit: Span, scope: HitScope): Span => {
    if (scope === 'hit') return { start: hit.start, end: hit.end };
    if (scope === 'document') {
      const all = segmentUnits(text, 'document');
      return all[0] ?? { start: 0, end: text.length };
    }
    if (scope === 'turn') {
      const t = turns.find((x) => x.start <= hit.start && hit.end <= x.end);
      return t ? { start: t.start, end: t.end } : widen(hit, 'paragraph');
    }
    let overlapping = units.get(scope);
    if (!overlapping) units.set(scope, (overlapping = spansOverlapping(segmentUnits(text, scope))));
    // from the first unit the hit overlaps to the last
    let start = -1;
    let end = -1;
    overlapping(hit.start, hit.end, (_, span) => {
      if (start < 0) start = span.start;
      end = span.end;
    });
    if (start < 0) return { start: hit.start, end: hit.end };
    return { start: Math.min(hit.start, start), end: Math.max(hit.end, end) };
  };
  return widen;
}
