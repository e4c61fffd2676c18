/**
 * Chart specs: a chart as plain data (after Observable Plot, DESIGN.md §2). Builders in
 * chart-builders.ts turn analysis results into specs; renderer/charts draws them with d3.
 * A spec holds only JSON-safe values, so it can be stored, sent over IPC or snapshot-tested.
 */

/** Named colour scales; the renderer owns the actual colours (see chart-colours.ts). */
export type ColourScaleName =
  /** Categorical, colour-blind safe (Okabe–Ito), one colour per series. */
  | 'okabe-ito'
  /** Sequential single hue (light → dark blue) for heatmaps. */
  | 'blues'
  /** Triangulation status: corroborated, single-source, divergent, not found. */
  | 'corroboration'
  /** Negative, neutral, positive. */
  | 'sentiment';

/**
 * One value on a chart. `value` is null when missing or suppressed; `text` is what is written on
 * or beside the mark (e.g. "42", "35%", "<10", "–"). A suppressed value never carries the number.
 */
export interface ChartValue {
  value: number | null;
  text: string;
  /** Hidden by disclosure control (small-number suppression): drawn hatched grey with `text` "<N". */
  suppressed?: boolean;
  /**
   * Where a count came from: the row index and column key in the AnalysisTable it was built from,
   * so the app can open the segments behind it (shared/evidence/cells.ts). Never on a suppressed value.
   */
  ref?: ValueRef;
}

/** A cell of the AnalysisTable a chart value came from (JSON-safe). */
export interface ValueRef {
  row: number;
  key: string;
}

interface ChartBase {
  title: string;
  /** A plain-English summary for screen readers (<desc>). */
  description: string;
  /** Short caveats shown under the chart (e.g. "Showing 20 of 45 codes"). */
  notes: string[];
  /** Shown instead of the chart when there is nothing to draw. */
  emptyMessage?: string;
}

export interface Category {
  id: string;
  label: string;
  /** The full name when `label` is shortened (e.g. the code's path), shown as a tooltip. */
  fullLabel?: string;
  /** Depth in the code tree (0 = theme), for indentation. */
  level?: number;
}

export interface Series {
  key: string;
  label: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
}

/** Horizontal bars, one per category and series (grouped when there are several series). */
export interface BarChartSpec extends ChartBase {
  kind: 'bar';
  colour: 'okabe-ito';
  categoryLabel: string;
  valueLabel: string;
  series: Series[];
  categories: Category[];
  /** values[category][series]. */
  values: ChartValue[][];
  /** Value axis extent; the renderer widens it to include every value and zero. */
  domain: [number, number];
  referenceLines?: ReferenceLine[];
}

/** Horizontal 100% stacked bars: each category split into parts (e.g. negative / neutral / positive). */
export interface StackedBarSpec extends ChartBase {
  kind: 'stacked-bar';
  colour: 'sentiment' | 'okabe-ito';
  categoryLabel: string;
  valueLabel: string;
  /** The parts, in stacking order. */
  series: Series[];
  categories: Category[];
  /** values[category][part], in percent; a suppressed category has every part suppressed. */
  values: ChartValue[][];
  /** Text after each bar, e.g. "n = 42" or "<10". */
  totals: ChartValue[];
}

export interface HeatCell extends ChartValue {
  /** For a categorical heatmap: the key of the category that colours the cell. */
  category?: string;
  /** Extra words for the cell's accessible label (e.g. "corroborated"). */
  note?: string;
}

/** Rows × columns of cells with a text label inside each (so colour is never the only cue). */
export interface HeatmapSpec extends ChartBase {
  kind: 'heatmap';
  colour: 'blues' | 'corroboration';
  rowLabel: string;
  columnLabel: string;
  rows: Category[];
  columns: Category[];
  /** cells[row][column]; null where there is no cell (e.g. the diagonal of a co-occurrence matrix). */
  cells: Array<Array<HeatCell | null>>;
  /** Sequential scales: the value range mapped onto the colours. */
  domain?: [number, number];
  /** Categorical scales: the categories in legend order. */
  categories?: Series[];
  /** Text written to the right of each row (e.g. its triangulation status). */
  rowNotes?: string[];
  /** Heading over the row notes (e.g. "Status"). */
  rowNotesLabel?: string;
  /** What a cell's value means, for the legend (e.g. "% of participants in the group"). */
  valueLabel: string;
}

/** Lines over an ordered x axis of labels (periods, document positions). */
export interface LineChartSpec extends ChartBase {
  kind: 'line';
  colour: 'okabe-ito';
  xLabel: string;
  yLabel: string;
  x: string[];
  series: Array<Series & { values: ChartValue[] }>;
  domain: [number, number];
  /** Draw a marker on every point (off for long series such as saturation over many documents). */
  markers: boolean;
}

/** One box of a hierarchy (a code in the codebook). Parents are sized by the sum of their children. */
export interface HierarchyNode {
  id: string;
  /** null for a top-level node (a theme). */
  parentId: string | null;
  label: string;
  fullLabel?: string;
  /** The node's own figure, written in its box; leaves are sized by it (suppressed leaves by `suppressedSize`). */
  value: ChartValue;
}

/** A treemap of a hierarchy: one coloured block per top-level node, its children nested inside. */
export interface TreemapSpec extends ChartBase {
  kind: 'treemap';
  colour: 'okabe-ito';
  valueLabel: string;
  /** Parents before their children, siblings in display order. */
  nodes: HierarchyNode[];
  /** The area given to a suppressed leaf (so its box shows without revealing the number). */
  suppressedSize: number;
}

export interface NetworkNode {
  id: string;
  label: string;
  fullLabel?: string;
  /** Sizes the node (e.g. units coded); its `text` is written in the node's label. */
  value: ChartValue;
  /** Index of the group (e.g. theme) that colours the node. */
  group: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Thickness and the number written on the link. */
  value: ChartValue;
  note?: string;
}

/** Nodes on a circle (a deterministic layout: same spec, same picture), linked where they co-occur. */
export interface NetworkSpec extends ChartBase {
  kind: 'network';
  colour: 'okabe-ito';
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Names of the node groups in legend order (index = NetworkNode.group). */
  groups: Series[];
  nodeLabel: string;
  edgeLabel: string;
}

/** "3 in 10 people said…": `of` icons, `filled` of them shaded. */
export interface IconArraySpec extends ChartBase {
  kind: 'icon-array';
  colour: 'okabe-ito';
  /** The plain-language sentence shown above the icons (e.g. "About 3 in 10 participants mentioned Delay"). */
  statement: string;
  /** Icons drawn: 10 or 100. */
  of: number;
  /** Icons shaded (the rounded share), or null when suppressed. */
  filled: number | null;
  /** The exact figures behind it, e.g. { value: 12, text: "12 of 40 (30%)" }. */
  value: ChartValue;
  /** What one icon stands for, e.g. "1 in 10 participants". */
  unitLabel: string;
  filledLabel: string;
  emptyLabel: string;
}

export type ChartSpec = BarChartSpec | StackedBarSpec | HeatmapSpec | LineChartSpec | TreemapSpec | NetworkSpec | IconArraySpec;
export type ChartKind = ChartSpec['kind'];

/** True when the spec has nothing to draw. */
export function isEmptyChart(spec: ChartSpec): boolean {
  switch (spec.kind) {
    case 'bar':
    case 'stacked-bar':
      return spec.categories.length === 0 || spec.series.length === 0;
    case 'heatmap':
      return spec.rows.length === 0 || spec.columns.length === 0;
    case 'line':
      return spec.x.length === 0 || spec.series.length === 0;
    case 'treemap':
      return spec.nodes.length === 0;
    case 'network':
      return spec.nodes.length === 0;
    case 'icon-array':
      return spec.of <= 0;
  }
}

export const NO_DATA_MESSAGE = 'No data to show';
