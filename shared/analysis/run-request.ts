/**
 * What the Analyse workspace asks the worker to compute, and the pure function that computes it
 * from a prepared index (tested in Node; the worker only supplies the index and cached term counts).
 */
import {
  ANALYSIS_NOTES,
  buildScope,
  changeByWave,
  changeOverTime,
  codeFrequencies,
  cooccurrence,
  distinctiveTable,
  keywordInContext,
  saturation,
  sentimentTable,
  subcategoryMatrix,
  triangulation,
  wordTable,
  type AnalysisFilter,
  type AnalysisIndex,
  type AnalysisTable,
  type CooccurrenceUnit,
} from './index';
import type { IndexDocuments } from './index-documents';

export type WordMode = 'frequencies' | 'distinctive' | 'kwic';

export type AnalysisChoice =
  | { analysis: 'frequencies' }
  | { analysis: 'matrix'; attribute: string }
  | { analysis: 'cooccurrence'; unit: CooccurrenceUnit }
  | { analysis: 'triangulation' }
  | { analysis: 'words'; mode: WordMode; n: 1 | 2 | 3; stem: boolean; stopWords: boolean; by: string; keyword: string }
  | { analysis: 'sentiment'; attribute: string | null }
  | { analysis: 'time'; mode: 'period'; attribute: string; period: 'month' | 'quarter' }
  | { analysis: 'time'; mode: 'wave'; waves: string[] }
  | { analysis: 'saturation' };

export type AnalysisRequest = AnalysisChoice & { filter: AnalysisFilter };

export type TermCountsOf = (documentId: string, text: string) => ReadonlyMap<string, number>;

/** The documents in scope, each made only as far as keyword in context reads it (its title only where the keyword is found). */
function* inScope(docs: IndexDocuments, docIn: Uint8Array): Iterable<{ id: string; title: string; text: string }> {
  for (let d = 0; d < docs.length; d++) {
    if (!docIn[d]) continue;
    yield { text: docs.text(d), get id() { return docs.id(d); }, get title() { return docs.title(d); } };
  }
}

/** Keyword in context as a table (one row per occurrence, within the filter's documents). */
export function kwicTable(index: AnalysisIndex, keyword: string, filter: AnalysisFilter): AnalysisTable {
  const scope = buildScope(index, filter);
  const limit = 500;
  const rows = keywordInContext(inScope(index.documents, scope.docIn), keyword, { width: 50, limit });
  return {
    kind: 'words',
    title: `Keyword in context: “${keyword.trim()}”`,
    columns: [
      { key: 'document', label: 'Document', type: 'text' },
      { key: 'left', label: 'Before', type: 'text' },
      { key: 'keyword', label: 'Keyword', type: 'text' },
      { key: 'right', label: 'After', type: 'text' },
    ],
    rows,
    notes: ANALYSIS_NOTES.words,
    warnings: rows.length >= limit ? [`Only the first ${limit} occurrences are shown.`] : [],
  };
}

/** The analyses that never read a document's text: counts of codings, documents and people (the rest read it, or may). */
const COUNTS_ONLY: ReadonlySet<AnalysisChoice['analysis']> = new Set(['frequencies', 'matrix', 'time', 'saturation']);

/**
 * Whether an analysis reads documents' texts. A survey's answers' texts are read only for those that
 * do: the first thing Analyse shows, a survey's code frequencies, never holds them.
 */
export function readsText(req: AnalysisChoice): boolean {
  return !COUNTS_ONLY.has(req.analysis);
}

/** Run one analysis. Throws AnalysisInputError (a one-line message) for bad options. */
export function runAnalysis(index: AnalysisIndex, req: AnalysisRequest, termCountsOf?: TermCountsOf): AnalysisTable {
  const filter = req.filter;
  switch (req.analysis) {
    case 'frequencies':
      return codeFrequencies(index, filter);
    case 'matrix':
      return subcategoryMatrix(index, { ...filter, attribute: req.attribute });
    case 'cooccurrence':
      return cooccurrence(index, { ...filter, unit: req.unit });
    case 'triangulation':
      return triangulation(index, filter);
    case 'words': {
      const opts = { ...filter, stem: req.stem, stopWords: req.stopWords, termCountsOf, limit: 100 };
      if (req.mode === 'kwic') {
        if (!req.keyword.trim()) throw new Error('Type a word or phrase to see it in context.');
        return kwicTable(index, req.keyword, filter);
      }
      if (req.mode === 'distinctive') return distinctiveTable(index, { ...opts, by: req.by, limit: 10 });
      return wordTable(index, { ...opts, n: req.n });
    }
    case 'sentiment':
      return sentimentTable(index, { ...filter, attribute: req.attribute ?? undefined });
    case 'time':
      return req.mode === 'period'
        ? changeOverTime(index, { ...filter, attribute: req.attribute, period: req.period })
        : changeByWave(index, { ...filter, waves: req.waves });
    case 'saturation':
      return saturation(index, filter);
  }
}
