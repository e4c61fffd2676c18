/**
 * Chart marks name the table cell behind their count (data-row/data-key), so the app can open its
 * segments: checked for every chart kind against the AnalysisTable the chart was built from and
 * the chart's own data table. Suppressed marks name nothing; exports carry none of it.
 */
import { describe, expect, it } from 'vitest';
import { forPublication, type AnalysisTable, type Row } from '../../../shared/analysis';
import {
  chartDataTable,
  chartValues,
  codebookTreemap,
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  frequencyChart,
  lastSegment,
  matrixHeatmap,
  timeLines,
  triangulationGrid,
  type ChartSpec,
} from '../../../shared/report';
import { chartToSvgString, renderChart } from '../../../renderer/charts/render';
import { cooccurrenceTable, frequencies, matrix, timeTable, triangulationTable } from '../../fixtures/charts/tables';

const fmt = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

function draw(spec: ChartSpec, interactive: boolean): SVGSVGElement {
  const root = document.createElement('div');
  renderChart(spec, root, { interactive, idPrefix: 't' });
  return root.querySelector('svg')!;
}

/** The code a cell belongs to, as its label names it. */
function nameOf(row: Row, key: string): string {
  const name = key === 'unitsB' ? row.codeB : key === 'unitsA' || key === 'both' ? row.codeA : (row.code ?? row.theme);
  return lastSegment(String(name));
}

/** What a mark on `key` may show: the count itself, or a percentage whose basis is that count. */
function shownTexts(table: AnalysisTable, row: Row, key: string): string[] {
  const texts: string[] = [];
  if (typeof row[key] === 'number') texts.push(fmt(row[key] as number));
  for (const c of table.columns) if (c.type === 'percent' && c.basis === key && typeof row[c.key] === 'number') texts.push(`${fmt(row[c.key] as number)}%`);
  return texts;
}

const cases: Array<[string, AnalysisTable, (t: AnalysisTable) => ChartSpec]> = [
  ['bar (frequencies)', frequencies(), (t) => frequencyChart(t)],
  ['ranked bar (documents)', frequencies(), (t) => frequencyChart(t, { order: 'ranked', measure: 'documents' })],
  ['heatmap (matrix, column %)', matrix(), (t) => matrixHeatmap(t)],
  ['heatmap (matrix, counts)', matrix(), (t) => matrixHeatmap(t, { measure: 'count' })],
  ['heatmap (co-occurrence)', cooccurrenceTable(), (t) => cooccurrenceHeatmap(t)],
  ['heatmap (triangulation)', triangulationTable(), (t) => triangulationGrid(t)],
  ['treemap', frequencies(), (t) => codebookTreemap(t)],
  ['network', cooccurrenceTable(), (t) => cooccurrenceNetwork(t)],
  ['line', timeTable(), (t) => timeLines(t)],
];

describe('chart marks carry the table cell behind their count', () => {
  it.each(cases)('%s', (_, table, build) => {
    const spec = build(table);
    const svg = draw(spec, true);
    const targets = [...svg.querySelectorAll('[data-row][data-key]')];
    const withRef = chartValues(spec).filter((v) => v.ref);
    expect(targets.length).toBeGreaterThan(0);
    expect(withRef.length).toBeGreaterThan(0);
    const dataTexts = new Set(chartDataTable(spec).rows.flat());
    for (const mark of targets) {
      const row = table.rows[Number(mark.getAttribute('data-row'))]!;
      const key = mark.getAttribute('data-key')!;
      const label = mark.getAttribute('aria-label')!;
      expect(row, label).toBeDefined();
      // a count column of the table, the row's own code, and the figure the mark shows
      expect(table.columns.find((c) => c.key === key)?.type, label).toBe('count');
      expect(label).toContain(nameOf(row, key));
      expect(
        shownTexts(table, row, key).some((t) => new RegExp(`: ${t.replace(/[.%]/g, '\\$&')}(?![\\d.])`).test(label)),
        `${label} shows ${key} of row ${mark.getAttribute('data-row')}`,
      ).toBe(true);
      // the same figure as the chart's data table
      expect([...dataTexts].some((t) => t !== '–' && label.includes(`: ${t}`)) || spec.kind === 'network' || spec.kind === 'treemap', label).toBe(true);
      // a keyboard-reachable button, named by its value
      expect(mark.getAttribute('tabindex')).toBe('0');
      expect(mark.getAttribute('role')).toBe('button');
      expect(label).toMatch(/ — open the segments$/);
    }
    // every numeric, unsuppressed value of a count in the chart is a target (the co-occurrence heatmap draws each pair twice)
    const distinct = new Set(targets.map((m) => `${m.getAttribute('data-row')}|${m.getAttribute('data-key')}`));
    expect(distinct.size).toBe(new Set(withRef.map((v) => `${v.ref!.row}|${v.ref!.key}`)).size);
    expect(svg.getAttribute('role')).toBe('group');
  });

  it.each(cases)('%s: no suppressed mark opens anything when prepared for publication', (_, table, build) => {
    const published = forPublication(table, 10);
    const spec = build(published);
    const svg = draw(spec, true);
    for (const v of chartValues(spec)) if (v.suppressed) expect(v.ref).toBeUndefined();
    for (const mark of svg.querySelectorAll('[data-row]')) {
      expect(mark.getAttribute('aria-label')).not.toContain('suppressed');
      const row = published.rows[Number(mark.getAttribute('data-row'))]!;
      expect(typeof row[mark.getAttribute('data-key')!]).toBe('number');
    }
    const suppressedMarks = [...svg.querySelectorAll('.mark')].filter((m) => m.getAttribute('aria-label')?.includes('(suppressed)'));
    for (const m of suppressedMarks) expect(m.hasAttribute('tabindex')).toBe(false);
  });

  it.each(cases)('%s: not interactive (exports, goldens) means no targets', (_, table, build) => {
    const spec = build(table);
    const svg = draw(spec, false);
    expect(svg.querySelectorAll('[data-row], [tabindex], [role="button"]').length).toBe(0);
    expect(svg.getAttribute('role')).toBe('img');
    const exported = chartToSvgString(spec, document, { interactive: true, idPrefix: 'x' });
    expect(exported).not.toMatch(/data-row|tabindex|role="button"/);
  });
});
