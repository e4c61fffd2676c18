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
  const flat = cells.flat();
  const fewer = flat.filter((c) => c?.suppressed && c.text !== 'withheld').length;
  const withheld = flat.filter((c) => c?.text === 'withheld').length;
  const threshold = pub.stats?.disclosureThreshold;
  const notes = spec.notes.filter((n) => !/value\(s\) below \d+ are suppressed/.test(n));
  if (fewer > 0) notes.unshift(`${fewer} value(s) below ${String(threshold)} are suppressed for publication and shown as "<${String(threshold)}".`);
  if (withheld > 0) notes.push(`${withheld} value(s) marked “withheld” are hidden so that smaller counts cannot be worked out from the totals.`);
  return { ...spec, cells, notes };
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
