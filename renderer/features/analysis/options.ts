/** The Analyse workspace's option state and how it becomes a worker request. */
import type { AnalysisFilter, AnalysisKind, CooccurrenceUnit } from '../../../shared/analysis';
import type { Variable } from '../../../shared/model';
import type { AnalysisRequest, WordMode } from '../../../shared/analysis/run-request';
import type { MatrixMeasure } from '../../../shared/analysis/measure';

export interface AnalysisOptions {
  attribute: string;
  measure: MatrixMeasure;
  unit: CooccurrenceUnit;
  wordMode: WordMode;
  n: 1 | 2 | 3;
  stem: boolean;
  stopWords: boolean;
  by: string;
  keyword: string;
  sentimentAttribute: string;
  timeMode: 'period' | 'wave';
  dateAttribute: string;
  period: 'month' | 'quarter';
  waves: [string, string];
}

export interface FilterState {
  /** Empty = every source. */
  sourceIds: string[];
  /** Empty = every coder. */
  coderIds: string[];
  attribute: string;
  value: string;
}

export const EMPTY_FILTER: FilterState = { sourceIds: [], coderIds: [], attribute: '', value: '' };

export function defaultOptions(variables: Variable[], sourceIds: string[]): AnalysisOptions {
  const category = variables.find((v) => v.type === 'category') ?? variables.find((v) => v.type !== 'date');
  const date = variables.find((v) => v.type === 'date');
  return {
    attribute: category?.name ?? 'source kind',
    measure: 'n',
    unit: 'response',
    wordMode: 'frequencies',
    n: 1,
    stem: false,
    stopWords: true,
    by: 'code',
    keyword: '',
    sentimentAttribute: '',
    timeMode: date ? 'period' : 'wave',
    dateAttribute: date?.name ?? '',
    period: 'month',
    waves: [sourceIds[0] ?? '', sourceIds[1] ?? ''],
  };
}

export function toFilter(f: FilterState): AnalysisFilter {
  const out: AnalysisFilter = {};
  if (f.sourceIds.length) out.sourceIds = f.sourceIds;
  if (f.coderIds.length) out.coderIds = f.coderIds;
  if (f.attribute && f.value) out.where = { attribute: f.attribute, values: [f.value] };
  return out;
}

/** The request for an analysis, or a plain message saying what still needs choosing. */
export function toRequest(kind: AnalysisKind, o: AnalysisOptions, f: FilterState): AnalysisRequest | string {
  const filter = toFilter(f);
  switch (kind) {
    case 'frequencies':
    case 'triangulation':
    case 'saturation':
      return { analysis: kind, filter };
    case 'matrix':
      return o.attribute ? { analysis: 'matrix', attribute: o.attribute, filter } : 'Choose an attribute to compare groups by.';
    case 'cooccurrence':
      return { analysis: 'cooccurrence', unit: o.unit, filter };
    case 'words':
      if (o.wordMode === 'kwic' && !o.keyword.trim()) return 'Type a word or phrase and choose “Show in context”.';
      return { analysis: 'words', mode: o.wordMode, n: o.n, stem: o.stem, stopWords: o.stopWords, by: o.by, keyword: o.keyword, filter };
    case 'sentiment':
      return { analysis: 'sentiment', attribute: o.sentimentAttribute || null, filter };
    case 'time':
      if (o.timeMode === 'period') {
        return o.dateAttribute ? { analysis: 'time', mode: 'period', attribute: o.dateAttribute, period: o.period, filter } : 'This project has no date attribute: compare waves instead.';
      }
      if (!o.waves[0] || !o.waves[1]) return 'Choose two sources to compare as waves.';
      if (o.waves[0] === o.waves[1]) return 'Choose two different sources to compare as waves.';
      return { analysis: 'time', mode: 'wave', waves: [...o.waves], filter };
  }
}
