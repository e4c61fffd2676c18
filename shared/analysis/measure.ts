/**
 * Display-only reshaping of a result table on the main thread. Kept apart from run-request.ts, which
 * imports the whole analysis engine (and natural's word lists) that only the worker needs.
 */
import type { AnalysisTable } from './types';

/** Subcategory matrix: which of the per-value measures to show (counts, row %, column %). */
export type MatrixMeasure = 'n' | 'row' | 'col';

/** A copy of a matrix table keeping only one per-value measure (other tables are returned as they are). */
export function withMeasure(table: AnalysisTable, measure: MatrixMeasure): AnalysisTable {
  if (table.kind !== 'matrix') return table;
  const drop = (['n', 'row', 'col'] as const).filter((m) => m !== measure);
  // Apply forPublication BEFORE this: a percentage is suppressed through its count column (its basis).
  return { ...table, columns: table.columns.filter((c) => !drop.some((m) => c.key.startsWith(`${m}:`))) };
}
