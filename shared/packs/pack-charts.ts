/** Charts for packs, drawn only from published tables (forPublication): small counts read "fewer than N", secondary-suppressed ones "withheld". */
import type { AnalysisTable } from '../analysis/types';
import { frequencyChart, matrixHeatmap, triangulationGrid } from '../report/chart-builders';
import type { ChartSpec } from '../report/chart-spec';
import type { PackAnalysis } from './input';

/** The chart for one published analysis, or null when it has none. */
export function packChart(a: PackAnalysis, pub: AnalysisTable): ChartSpec | null {
  switch (a.chart) {
    case 'frequency': {
      const spec = frequencyChart(pub, { maxLevel: 0 });
      return { ...spec, title: `How many participants raised each theme` };
    }
    case 'matrix':
      return matrixHeatmap(pub);
    case 'triangulation':
      return triangulationGrid(pub);
    case null:
      return null;
  }
}
