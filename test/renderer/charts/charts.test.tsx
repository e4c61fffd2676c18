import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { forPublication } from '../../../shared/analysis';
import {
  agreementBars,
  cooccurrenceHeatmap,
  frequencyChart,
  matrixHeatmap,
  saturationCurve,
  sentimentBars,
  timeLines,
  triangulationGrid,
  type ChartSpec,
} from '../../../shared/report';
import { Chart } from '../../../renderer/charts/Chart';
import { chartToSvgString, renderChart } from '../../../renderer/charts/render';
import { textWidth, truncate, wrap } from '../../../renderer/charts/text';
import { agreementReport, cooccurrenceTable, frequencies, matrix, saturationTable, sentimentTableFixture, SCRIPT_NAME, timeTable, triangulationTable } from '../../fixtures/charts/tables';

function draw(spec: ChartSpec, width?: number): { root: HTMLDivElement; svg: SVGSVGElement; marks: Element[]; labels: string[] } {
  const root = document.createElement('div');
  renderChart(spec, root, { width });
  const svg = root.querySelector('svg')!;
  const marks = [...svg.querySelectorAll('.mark')];
  return { root, svg, marks, labels: marks.map((m) => m.getAttribute('aria-label') ?? '') };
}

describe('every chart', () => {
  const specs: ChartSpec[] = [
    frequencyChart(frequencies()),
    matrixHeatmap(matrix()),
    cooccurrenceHeatmap(cooccurrenceTable()),
    triangulationGrid(triangulationTable()),
    timeLines(timeTable()),
    saturationCurve(saturationTable()),
    agreementBars(agreementReport()),
    sentimentBars(sentimentTableFixture()),
  ];

  it.each(specs.map((s) => [s.kind, s.title, s] as const))('%s "%s": an accessible, responsive svg with title and desc', (_kind, _title, spec) => {
    const { root, svg } = draw(spec);
    expect(root.children).toHaveLength(1);
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.querySelector(':scope > title')!;
    const desc = svg.querySelector(':scope > desc')!;
    expect(title.textContent).toBe(spec.title);
    expect(desc.textContent).toContain(spec.description);
    expect(svg.getAttribute('aria-labelledby')).toBe(title.id);
    expect(svg.getAttribute('aria-describedby')).toBe(desc.id);
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.getAttribute('style')).toContain('max-width: 100%');
    expect(svg.querySelectorAll('.mark').length).toBeGreaterThan(0);
  });

  it('redrawing clears the container first', () => {
    const root = document.createElement('div');
    renderChart(specs[0]!, root);
    renderChart(specs[1]!, root);
    expect(root.querySelectorAll('svg')).toHaveLength(1);
    expect(root.querySelector('svg')!.getAttribute('data-chart-kind')).toBe('heatmap');
  });
});

describe('bar chart', () => {
  it('one mark per code with its value in the aria-label', () => {
    const { marks, labels } = draw(frequencyChart(frequencies()));
    expect(marks).toHaveLength(5);
    expect(labels[0]).toBe('Contact: 30 (75%)');
    expect(labels[2]).toBe('Contact › Kept informed: 27 (67.5%)');
    expect(marks[0]!.querySelector('rect')!.getAttribute('fill')).toBe('#0072B2');
  });

  it('user text is text, never markup', () => {
    const { svg, labels } = draw(frequencyChart(frequencies()), 1600);
    expect(svg.querySelector('script, b')).toBeNull();
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts.some((t) => t?.startsWith('<script>alert("x")</script>'))).toBe(true);
    expect(labels[1]).toBe(`Contact › ${SCRIPT_NAME}: 4 (10%)`);
  });

  it('long names are shortened with an ellipsis and keep the full name in a <title>', () => {
    const long = 'A very long code name that goes on and on about waiting for a call back from the officer';
    const t = frequencies();
    t.rows[0] = { ...t.rows[0]!, code: long, path: long };
    const { svg } = draw(frequencyChart(t));
    const label = [...svg.querySelectorAll('.category-labels text')][0]!;
    expect(label.firstChild!.textContent).toMatch(/…$/);
    expect(label.firstChild!.textContent!.length).toBeLessThan(long.length);
    expect(label.querySelector('title')!.textContent).toBe(long);
  });

  it('suppressed counts show "fewer than 10" hatched, never the count', () => {
    const { svg, marks, labels } = draw(frequencyChart(forPublication(frequencies(), 10)));
    const mark = marks[1]!;
    expect(mark.querySelector('text')!.textContent).toBe('fewer than 10');
    expect(mark.querySelector('rect')!.getAttribute('fill')).toMatch(/^url\(#chorus-chart-\d+-hatch\)$/);
    expect(labels[1]).toMatch(/: fewer than 10 \(suppressed\)$/);
    expect(svg.textContent).not.toContain('4 (10%)');
    expect(svg.querySelector(mark.querySelector('rect')!.getAttribute('fill')!.slice(4, -1))!.tagName).toBe('pattern');
  });

  it('grouped bars with reference lines: a mark per code and series; n/a without a bar', () => {
    const { svg, marks, labels } = draw(agreementBars(agreementReport()));
    expect(marks).toHaveLength(8);
    expect(labels).toContain('Kindness, Cohen’s kappa: 0.85');
    expect(labels).toContain('Unused, Krippendorff’s alpha: n/a');
    expect(marks[7]!.querySelector('rect')).toBeNull();
    expect([...svg.querySelectorAll('.reference-lines text')].map((t) => t.textContent)).toEqual(['0.4 moderate', '0.6 substantial', '0.8 almost perfect']);
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['Cohen’s kappa', 'Krippendorff’s alpha']);
    // A negative kappa draws left of zero.
    const neg = marks[4]!.querySelector('rect')!;
    const zero = Number(svg.querySelector('.plot > line')!.getAttribute('x1'));
    expect(Number(neg.getAttribute('x')) + Number(neg.getAttribute('width'))).toBeCloseTo(zero, 5);
  });
});

describe('heatmap', () => {
  it('a mark per cell with a text label inside, named by row and column', () => {
    const { marks, labels } = draw(matrixHeatmap(matrix()));
    expect(marks).toHaveLength(4);
    expect(marks.map((m) => m.querySelector('text')!.textContent)).toEqual(['75%', '75%', '15%', '75%']);
    expect(labels[2]).toBe('Contact › Kindness, Female (n = 20): 15% (3 participant(s))');
  });

  it('text colour contrasts with the cell fill', () => {
    const { marks } = draw(matrixHeatmap(matrix()));
    for (const m of marks) {
      const fill = m.querySelector('rect')!.getAttribute('fill');
      const ink = m.querySelector('text')!.getAttribute('fill');
      expect(ink).toBe(fill === '#2171b5' || fill === '#08306b' ? '#FFFFFF' : '#000000');
    }
  });

  it('co-occurrence: no mark on the diagonal', () => {
    const { svg, marks } = draw(cooccurrenceHeatmap(cooccurrenceTable()));
    expect(marks).toHaveLength(6);
    expect(svg.querySelectorAll('rect.blank')).toHaveLength(3);
  });

  it('suppressed cells are hatched with "fewer than 10" and a legend entry', () => {
    const { svg, marks, labels } = draw(matrixHeatmap(forPublication(matrix(), 10)));
    expect(marks[2]!.querySelector('text')!.textContent).toBe('fewer than 10');
    expect(marks[2]!.querySelector('rect')!.getAttribute('fill')).toMatch(/^url\(#/);
    expect(labels[2]).toContain('fewer than 10 (suppressed)');
    expect(svg.textContent).not.toMatch(/\b15%/);
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toContain('Suppressed (fewer than 10)');
  });

  it('triangulation: status colours, status text per row, not-found cells', () => {
    const { svg, marks, labels } = draw(triangulationGrid(triangulationTable()));
    expect(marks).toHaveLength(4);
    expect(marks.map((m) => m.querySelector('rect')!.getAttribute('fill'))).toEqual(['#0072B2', '#0072B2', '#F0E442', '#FFFFFF']);
    expect(labels[3]).toBe('Delay, Interview: – (not found)');
    expect([...svg.querySelectorAll('.row-note')].map((t) => t.textContent)).toEqual(['Corroborated', 'Single source']);
  });
});

describe('lines and stacked bars', () => {
  it('a marker per point, each series its own colour and dash', () => {
    const { svg, marks, labels } = draw(timeLines(timeTable()));
    expect(marks).toHaveLength(6);
    expect(labels).toContain('Delay, 2024-02: 60%');
    const paths = [...svg.querySelectorAll('path.series-line')];
    expect(paths).toHaveLength(2);
    expect(new Set(paths.map((p) => p.getAttribute('stroke'))).size).toBe(2);
    expect(paths[0]!.getAttribute('stroke-dasharray')).toBeNull();
    expect(paths[1]!.getAttribute('stroke-dasharray')).toBe('6 3');
  });

  it('a suppressed point breaks the line and is shown hatched on the axis', () => {
    const { svg, labels } = draw(timeLines(forPublication(timeTable(), 5)));
    expect(labels).toContain('Contact, 2024-03: fewer than 5 (suppressed)');
    const d = svg.querySelector('path.series-line')!.getAttribute('d')!;
    expect(d.match(/[ML]/g)).toHaveLength(2);
  });

  it('saturation over many documents: one line mark, no per-point markers', () => {
    const t = saturationTable();
    const rows = Array.from({ length: 120 }, (_, i) => ({ ...t.rows[0]!, position: i + 1, cumulative: Math.min(30, i + 1) }));
    const { marks, labels } = draw(saturationCurve({ ...t, rows }));
    expect(marks).toHaveLength(1);
    expect(labels[0]).toBe('Codes so far: from 1 at 1 to 30 at 120');
  });

  it('stacked bars: a mark per part, totals after; a suppressed code is one "fewer than 10" mark', () => {
    const { svg, marks, labels } = draw(sentimentBars(sentimentTableFixture()));
    expect(marks).toHaveLength(6);
    expect(labels.slice(0, 3)).toEqual(['Contact, Negative: 25%', 'Contact, Neutral: 25%', 'Contact, Positive: 50%']);
    expect([...svg.querySelectorAll('.total')].map((t) => t.textContent)).toEqual(['n = 40', 'n = 4']);
    const pub = draw(sentimentBars(forPublication(sentimentTableFixture(), 10)));
    expect(pub.marks).toHaveLength(4);
    expect(pub.labels[3]).toBe('Contact › Kindness: fewer than 10 (suppressed)');
    expect([...pub.svg.querySelectorAll('.total')].map((t) => t.textContent)).toEqual(['n = 40']);
    expect([...pub.svg.querySelectorAll('text')].map((t) => t.textContent)).not.toContain('n = 4');
  });
});

describe('empty specs', () => {
  it.each([
    frequencyChart({ ...frequencies(), rows: [] }),
    matrixHeatmap({ ...matrix(), rows: [] }),
    timeLines({ ...timeTable(), rows: [] }),
    sentimentBars({ ...sentimentTableFixture(), rows: [] }),
  ])('$kind says "No data to show" and draws no marks', (spec) => {
    const { svg, marks } = draw(spec);
    expect(marks).toHaveLength(0);
    expect(svg.querySelector('.empty-message')!.textContent).toBe('No data to show');
    expect(svg.querySelector('desc')!.textContent).not.toBe('');
  });
});

describe('chartToSvgString', () => {
  it('is a well-formed standalone SVG with inline styles and no external references', () => {
    const svg = chartToSvgString(frequencyChart(forPublication(frequencies(), 10)), document);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg).not.toMatch(/<style|<script|href=|@import|https?:\/\/(?!www\.w3\.org)/);
    expect(svg).toContain('&lt;script&gt;');
    expect(parsed.documentElement.getAttribute('width')).toBe('800');
    expect(parsed.documentElement.getAttribute('font-family')).toContain('sans-serif');
  });

  it('a control character in a label (ESC) never reaches the SVG, which stays valid XML', () => {
    const table = frequencies();
    table.rows[0] = { ...table.rows[0]!, code: 'Contact\u001b]0;pwned\u0007\u001b[31m', path: 'Contact\u001b[31m' };
    const svg = chartToSvgString(frequencyChart(table), document);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(svg).toContain('Contact\uFFFD]0;pwned\uFFFD');
    expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).toBeNull();
  });

  it('width option changes the drawing width', () => {
    const svg = chartToSvgString(matrixHeatmap(matrix()), document, { width: 1000 });
    expect(svg).toMatch(/viewBox="0 0 1000 \d+"/);
  });
});

describe('text helpers', () => {
  it('truncate never exceeds the width and keeps short text', () => {
    expect(truncate('Short', 200, 12)).toBe('Short');
    for (const w of [20, 50, 100, 150]) {
      const t = truncate('Victims’ Code entitlements and other long words', w, 12);
      expect(textWidth(t, 12)).toBeLessThanOrEqual(w);
      expect(t.endsWith('…')).toBe(true);
    }
    expect(wrap('one two three four five six', 60, 12).length).toBeGreaterThan(1);
  });
});

describe('<Chart>', () => {
  it('renders the spec and redraws when it changes', () => {
    const { getByTestId, rerender } = render(<Chart spec={frequencyChart(frequencies())} />);
    const el = getByTestId('chart');
    expect(el.querySelectorAll('svg .mark')).toHaveLength(5);
    rerender(<Chart spec={frequencyChart(frequencies(), { maxLevel: 0 })} />);
    expect(el.querySelectorAll('svg')).toHaveLength(1);
    expect(el.querySelectorAll('svg .mark')).toHaveLength(2);
    expect(el.querySelector('svg')!.getAttribute('width')).toBe('800');
  });
});
