/// <reference path="./natural.d.ts" />
/**
 * Text statistics: word and n-gram frequencies, distinctive terms (tf-idf), keyword in context.
 * Word statistics read per-document term counts (`termCounts`), which the store caches when text is
 * imported or edited, so they never re-tokenise the corpus; stemming runs once per distinct word.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { ENGLISH_STOP_WORDS } from './stopwords';
import type { Row } from './types';

/** Words: letters and digits, with inner apostrophes ("don't"). Curly apostrophes are straightened first. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

function words(text: string): RegExpMatchArray | [] {
  let lower = text.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return lower.match(WORD) ?? [];
}

/** Lower-cased word tokens of a text, in order. */
export function tokenise(text: string): string[] {
  return words(text) as string[];
}

/** Count of each lower-cased word in a text: the per-document cache the store keeps. */
export function termCounts(text: string): Map<string, number> {
  if (!NON_ASCII.test(text)) return asciiTermCounts(text.toLowerCase());
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** a-z or 0-9: in ASCII text exactly what WORD's \p{L}\p{N} match once lower-cased. */
function isAsciiWordChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57);
}

/**
 * termCounts for lower-cased ASCII text (most feedback): one scan by character code with the same
 * rule as WORD (runs of letters/digits joined by single inner apostrophes), so no Unicode regex
 * and no intermediate array of matches; words are counted in the order WORD would find them.
 */
function asciiTermCounts(lower: string): Map<string, number> {
  const counts = new Map<string, number>();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    i++;
    for (;;) {
      while (i < n && isAsciiWordChar(lower.charCodeAt(i))) i++;
      // An apostrophe continues the word only when a letter or digit follows it.
      if (i + 1 < n && lower.charCodeAt(i) === 39 && isAsciiWordChar(lower.charCodeAt(i + 1))) i += 2;
      else break;
    }
    const w = lower.slice(from, i);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

const stemCache = new Map<string, string>();
/** Porter stem of a lower-case word, memoised per distinct word. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size > 500_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

export interface WordOptions {
  /** Leave out common English words (default true). */
  stopWords?: boolean;
  /** Combine words with the same Porter stem (default false); the label is the commonest form. */
  stem?: boolean;
  /** Shortest word kept (default 2). */
  minLength?: number;
  /** Keep tokens made only of digits (default false). */
  numbers?: boolean;
  /** Extra words to leave out. */
  extraStopWords?: Iterable<string>;
}

/** Maps a raw word to the term it counts as, or null when left out; memoised per distinct word. */
export function termKey(options: WordOptions = {}): (word: string) => string | null {
  const stop = options.stopWords ?? true;
  const extra = new Set([...(options.extraStopWords ?? [])].map((w) => w.toLowerCase()));
  const min = options.minLength ?? 2;
  const memo = new Map<string, string | null>();
  return (w) => {
    let k = memo.get(w);
    if (k !== undefined) return k;
    if (w.length < min || (stop && ENGLISH_STOP_WORDS.has(w)) || extra.has(w) || (!options.numbers && /^\d+$/.test(w))) k = null;
    else k = options.stem ? stem(w) : w;
    memo.set(w, k);
    return k;
  };
}

interface Term {
  count: number;
  documents: number;
  forms: Map<string, number>;
}

/** Merge cached counts into terms (stop words removed, optionally stemmed), with document frequency. */
export function aggregateTerms(docs: Iterable<ReadonlyMap<string, number>>, options: WordOptions = {}): { terms: Map<string, Term>; documents: number } {
  const key = termKey(options);
  const terms = new Map<string, Term>();
  let documents = 0;
  let seen = new Set<string>();
  for (const counts of docs) {
    documents++;
    seen = new Set<string>();
    for (const [w, n] of counts) {
      const k = key(w);
      if (k === null) continue;
      let t = terms.get(k);
      if (!t) {
        t = { count: 0, documents: 0, forms: new Map() };
        terms.set(k, t);
      }
      t.count += n;
      if (!seen.has(k)) {
        seen.add(k);
        t.documents++;
      }
      if (options.stem) t.forms.set(w, (t.forms.get(w) ?? 0) + n);
    }
  }
  return { terms, documents };
}

function label(key: string, t: Term): string {
  if (t.forms.size === 0) return key;
  let best = key;
  let bestN = -1;
  for (const [w, n] of t.forms) if (n > bestN || (n === bestN && w < best)) [best, bestN] = [w, n];
  return best;
}

const byCountThenTerm = (a: Row, b: Row) =>
  (b.count as number) - (a.count as number) || ((a.term as string) < (b.term as string) ? -1 : (a.term as string) > (b.term as string) ? 1 : 0);

/** The most frequent terms: rows of term, count, documents and % of documents. */
export function wordFrequencies(docs: Iterable<ReadonlyMap<string, number>>, options: WordOptions & { limit?: number } = {}): Row[] {
  const { terms, documents } = aggregateTerms(docs, options);
  const rows: Row[] = [];
  for (const [k, t] of terms)
    rows.push({ term: label(k, t), stem: options.stem ? k : null, count: t.count, documents: t.documents, documentsPct: documents ? Math.round((1000 * t.documents) / documents) / 10 : null });
  rows.sort(byCountThenTerm);
  return rows.slice(0, options.limit ?? 100);
}

/**
 * n-gram (1–3 words) frequencies of texts, not crossing sentence punctuation. With stop words on,
 * a phrase may contain them but not begin or end with one ("kept me informed").
 */
export function ngramFrequencies(texts: Iterable<string>, n: 1 | 2 | 3, options: WordOptions & { limit?: number } = {}): Row[] {
  if (n !== 1 && n !== 2 && n !== 3) throw new RangeError(`n-grams must be 1, 2 or 3 words long, got ${String(n)}`);
  const key = termKey({ ...options, stem: false });
  const counts = new Map<string, { count: number; documents: number; last: number }>();
  let doc = 0;
  for (const text of texts) {
    doc++;
    for (const chunk of text.split(/[.!?;:\n]+/)) {
      const words = tokenise(chunk);
      for (let i = 0; i + n <= words.length; i++) {
        const gram = words.slice(i, i + n);
        if (key(gram[0]!) === null || key(gram[n - 1]!) === null) continue;
        const g = (options.stem ? gram.map(stem) : gram).join(' ');
        const c = counts.get(g) ?? { count: 0, documents: 0, last: 0 };
        c.count++;
        if (c.last !== doc) {
          c.last = doc;
          c.documents++;
        }
        counts.set(g, c);
      }
    }
  }
  const rows: Row[] = [...counts].map(([term, c]) => ({ term, count: c.count, documents: c.documents, documentsPct: doc ? Math.round((1000 * c.documents) / doc) / 10 : null }));
  rows.sort(byCountThenTerm);
  return rows.slice(0, options.limit ?? 100);
}

/**
 * Terms distinctive of each group (a code's segments, or a subgroup's documents) by tf-idf:
 * tf = the term's share of the group's words, idf = ln(groups ÷ groups using the term). A term
 * every group uses scores 0. Terms seen fewer than `minCount` times in a group are skipped.
 */
export function distinctiveTerms(
  groups: Array<{ group: string; counts: Iterable<ReadonlyMap<string, number>> }>,
  options: WordOptions & { limit?: number; minCount?: number } = {},
): Row[] {
  const merged = groups.map((g) => ({ group: g.group, ...aggregateTerms(g.counts, options) }));
  const df = new Map<string, number>();
  for (const g of merged) for (const k of g.terms.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const G = merged.length;
  const rows: Row[] = [];
  for (const g of merged) {
    let total = 0;
    for (const t of g.terms.values()) total += t.count;
    const scored: Row[] = [];
    for (const [k, t] of g.terms) {
      if (t.count < (options.minCount ?? 2)) continue;
      const score = (t.count / total) * Math.log(G / df.get(k)!);
      if (score > 0) scored.push({ group: g.group, term: label(k, t), count: t.count, tfidf: Math.round(score * 1e5) / 1e5 });
    }
    scored.sort((a, b) => (b.tfidf as number) - (a.tfidf as number) || byCountThenTerm(a, b));
    rows.push(...scored.slice(0, options.limit ?? 10));
  }
  return rows;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word, case-insensitive occurrence of a word or phrase, with `width` characters either side. */
export function keywordInContext(
  docs: Iterable<{ id: string; title: string; text: string }>,
  keyword: string,
  options: { width?: number; limit?: number } = {},
): Row[] {
  const k = keyword.trim();
  if (!k) throw new Error('keyword in context needs a word or phrase to look for');
  const width = options.width ?? 40;
  const limit = options.limit ?? 500;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(k).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const rows: Row[] = [];
  for (const d of docs) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(d.text); m !== null; m = pattern.exec(d.text)) {
      const s = m.index;
      const e = s + m[0].length;
      rows.push({
        documentId: d.id,
        document: d.title,
        start: s,
        left: d.text.slice(Math.max(0, s - width), s).replace(/\s+/g, ' '),
        keyword: m[0],
        right: d.text.slice(e, e + width).replace(/\s+/g, ' '),
      });
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}
