/** The plain-data result every analysis returns: a table a grid, chart or exporter can render. */

export const ANALYSIS_KINDS = [
  'frequencies',
  'matrix',
  'cooccurrence',
  'triangulation',
  'words',
  'sentiment',
  'time',
  'saturation',
] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** A cell: text, a number, a flag, a list (e.g. example quotes) or null (missing or suppressed). */
export type Cell = string | number | boolean | null | readonly string[];

export type ColumnType = 'text' | 'count' | 'percent' | 'number' | 'boolean' | 'list';

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  /** For a percent or mean: the key of the count column it derives from (suppressed with it). */
  basis?: string;
}

export type Row = Record<string, Cell>;

/** How a suppressed cell reads in exports: "fewer than N" or "withheld" (see shared/privacy/secondary.ts). */
export type SuppressionMark = 'fewer' | 'withheld';

export interface AnalysisTable {
  kind: AnalysisKind;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Plain-English "what this shows and its limits". */
  notes: { shows: string; limits: string };
  /** Caveats specific to this result (e.g. Cochran's rule failed). */
  warnings: string[];
  /**
   * Set by forPublication: per row, the cells withheld — "fewer" (a count from 1 to N−1) or
   * "withheld" (secondary suppression, or derived from a suppressed count). Those cells are null.
   */
  suppressed?: Array<Record<string, SuppressionMark>>;
  /** Table-level statistics (e.g. chi-square, df, p). */
  stats?: Record<string, number | string | boolean | null>;
}
