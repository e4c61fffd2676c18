/**
 * The data behind a chart as a plain table: the text alternative packs print under a chart and the
 * app shows behind its "Show the data" toggle. Every cell is the text the chart writes (so suppressed
 * values read "fewer than N" here too, never a number).
 */
import type { ChartSpec, ChartValue } from './chart-spec';

export interface ChartDataTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

const text = (v: ChartValue | null | undefined) => (v ? v.text : '–');

export function chartDataTable(spec: ChartSpec): ChartDataTable {
  const caption = spec.title;
  switch (spec.kind) {
    case 'bar':
      return {
        caption,
        headers: [spec.categoryLabel, ...spec.series.map((s) => s.label)],
        rows: spec.categories.map((c, i) => [c.fullLabel ?? c.label, ...spec.series.map((_, j) => text(spec.values[i]?.[j]))]),
      };
    case 'stacked-bar':
      return {
        caption,
        headers: [spec.categoryLabel, ...spec.series.map((s) => s.label), 'Total'],
        rows: spec.categories.map((c, i) => [c.fullLabel ?? c.label, ...spec.series.map((_, j) => text(spec.values[i]?.[j])), text(spec.totals[i])]),
      };
    case 'heatmap':
      return {
        caption,
        headers: [spec.rowLabel, ...spec.columns.map((c) => c.fullLabel ?? c.label), ...(spec.rowNotes ? [spec.rowNotesLabel ?? 'Note'] : [])],
        rows: spec.rows.map((r, i) => [r.fullLabel ?? r.label, ...spec.columns.map((_, j) => text(spec.cells[i]?.[j])), ...(spec.rowNotes ? [spec.rowNotes[i] ?? ''] : [])]),
      };
    case 'line':
      return {
        caption,
        headers: [spec.xLabel, ...spec.series.map((s) => s.label)],
        rows: spec.x.map((x, i) => [x, ...spec.series.map((s) => text(s.values[i]))]),
      };
    case 'treemap':
      return { caption, headers: ['Code', spec.valueLabel], rows: spec.nodes.map((n) => [n.fullLabel ?? n.label, n.value.text]) };
    case 'network': {
      const name = new Map(spec.nodes.map((n) => [n.id, n.fullLabel ?? n.label]));
      return {
        caption,
        headers: [`${spec.nodeLabel} A`, `${spec.nodeLabel} B`, spec.edgeLabel],
        rows: spec.edges.map((e) => [name.get(e.source) ?? e.source, name.get(e.target) ?? e.target, e.value.text]),
      };
    }
    case 'icon-array':
      return {
        caption,
        headers: ['Statement', 'Figure'],
        rows: [[spec.statement, spec.value.text]],
      };
  }
}

/** Every value a chart shows, whatever its kind (for checks such as "no small count is shown"). */
export function chartValues(spec: ChartSpec): ChartValue[] {
  switch (spec.kind) {
    case 'bar':
      return spec.values.flat();
    case 'stacked-bar':
      return [...spec.values.flat(), ...spec.totals];
    case 'heatmap':
      return spec.cells.flat().filter((c): c is NonNullable<typeof c> => c !== null);
    case 'line':
      return spec.series.flatMap((s) => s.values);
    case 'treemap':
      return spec.nodes.map((n) => n.value);
    case 'network':
      return [...spec.nodes.map((n) => n.value), ...spec.edges.map((e) => e.value)];
    case 'icon-array':
      return [spec.value];
  }
}
