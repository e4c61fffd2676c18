/** The chart for an analysis result in a chosen view, or null where there is none (word tables). */
import type { AnalysisKind, AnalysisTable } from '../../../shared/analysis';
import {
  codebookTreemap,
  codeIconArray,
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  frequencyChart,
  matrixHeatmap,
  saturationCurve,
  sentimentBars,
  timeLines,
  triangulationGrid,
  type ChartSpec,
} from '../../../shared/report';
import type { MatrixMeasure } from '../../../shared/analysis/measure';

const MEASURE = { n: 'count', row: 'row', col: 'column' } as const;

/** Other ways to draw a result: the first view of each kind is the default. */
export type ChartView = 'default' | 'ranked' | 'hierarchy' | 'icons' | 'network';

export const CHART_VIEWS: Partial<Record<AnalysisKind, Array<{ id: ChartView; label: string }>>> = {
  frequencies: [
    { id: 'default', label: 'Bars, codebook order' },
    { id: 'ranked', label: 'Bars, highest first' },
    { id: 'hierarchy', label: 'Codebook hierarchy (treemap)' },
    { id: 'icons', label: 'One code in plain language (icons)' },
  ],
  cooccurrence: [
    { id: 'default', label: 'Heatmap' },
    { id: 'network', label: 'Network' },
  ],
};

export interface ChartChoice {
  view?: ChartView;
  /** The code an icon array shows (default the one most participants mentioned). */
  codeId?: string;
}

export function chartFor(table: AnalysisTable, measure: MatrixMeasure = 'n', choice: ChartChoice = {}): ChartSpec | null {
  const view = choice.view ?? 'default';
  switch (table.kind) {
    case 'frequencies':
      if (view === 'hierarchy') return codebookTreemap(table);
      if (view === 'icons') return codeIconArray(table, { codeId: choice.codeId });
      return frequencyChart(table, { order: view === 'ranked' ? 'ranked' : 'codebook' });
    case 'matrix':
      return matrixHeatmap(table, { measure: MEASURE[measure] });
    case 'cooccurrence':
      return view === 'network' ? cooccurrenceNetwork(table) : cooccurrenceHeatmap(table);
    case 'triangulation':
      return triangulationGrid(table);
    case 'sentiment':
      return sentimentBars(table);
    case 'time':
      return timeLines(table);
    case 'saturation':
      return saturationCurve(table);
    case 'words':
      return null;
  }
}
