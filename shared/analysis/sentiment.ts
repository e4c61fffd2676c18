/// <reference path="./natural.d.ts" />
/** Indicative sentiment per coded segment (natural's AFINN word list), averaged per code and subgroup. */
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer';
import { codePath } from './frequencies';
import { ANALYSIS_NOTES } from './notes';
import { codingText, type AnalysisIndex } from './prepare';
import { buildScope, personValues, resolveAttribute, type AnalysisFilter } from './scope';
import { stem, tokenise } from './text';

import type { AnalysisTable, Column, Row } from './types';

const analysers = new Map<boolean, SentimentAnalyzer>();

/** Score a text: AFINN word scores summed (a negation flips the rest) ÷ number of words; null for no words. */
export function sentimentScore(text: string, options: { stem?: boolean } = {}): number | null {
  const useStem = !!options.stem;
  let a = analysers.get(useStem);
  if (!a) {
    a = new SentimentAnalyzer('English', useStem ? { stem } : undefined, 'afinn');
    analysers.set(useStem, a);
  }
  const words = tokenise(text);
  return words.length ? a.getSentiment(words) : null;
}

/** Score of every coding in scope (NaN elsewhere), by index position. */
export function segmentSentiments(index: AnalysisIndex, codingIn?: Uint8Array, options: { stem?: boolean } = {}): Float64Array {
  const out = new Float64Array(index.codings.count).fill(Number.NaN);
  for (let k = 0; k < index.codings.count; k++) {
    if (codingIn && !codingIn[k]) continue;
    out[k] = sentimentScore(codingText(index, k), options) ?? Number.NaN;
  }
  return out;
}

export interface SentimentOptions extends AnalysisFilter {
  stem?: boolean;
  /** Also average per value of this attribute. */
  attribute?: string;
  /** Scores already computed by `segmentSentiments` (reused, not recomputed). */
  scores?: Float64Array;
}

const mean = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 1000) / 1000 : null);

export function sentimentTable(index: AnalysisIndex, options: SentimentOptions = {}): AnalysisTable {
  const scope = buildScope(index, options);
  const scores = options.scores ?? segmentSentiments(index, scope.codingIn, options);
  const ref = options.attribute ? resolveAttribute(index, options.attribute) : null;
  const groups = ref ? personValues(index, ref) : { values: [] as string[], of: new Int32Array(0) };
  const nG = groups.values.length;
  const nC = index.codes.length;
  const sum = new Float64Array(nC);
  const n = new Int32Array(nC);
  const pos = new Int32Array(nC);
  const neg = new Int32Array(nC);
  const gSum = new Float64Array(nC * nG);
  const gN = new Int32Array(nC * nG);
  for (let k = 0; k < index.codings.count; k++) {
    const s = scores[k]!;
    if (!scope.codingIn[k] || Number.isNaN(s)) continue;
    const g = ref ? groups.of[index.docPerson[index.codings.doc[k]!]!]! : -1;
    for (const c of index.selfAndAncestors[index.codings.code[k]!]!) {
      sum[c]! += s;
      n[c]!++;
      if (s > 0) pos[c]!++;
      else if (s < 0) neg[c]!++;
      if (g >= 0) {
        gSum[c * nG + g]! += s;
        gN[c * nG + g]!++;
      }
    }
  }
  const columns: Column[] = [
    { key: 'code', label: 'Code', type: 'text' },
    { key: 'segments', label: 'Coded segments', type: 'count' },
    { key: 'mean', label: 'Mean score (indicative)', type: 'number', basis: 'segments' },
    { key: 'positivePct', label: '% positive', type: 'percent', basis: 'segments' },
    { key: 'negativePct', label: '% negative', type: 'percent', basis: 'segments' },
  ];
  groups.values.forEach((v, i) =>
    columns.push({ key: `n:${i}`, label: `${v}: segments`, type: 'count' }, { key: `mean:${i}`, label: `${v}: mean (indicative)`, type: 'number', basis: `n:${i}` }),
  );
  const rows: Row[] = index.codes.map((c, i) => {
    const row: Row = {
      codeId: c.id,
      code: codePath(index, i),
      segments: n[i]!,
      mean: mean(sum[i]!, n[i]!),
      positivePct: n[i]! ? Math.round((1000 * pos[i]!) / n[i]!) / 10 : null,
      negativePct: n[i]! ? Math.round((1000 * neg[i]!) / n[i]!) / 10 : null,
    };
    for (let g = 0; g < nG; g++) {
      row[`n:${g}`] = gN[i * nG + g]!;
      row[`mean:${g}`] = mean(gSum[i * nG + g]!, gN[i * nG + g]!);
    }
    return row;
  });
  return {
    kind: 'sentiment',
    title: ANALYSIS_NOTES.sentiment.title,
    columns,
    rows,
    notes: ANALYSIS_NOTES.sentiment,
    warnings: ['Sentiment scores are indicative only: read the segments before drawing any conclusion.'],
    stats: { vocabulary: 'AFINN-165', stemmed: !!options.stem, attribute: ref?.name ?? null },
  };
}
