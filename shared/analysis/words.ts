/** Word statistics as analysis tables, reading cached per-document term counts. */
import { ANALYSIS_NOTES } from './notes';
import { codingText, type AnalysisIndex } from './prepare';
import { buildScope, personValues, resolveAttribute, type AnalysisFilter } from './scope';
import { distinctiveTerms, ngramFrequencies, termCounts, wordFrequencies, type WordOptions } from './text';
import type { AnalysisTable } from './types';

export interface WordsOptions extends AnalysisFilter, WordOptions {
  /** The store's cached counts for a document; default tokenises its text. */
  termCountsOf?: (documentId: string, text: string) => ReadonlyMap<string, number>;
  /** Phrase length (default 1). Phrases of 2–3 words are counted from the text, not the cache. */
  n?: 1 | 2 | 3;
  limit?: number;
}

function* inScope<T>(index: AnalysisIndex, docIn: Uint8Array, f: (d: number) => T): Generator<T> {
  for (let d = 0; d < index.documents.length; d++) if (docIn[d]) yield f(d);
}

export function wordTable(index: AnalysisIndex, options: WordsOptions = {}): AnalysisTable {
  const scope = buildScope(index, options);
  const n = options.n ?? 1;
  const countsOf = options.termCountsOf ?? ((_: string, text: string) => termCounts(text));
  const rows =
    n === 1
      ? wordFrequencies(inScope(index, scope.docIn, (d) => countsOf(index.documents.id(d), index.documents.text(d))), options)
      : ngramFrequencies(inScope(index, scope.docIn, (d) => index.documents.text(d)), n, options);
  return {
    kind: 'words',
    title: n === 1 ? ANALYSIS_NOTES.words.title : `${ANALYSIS_NOTES.words.title}: ${n}-word phrases`,
    columns: [
      { key: 'term', label: n === 1 ? 'Word' : 'Phrase', type: 'text' },
      { key: 'count', label: 'Occurrences', type: 'count' },
      { key: 'documents', label: 'Documents', type: 'count' },
      { key: 'documentsPct', label: '% of documents', type: 'percent', basis: 'documents' },
    ],
    rows,
    notes: ANALYSIS_NOTES.words,
    warnings: [],
    stats: { documentsInScope: scope.documents, stemmed: !!options.stem, stopWordsRemoved: options.stopWords ?? true },
  };
}

export interface DistinctiveOptions extends WordsOptions {
  /** "code": each code's coded segments (with its subcategories'); otherwise an attribute name. */
  by: 'code' | string;
  minCount?: number;
}

/** Terms distinctive of each code (from its segments) or each subgroup (from its documents), by tf-idf. */
export function distinctiveTable(index: AnalysisIndex, options: DistinctiveOptions): AnalysisTable {
  const scope = buildScope(index, options);
  let groups: Array<{ group: string; counts: Array<ReadonlyMap<string, number>> }>;
  if (options.by === 'code') {
    const merged = index.codes.map(() => new Map<string, number>());
    for (let k = 0; k < index.codings.count; k++) {
      if (!scope.codingIn[k]) continue;
      const counts = termCounts(codingText(index, k));
      for (const a of index.selfAndAncestors[index.codings.code[k]!]!) {
        const m = merged[a]!;
        for (const [w, c] of counts) m.set(w, (m.get(w) ?? 0) + c);
      }
    }
    groups = index.codes.flatMap((c, i) => (merged[i]!.size ? [{ group: c.name, counts: [merged[i]!] }] : []));
  } else {
    const ref = resolveAttribute(index, options.by);
    const { values, of } = personValues(index, ref);
    const countsOf = options.termCountsOf ?? ((_: string, text: string) => termCounts(text));
    const merged = values.map(() => new Map<string, number>());
    for (let d = 0; d < index.documents.length; d++) {
      if (!scope.docIn[d]) continue;
      const v = of[index.docPerson[d]!]!;
      if (v < 0) continue;
      const m = merged[v]!;
      for (const [w, c] of countsOf(index.documents.id(d), index.documents.text(d))) m.set(w, (m.get(w) ?? 0) + c);
    }
    groups = values.map((v, i) => ({ group: v, counts: [merged[i]!] }));
  }
  return {
    kind: 'words',
    title: `Distinctive terms by ${options.by}`,
    columns: [
      { key: 'group', label: options.by === 'code' ? 'Code' : options.by, type: 'text' },
      { key: 'term', label: 'Term', type: 'text' },
      { key: 'count', label: 'Occurrences', type: 'count' },
      { key: 'tfidf', label: 'tf-idf', type: 'number', basis: 'count' },
    ],
    rows: distinctiveTerms(groups, options),
    notes: ANALYSIS_NOTES.words,
    warnings: groups.length < 2 ? ['Distinctive terms need at least two groups to compare.'] : [],
  };
}
