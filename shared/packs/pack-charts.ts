/**
 * Charts for packs, drawn only from published tables (forPublication). The shared chart builders
 * label every suppressed mark "<N"; a secondary-suppressed cell is not under N, so its mark is
 * relabelled "withheld" here, as the tables say.
 */
import type { AnalysisTable } from '../analysis/types';
import { frequencyChart, matrixHeatmap, triangulationGrid } from '../report/chart-builders';
import type { ChartSpec, HeatmapSpec } from '../report/chart-spec';
import type { PackAnalysis } from './input';

function relabelMatrix(spec: HeatmapSpec, pub: AnalysisTable): HeatmapSpec {
  const rows = pub.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.codeId !== null);
  const groups = spec.columns.map((c) => c.id);
  const cells = spec.cells.map((line, ri) =>
    line.map((cell, gi) => {
      if (!cell) return cell;
      const marks = pub.suppressed?.[rows[ri]!.i] ?? {};
      const g = groups[gi]!;
      if (marks[`n:${g}`] === 'withheld' || (!marks[`n:${g}`] && marks[`col:${g}`] === 'withheld')) return { value: null, text: 'withheld', suppressed: true };
      return cell;
    }),
  );
  return { ...spec, cells, notes: [...spec.notes, 'Cells marked “withheld” are hidden so that smaller counts cannot be worked out from the totals.'] };
}

/** The chart for one published analysis, or null when it has none. */
export function packChart(a: PackAnalysis, pub: AnalysisTable): ChartSpec | null {
  switch (a.chart) {
    case 'frequency': {
      const spec = frequencyChart(pub, { maxLevel: 0 });
      return { ...spec, title: `How many participants raised each theme` };
    }
    case 'matrix':
      return relabelMatrix(matrixHeatmap(pub), pub);
    case 'triangulation':
      return triangulationGrid(pub);
    case null:
      return null;
  }
}
