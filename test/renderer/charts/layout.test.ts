/**
 * Chart layout where the browser's text is wider than the estimate (a wide system font): legend
 * items must not overlap, heatmap column labels must have room; and aria-labels only on <g> marks
 * (axe: aria-label is prohibited on an element with no role, such as a bare <path>).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { matrixHeatmap, saturationCurve, timeLines } from '../../../shared/report';
import { renderChart } from '../../../renderer/charts/render';
import { textWidth } from '../../../renderer/charts/text';
import { matrix, saturationTable, timeTable } from '../../fixtures/charts/tables';

const proto = (globalThis as unknown as { SVGElement: { prototype: Record<string, unknown> } }).SVGElement.prototype;
const WIDER = 1.4;

/** jsdom has no layout: make every <text> measure WIDER times its estimate, as a wide font would. */
function wideFont(): void {
  proto.getComputedTextLength = function (this: SVGElement) {
    return textWidth(this.textContent ?? '', 12) * WIDER;
  };
}
afterEach(() => {
  delete proto.getComputedTextLength;
});

function draw(spec: Parameters<typeof renderChart>[0], width = 800): SVGSVGElement {
  const root = document.createElement('div');
  document.body.append(root);
  renderChart(spec, root, { width });
  return root.querySelector('svg')!;
}

const xOf = (el: Element) => Number(/translate\(([-\d.]+),/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);
const yOf = (el: Element) => Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);

describe('chart layout with a wide font', () => {
  it('legend items on a row start after the previous item as drawn, and wrap within the width', () => {
    wideFont();
    const t = timeTable();
    const many = { ...t, rows: t.rows.map((r) => ({ ...r, code: `A rather long code name for ${String(r.code)}` })) };
    const svg = draw(timeLines(many), 640);
    const items = [...svg.querySelectorAll('.legend-item')];
    expect(items.length).toBeGreaterThan(1);
    for (let i = 1; i < items.length; i++) {
      const prev = items[i - 1]!;
      if (yOf(items[i]!) !== yOf(prev)) continue;
      const label = prev.querySelector('text')!;
      const end = xOf(prev) + Number(label.getAttribute('x')) + textWidth(label.textContent!, 12) * WIDER;
      expect(xOf(items[i]!)).toBeGreaterThan(end);
    }
    for (const it of items) expect(xOf(it)).toBeLessThan(640);
  });

  it('slanted heatmap column labels get room for their drawn length', () => {
    wideFont();
    const m = matrix();
    const spec = matrixHeatmap(m);
    const long = { ...spec, columns: spec.columns.map((c, i) => ({ ...c, label: `A long group label number ${i + 1} (n = 100)` })) };
    const svg = draw(long);
    const head = svg.querySelector('.column-labels')!;
    const drawn = Math.max(...[...head.querySelectorAll('text')].map((t) => textWidth(t.firstChild!.textContent!, 12) * WIDER));
    // a 45° label rises 0.71 × its length above its baseline: that much room between the legend's last row and the baseline
    const legend = svg.querySelector('.legend')!;
    const legendBottom = yOf(legend) + Math.max(...[...legend.querySelectorAll('.legend-item')].map(yOf)) + 22;
    expect(yOf(head) - legendBottom).toBeGreaterThanOrEqual(drawn * 0.71);
  });
});

describe('chart accessibility', () => {
  it('only <g> marks and the <svg> carry aria-label (a saturation line is labelled by its group)', () => {
    const t = saturationTable();
    const long = saturationCurve({ ...t, rows: Array.from({ length: 120 }, (_, i) => ({ ...t.rows[0]!, position: i + 1, cumulative: Math.min(30, i + 1) })) });
    for (const spec of [long, saturationCurve(t), timeLines(timeTable()), matrixHeatmap(matrix())]) {
      const svg = draw(spec);
      const labelled = [...svg.querySelectorAll('[aria-label]')];
      expect(labelled.length).toBeGreaterThan(0);
      for (const el of labelled) expect(el.tagName.toLowerCase()).toBe('g');
    }
    const sat = draw(long);
    expect(sat.querySelector('.mark > path.series-line')).not.toBeNull();
  });
});

describe('category labels with a wide font', () => {
  it('are shortened until they fit the label column as drawn, keeping the full name as a tooltip', () => {
    wideFont();
    const svg = draw(matrixHeatmap(matrix()), 480);
    const labels = [...svg.querySelectorAll('.category-labels text')];
    expect(labels.length).toBeGreaterThan(0);
    const plotX = xOf(svg.querySelector('.plot')!);
    for (const t of labels) {
      const own = t.firstChild!.textContent!;
      expect(16 + Number(t.getAttribute('x')) + textWidth(own, 12) * WIDER).toBeLessThanOrEqual(plotX);
      if (own.endsWith('…')) expect(t.querySelector('title')?.textContent?.length).toBeGreaterThan(own.length - 1);
    }
  });
});
