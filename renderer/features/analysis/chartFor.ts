/** The chart for an analysis result, or null where there is none (word tables). */
import type { AnalysisTable } from '../../../shared/analysis';
import {
  cooccurrenceHeatmap,
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

export function chartFor(table: AnalysisTable, measure: MatrixMeasure = 'n'): ChartSpec | null {
  switch (table.kind) {
    case 'frequencies':
      return frequencyChart(table);
    case 'matrix':
      return matrixHeatmap(table, { measure: MEASURE[measure] });
    case 'cooccurrence':
      return cooccurrenceHeatmap(table);
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
