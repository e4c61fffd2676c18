/**
 * Pure builders: analysis results → chart specs. They read the AnalysisTable shapes of
 * shared/analysis (and AgreementReport of shared/analysis/reliability). A count that is null in a
 * table with `stats.disclosureThreshold` (see forPublication) is suppressed: its mark shows "<N"
 * and never the number, and so does anything derived from it.
 */
import type { AgreementReport } from '../analysis/reliability';
import type { AnalysisKind, AnalysisTable, Cell, Row } from '../analysis/types';
import type { BarChartSpec, Category, ChartValue, HeatCell, HeatmapSpec, LineChartSpec, StackedBarSpec } from './chart-spec';
import { fewerThan } from '../privacy/suppress';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const fmt = (n: number) => numberFormat.format(n);

export function expectKind(table: AnalysisTable, kind: AnalysisKind, builder: string): void {
  if (!table || table.kind !== kind) throw new Error(`${builder} needs a "${kind}" analysis result, got "${String(table?.kind)}"`);
}

/** The table's disclosure threshold, when it was prepared for publication. */
export function disclosureThreshold(table: AnalysisTable): number | null {
  const t = table.stats?.disclosureThreshold;
  return typeof t === 'number' ? t : null;
}

const MISSING: ChartValue = { value: null, text: '–' };

/** True when `cell` is a count hidden by disclosure control. */
export function isSuppressed(cell: Cell | undefined, threshold: number | null): boolean {
  return threshold !== null && cell === null;
}

export function suppressedValue(threshold: number): ChartValue {
  return { value: null, text: fewerThan(threshold), suppressed: true };
}

/** A value whose visibility follows the count `basis` (itself when the value is a count). */
function valueOf(row: Row, key: string, basis: string, threshold: number | null, format: (n: number) => string): ChartValue {
  if (isSuppressed(row[basis], threshold)) return suppressedValue(threshold!);
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? { value: v, text: format(v) } : MISSING;
}

const pct = (n: number) => `${fmt(n)}%`;

/**
 * `v` with a reference to the table cell (row index, column key) that counts what it shows, so the
 * app can open the segments behind it; suppressed and missing values get none.
 */
export function withRef<V extends ChartValue>(v: V, row: number, key: string): V {
  return v.suppressed || v.value === null || row < 0 ? v : { ...v, ref: { row, key } };
}

function maxOf(values: ChartValue[], floor = 0): number {
  return values.reduce((m, v) => (v.value !== null && v.value > m ? v.value : m), floor);
}

/** A count hidden by secondary suppression (so that a smaller one cannot be worked out from the totals). */
export const WITHHELD: ChartValue = Object.freeze({ value: null, text: 'withheld', suppressed: true });

export function withheldNote(n: number): string[] {
  return n > 0 ? [`${n} value(s) marked “withheld” are hidden so that smaller counts cannot be worked out from the totals.`] : [];
}

export function countSuppressed(values: ChartValue[]): number {
  return values.filter((v) => v.suppressed).length;
}

export function suppressionNote(n: number, threshold: number | null): string[] {
  return n > 0 && threshold !== null ? [`${n} value(s) below ${threshold} are suppressed for publication and shown as "${fewerThan(threshold)}".`] : [];
}

/** Top `limit` items by `score` (stable), keeping the original order among those kept. */
function topInOrder<T>(items: T[], limit: number, score: (t: T) => number): T[] {
  if (items.length <= limit) return items;
  const keep = new Set(
    items
      .map((t, i) => ({ i, s: score(t) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.i),
  );
  return items.filter((_, i) => keep.has(i));
}

// ── Frequencies ───────────────────────────────────────────────────────────────────────────

/** Every builder takes a title: ideally one that states the finding ("Delays were the most common complaint"); default a descriptive one. */
export interface TitleOption {
  title?: string;
}

export interface FrequencyChartOptions extends TitleOption {
  measure?: 'participants' | 'documents' | 'codings';
  /** Codebook order with themes and indented subcodes (default), or ranked: highest first. */
  order?: 'codebook' | 'ranked';
  /** Deepest code level to include (0 = themes only); default every level. */
  maxLevel?: number;
}

const MEASURE_LABEL = { participants: 'Participants', documents: 'Documents', codings: 'Codings' } as const;

export function frequencyChart(result: AnalysisTable, options: FrequencyChartOptions = {}): BarChartSpec {
  expectKind(result, 'frequencies', 'frequencyChart');
  const measure = options.measure ?? 'participants';
  const threshold = disclosureThreshold(result);
  const ranked = options.order === 'ranked';
  const kept = result.rows.filter((r) => options.maxLevel === undefined || (typeof r.level === 'number' && r.level <= options.maxLevel));
  // ranked: highest first, suppressed and missing values last, ties in codebook order
  const rank = (r: Row) => (isSuppressed(r[measure], threshold) ? -1 : typeof r[measure] === 'number' ? (r[measure] as number) : -2);
  const rows = ranked ? kept.map((r, i) => ({ r, i })).sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i).map((x) => x.r) : kept;
  const categories: Category[] = rows.map((r) => ({
    id: String(r.codeId),
    label: ranked ? String(r.path ?? r.code) : String(r.code),
    fullLabel: String(r.path ?? r.code),
    level: ranked ? 0 : typeof r.level === 'number' ? r.level : 0,
  }));
  const values = rows.map((r) => {
    const v = withRef(valueOf(r, measure, measure, threshold, fmt), result.rows.indexOf(r), measure);
    const share = measure === 'participants' ? r.participantsPct : null;
    return [typeof share === 'number' && !v.suppressed ? { ...v, text: `${v.text} (${pct(share)})` } : v];
  });
  const flat = values.map((v) => v[0]!);
  const top = flat.reduce((best, v, i) => (v.value !== null && (best < 0 || v.value > flat[best]!.value!) ? i : best), -1);
  const label = MEASURE_LABEL[measure];
  return {
    kind: 'bar',
    colour: 'okabe-ito',
    title: options.title ?? result.title,
    description:
      rows.length === 0
        ? 'No codes to show.'
        : `Horizontal bar chart of the number of ${label.toLowerCase()} for each of ${rows.length} codes, ${ranked ? 'highest first' : 'in codebook order'}.` +
          (top >= 0 ? ` The highest is ${categories[top]!.fullLabel} with ${flat[top]!.text}.` : ''),
    notes: [...suppressionNote(countSuppressed(flat), threshold), ...result.warnings.filter((w) => !w.startsWith('Counts from 1 to'))],
    categoryLabel: 'Code',
    valueLabel: measure === 'participants' ? 'Participants (% of participants in scope)' : label,
    series: [{ key: measure, label }],
    categories,
    values,
    domain: [0, maxOf(flat, 1)],
  };
}

// ── Subcategory matrix ────────────────────────────────────────────────────────────────────

export interface MatrixHeatmapOptions extends TitleOption {
  /** Cell value: % of the group with the code (default), % of the code's participants in the group, or the count. */
  measure?: 'column' | 'row' | 'count';
}

/** The groups of a matrix or time table: index and label from columns keyed `${prefix}:${i}` labelled "<group>: <suffix>". */
function groupsOf(table: AnalysisTable, prefix: string, suffix: string): Array<{ i: number; label: string }> {
  return table.columns.flatMap((c) => {
    const m = new RegExp(`^${prefix}:(\\d+)$`).exec(c.key);
    return m ? [{ i: Number(m[1]), label: c.label.endsWith(suffix) ? c.label.slice(0, -suffix.length) : c.label }] : [];
  });
}

export function matrixHeatmap(result: AnalysisTable, options: MatrixHeatmapOptions = {}): HeatmapSpec {
  expectKind(result, 'matrix', 'matrixHeatmap');
  const measure = options.measure ?? 'column';
  const threshold = disclosureThreshold(result);
  const groups = groupsOf(result, 'n', ': participants');
  const base = result.rows.find((r) => r.codeId === null);
  const rows = result.rows.filter((r) => r.codeId !== null);
  // secondary suppression (forPublication) hides some counts that are not small: they read "withheld", never "fewer than N"
  const markOf = (r: Row | undefined, k: string) => (r ? result.suppressed?.[result.rows.indexOf(r)]?.[k] : undefined);
  const columns: Category[] = groups.map((g) => {
    const n = base?.[`n:${g.i}`];
    const size = markOf(base, `n:${g.i}`) === 'withheld' ? ' (n withheld)' : isSuppressed(n, threshold) ? ` (n ${fewerThan(threshold!)})` : typeof n === 'number' ? ` (n = ${fmt(n)})` : '';
    return { id: String(g.i), label: `${g.label}${size}`, fullLabel: `${g.label}${size}` };
  });
  const key = measure === 'column' ? 'col' : measure === 'row' ? 'row' : 'n';
  const cells: HeatCell[][] = rows.map((r) =>
    groups.map((g) => {
      const count = markOf(r, `n:${g.i}`);
      if (count === 'withheld' || (!count && markOf(r, `${key}:${g.i}`) === 'withheld')) return WITHHELD;
      const v = withRef(valueOf(r, `${key}:${g.i}`, `n:${g.i}`, threshold, measure === 'count' ? fmt : pct), result.rows.indexOf(r), `n:${g.i}`);
      const n = r[`n:${g.i}`];
      return v.suppressed || typeof n !== 'number' ? v : { ...v, note: `${fmt(n)} participant(s)` };
    }),
  );
  const flat = cells.flat();
  const attribute = String(result.stats?.attribute ?? 'group');
  const valueLabel =
    measure === 'column' ? '% of participants in the group with the code' : measure === 'row' ? '% of the code’s participants in this group' : 'Participants';
  return {
    kind: 'heatmap',
    colour: 'blues',
    title: options.title ?? result.title,
    description:
      rows.length === 0 || groups.length === 0
        ? 'No codes or groups to show.'
        : `Heatmap of ${rows.length} codes by ${groups.length} values of ${attribute}. Each cell shows the ${valueLabel.toLowerCase()}; darker cells are higher.`,
    notes: [...suppressionNote(countSuppressed(flat.filter((c) => c !== WITHHELD)), threshold), ...withheldNote(flat.filter((c) => c === WITHHELD).length), ...result.warnings.filter((w) => !w.startsWith('Counts from 1 to'))],
    rowLabel: 'Code',
    columnLabel: attribute,
    rows: rows.map((r) => ({ id: String(r.codeId), label: String(r.code), fullLabel: String(r.path || r.code), level: pathDepth(r.path) })),
    columns,
    cells,
    domain: [0, measure === 'count' ? maxOf(flat, 1) : 100],
    valueLabel,
  };
}

// ── Co-occurrence ─────────────────────────────────────────────────────────────────────────

export interface CooccurrenceHeatmapOptions extends TitleOption {
  /** Most codes to show, by units coded (default 15). */
  limit?: number;
}

export function cooccurrenceHeatmap(result: AnalysisTable, options: CooccurrenceHeatmapOptions = {}): HeatmapSpec {
  expectKind(result, 'cooccurrence', 'cooccurrenceHeatmap');
  const limit = options.limit ?? 15;
  const threshold = disclosureThreshold(result);
  const codes = new Map<string, { label: string; units: number; order: number }>();
  const note = (id: Cell | undefined, label: Cell | undefined, units: Cell | undefined) => {
    const key = String(id);
    if (!codes.has(key)) codes.set(key, { label: String(label), units: typeof units === 'number' ? units : 0, order: codes.size });
  };
  for (const r of result.rows) {
    note(r.codeAId, r.codeA, r.unitsA);
    note(r.codeBId, r.codeB, r.unitsB);
  }
  const chosen = [...codes.entries()].sort((a, b) => b[1].units - a[1].units || a[1].order - b[1].order).slice(0, limit);
  const pos = new Map(chosen.map(([id], i) => [id, i]));
  const cells: Array<Array<HeatCell | null>> = chosen.map(() => chosen.map(() => MISSING_PAIR));
  result.rows.forEach((r, index) => {
    const a = pos.get(String(r.codeAId));
    const b = pos.get(String(r.codeBId));
    if (a === undefined || b === undefined) return;
    const v = withRef(valueOf(r, 'both', 'both', threshold, fmt), index, 'both');
    const cell: HeatCell = v.suppressed || typeof r.jaccard !== 'number' ? v : { ...v, note: `Jaccard ${r.jaccard.toFixed(2)}` };
    cells[a]![b] = cell;
    cells[b]![a] = cell;
  });
  chosen.forEach((_, i) => (cells[i]![i] = null));
  const flat = cells.flat().filter((c): c is HeatCell => c !== null);
  const categories = chosen.map(([id, c]) => ({ id, label: lastSegment(c.label), fullLabel: c.label }));
  const unit = String(result.stats?.unit ?? 'unit');
  return {
    kind: 'heatmap',
    colour: 'blues',
    title: options.title ?? result.title,
    description:
      chosen.length === 0
        ? 'No codes appear together.'
        : `Heatmap of how many ${unit}s have both codes, for ${chosen.length} codes; darker cells are higher. The matrix is symmetric and the diagonal is left blank.`,
    notes: [
      ...(codes.size > chosen.length ? [`Showing the ${chosen.length} most-coded of ${codes.size} codes that co-occur.`] : []),
      ...suppressionNote(countSuppressed(flat) / 2, threshold),
    ],
    rowLabel: 'Code',
    columnLabel: 'Code',
    rows: categories,
    columns: categories,
    cells,
    domain: [0, maxOf(flat, 1)],
    valueLabel: `${unit[0]!.toUpperCase()}${unit.slice(1)}s with both codes`,
  };
}

const MISSING_PAIR: HeatCell = { value: 0, text: '0' };

/** Depth of a code from its path ("Theme › Sub" → 1). */
function pathDepth(path: Cell | undefined): number {
  return typeof path === 'string' && path ? path.split(' › ').length - 1 : 0;
}

/** "Theme › Sub" → "Sub" (the full path stays in `fullLabel`). */
export function lastSegment(path: string): string {
  const i = path.lastIndexOf(' › ');
  return i < 0 ? path : path.slice(i + 3);
}

// ── Triangulation ─────────────────────────────────────────────────────────────────────────

const STATUS_LABEL: Record<string, string> = {
  corroborated: 'Corroborated',
  'single-source': 'Single source',
  divergent: 'Divergent',
  'not found': 'Not found',
};

export function triangulationGrid(result: AnalysisTable, options: TitleOption = {}): HeatmapSpec {
  expectKind(result, 'triangulation', 'triangulationGrid');
  const threshold = disclosureThreshold(result);
  const kinds = result.columns.flatMap((c) => (c.key.endsWith(':present') ? [c.key.slice(0, -':present'.length)] : []));
  const cells: HeatCell[][] = result.rows.map((r, index) =>
    kinds.map((k) => {
      const status = String(r.status);
      const v = withRef(valueOf(r, `${k}:pct`, `${k}:participants`, threshold, pct), index, `${k}:participants`);
      if (v.suppressed) return { ...v, category: status, note: STATUS_LABEL[status] ?? status };
      if (r[`${k}:present`] !== true) return { value: 0, text: '–', category: 'not found', note: 'not found' };
      return { ...v, category: status, note: `${STATUS_LABEL[status] ?? status}` };
    }),
  );
  const count = (s: string) => result.rows.filter((r) => r.status === s).length;
  return {
    kind: 'heatmap',
    colour: 'corroboration',
    title: options.title ?? result.title,
    description:
      result.rows.length === 0 || kinds.length === 0
        ? 'No themes or kinds of source to show.'
        : `Grid of ${result.rows.length} themes by ${kinds.length} kinds of source. Each cell shows the % of participants from that kind of source who mentioned the theme, coloured by the theme’s status: ${count('corroborated')} corroborated, ${count('single-source')} single-source, ${count('divergent')} divergent.`,
    notes: [...suppressionNote(countSuppressed(cells.flat()), threshold), ...result.warnings.filter((w) => !w.startsWith('Counts from 1 to'))],
    rowLabel: 'Theme',
    columnLabel: 'Kind of source',
    rows: result.rows.map((r) => ({ id: String(r.codeId), label: String(r.theme) })),
    columns: kinds.map((k) => ({ id: k, label: k[0]!.toUpperCase() + k.slice(1) })),
    cells,
    categories: ['corroborated', 'single-source', 'divergent', 'not found'].map((key) => ({ key, label: STATUS_LABEL[key]! })),
    rowNotes: result.rows.map((r) => STATUS_LABEL[String(r.status)] ?? String(r.status)),
    rowNotesLabel: 'Status',
    valueLabel: '% of participants from that kind of source',
  };
}

// ── Change over time ──────────────────────────────────────────────────────────────────────

export interface TimeLinesOptions extends TitleOption {
  measure?: 'participants' | 'responses';
  /** Codes to draw (default the `limit` codes with the highest peak). */
  codeIds?: string[];
  limit?: number;
}

export function timeLines(result: AnalysisTable, options: TimeLinesOptions = {}): LineChartSpec {
  expectKind(result, 'time', 'timeLines');
  const threshold = disclosureThreshold(result);
  const [countKey, pctKey] = options.measure === 'responses' ? ['r', 'rp'] : ['p', 'pp'];
  const periods = groupsOf(result, countKey, options.measure === 'responses' ? ': responses' : ': participants');
  const codeRows = result.rows.filter((r) => r.codeId !== null);
  const series = codeRows.map((r) => ({
    key: String(r.codeId),
    label: String(r.code),
    values: periods.map((g) => withRef(valueOf(r, `${pctKey}:${g.i}`, `${countKey}:${g.i}`, threshold, pct), result.rows.indexOf(r), `${countKey}:${g.i}`)),
  }));
  const wanted = options.codeIds ? new Set(options.codeIds) : null;
  const limit = options.limit ?? 6;
  const shown = wanted ? series.filter((s) => wanted.has(s.key)) : topInOrder(series, limit, (s) => maxOf(s.values, -1));
  const flat = shown.flatMap((s) => s.values);
  const top = maxOf(flat, 0);
  const what = options.measure === 'responses' ? 'responses' : 'participants';
  return {
    kind: 'line',
    colour: 'okabe-ito',
    title: options.title ?? result.title,
    description:
      periods.length === 0 || shown.length === 0
        ? 'No periods or codes to show.'
        : `Line chart of the % of ${what} with each of ${shown.length} codes across ${periods.length} periods, from ${periods[0]!.label} to ${periods[periods.length - 1]!.label}.`,
    notes: [
      ...(!wanted && series.length > shown.length ? [`Showing ${shown.length} of ${series.length} codes: those with the highest peak.`] : []),
      ...suppressionNote(countSuppressed(flat), threshold),
      ...result.warnings.filter((w) => !w.startsWith('Counts from 1 to')),
    ],
    xLabel: 'Period',
    yLabel: `% of ${what}`,
    x: periods.map((g) => g.label),
    series: shown,
    domain: [0, Math.max(10, Math.ceil(top / 10) * 10)],
    markers: true,
  };
}

// ── Saturation ────────────────────────────────────────────────────────────────────────────

export function saturationCurve(result: AnalysisTable, options: TitleOption = {}): LineChartSpec {
  expectKind(result, 'saturation', 'saturationCurve');
  const values = result.rows.map((r) => (typeof r.cumulative === 'number' ? { value: r.cumulative, text: fmt(r.cumulative) } : MISSING));
  const total = maxOf(values, 0);
  const half = values.findIndex((v) => v.value !== null && v.value >= total * 0.9);
  return {
    kind: 'line',
    colour: 'okabe-ito',
    title: options.title ?? result.title,
    description:
      values.length === 0
        ? 'No coded documents yet.'
        : `Line chart of the number of distinct codes used so far, over ${values.length} documents in the order they were first coded. It reaches ${fmt(total)} codes; 90% of them had appeared by document ${half + 1}.`,
    notes: [],
    xLabel: 'Documents, in the order first coded',
    yLabel: 'Codes so far',
    x: result.rows.map((r) => String(r.position)),
    series: [{ key: 'cumulative', label: 'Codes so far', values }],
    domain: [0, Math.max(1, total)],
    markers: values.length <= 40,
  };
}

// ── Inter-coder agreement ─────────────────────────────────────────────────────────────────

/** Landis & Koch (1977) bands for kappa; 0.8 is also Krippendorff's "reliable" line for alpha. */
export const AGREEMENT_REFERENCE_LINES = [
  { value: 0.4, label: '0.4 moderate' },
  { value: 0.6, label: '0.6 substantial' },
  { value: 0.8, label: '0.8 almost perfect' },
];

export function agreementBars(report: AgreementReport, options: TitleOption = {}): BarChartSpec {
  if (!report || !Array.isArray(report.codes)) throw new Error('agreementBars needs an agreement report with a list of codes');
  const kappa = report.coders.length > 2 ? 'Fleiss’ kappa' : 'Cohen’s kappa';
  const stat = (v: number | null): ChartValue => (v === null ? { value: null, text: 'n/a' } : { value: v, text: v.toFixed(2) });
  const entries = report.codes.length ? [{ id: '__overall', label: 'All codes (pooled)', ...report.overall }, ...report.codes.map((c) => ({ id: c.codeId, label: c.code, ...c }))] : [];
  const values = entries.map((e) => [stat(e.kappa), stat(e.alpha)]);
  const low = Math.min(0, ...values.flat().map((v) => v.value ?? 0));
  const weak = report.codes.filter((c) => c.kappa !== null && c.kappa < 0.4).map((c) => c.code);
  return {
    kind: 'bar',
    colour: 'okabe-ito',
    title: options.title ?? `Inter-coder agreement by code (${report.unit})`,
    description:
      entries.length === 0
        ? 'No codes to compare.'
        : `Bar chart of ${kappa} and Krippendorff’s alpha for ${report.codes.length} codes and all codes pooled, between ${report.coders.length} coders, with reference lines at 0.4, 0.6 and 0.8. Overall kappa is ${stat(report.overall.kappa).text}.` +
          (weak.length ? ` ${weak.length} code(s) have kappa below 0.4.` : ''),
    notes: values.flat().some((v) => v.value === null) ? ['n/a: not defined (no units both coders saw, or no one applied the code).'] : [],
    categoryLabel: 'Code',
    valueLabel: 'Agreement (1 = perfect, 0 = chance)',
    series: [
      { key: 'kappa', label: kappa },
      { key: 'alpha', label: 'Krippendorff’s alpha' },
    ],
    categories: entries.map((e) => ({ id: e.id, label: e.label })),
    values,
    domain: [low, 1],
    referenceLines: AGREEMENT_REFERENCE_LINES,
  };
}

// ── Sentiment ─────────────────────────────────────────────────────────────────────────────

export function sentimentBars(result: AnalysisTable, options: TitleOption = {}): StackedBarSpec {
  expectKind(result, 'sentiment', 'sentimentBars');
  const threshold = disclosureThreshold(result);
  const rows = result.rows.filter((r) => isSuppressed(r.segments, threshold) || (typeof r.segments === 'number' && r.segments > 0));
  const left = result.rows.length - rows.length;
  const values = rows.map((r) => {
    if (isSuppressed(r.segments, threshold)) return [0, 1, 2].map(() => suppressedValue(threshold!));
    const pos = typeof r.positivePct === 'number' ? r.positivePct : 0;
    const neg = typeof r.negativePct === 'number' ? r.negativePct : 0;
    const neutral = Math.max(0, Math.round((100 - pos - neg) * 10) / 10);
    return [neg, neutral, pos].map((v) => ({ value: v, text: pct(v) }));
  });
  const totals = rows.map((r) => (isSuppressed(r.segments, threshold) ? suppressedValue(threshold!) : { value: r.segments as number, text: `n = ${fmt(r.segments as number)}` }));
  return {
    kind: 'stacked-bar',
    colour: 'sentiment',
    title: options.title ?? result.title,
    description:
      rows.length === 0
        ? 'No scored segments to show.'
        : `Stacked bars of the share of coded segments with a negative, neutral or positive indicative tone, for ${rows.length} codes. Indicative only: read the segments.`,
    notes: [
      ...(left > 0 ? [`${left} code(s) with no scored segments are left out.`] : []),
      ...suppressionNote(countSuppressed(totals), threshold),
      'Tone is an indicative word-list score: read the segments before drawing any conclusion.',
    ],
    categoryLabel: 'Code',
    valueLabel: '% of coded segments',
    series: [
      { key: 'negative', label: 'Negative' },
      { key: 'neutral', label: 'Neutral' },
      { key: 'positive', label: 'Positive' },
    ],
    categories: rows.map((r) => ({ id: String(r.codeId), label: lastSegment(String(r.code)), fullLabel: String(r.code) })),
    values,
    totals,
  };
}
