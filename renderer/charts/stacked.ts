/** Horizontal 100% stacked bars (e.g. negative / neutral / positive), with percentages inside parts that fit. */
import { scaleLinear } from 'd3';
import { CATEGORY_COLOURS, seriesColour, textColourOn } from '../../shared/report/chart-colours';
import type { StackedBarSpec } from '../../shared/report/chart-spec';
import { bottomValueAxis } from './axes';
import { categoryName, drawCategoryLabels, labelColumnWidth } from './categories';
import { outlineFor, PAD, seriesPaint, spoken, type Frame } from './frame';
import { drawLegend } from './legend';
import { textWidth } from './text';

export function partColour(spec: StackedBarSpec, j: number): string {
  const key = spec.series[j]?.key ?? '';
  return spec.colour === 'sentiment' ? (CATEGORY_COLOURS.sentiment[key] ?? seriesColour(j)) : seriesColour(j);
}

export function drawStacked(frame: Frame, spec: StackedBarSpec): number {
  const { body, width, theme, hatch } = frame;
  const paint = (j: number) => (spec.colour === 'sentiment' ? partColour(spec, j) : seriesPaint(frame, j));
  let y = drawLegend(body, spec.series.map((s, j) => ({ label: s.label, fill: paint(j), outline: outlineFor(partColour(spec, j)) !== null })), PAD, 0, width - 2 * PAD, theme) + 8;
  const labelW = labelColumnWidth(spec.categories, theme, width * 0.34);
  const totalW = spec.totals.reduce((m, v) => Math.max(m, textWidth(v.text, theme.fontSize)), 0);
  const plotX = PAD + labelW;
  const plotW = Math.max(120, width - plotX - PAD - totalW - 10);
  const x = scaleLinear().domain([0, 100]).range([0, plotW]);
  const rowH = 28;
  const plotH = spec.categories.length * rowH;
  drawCategoryLabels(body.append('g').attr('transform', `translate(${PAD},${y})`), spec.categories, (i) => i * rowH + rowH / 2, labelW, theme);
  const plot = body.append('g').attr('class', 'plot').attr('transform', `translate(${plotX},${y})`);
  const axisH = bottomValueAxis(plot, x, plotH, plotH, spec.valueLabel, theme);
  const marks = plot.append('g').attr('class', 'marks');
  spec.categories.forEach((c, i) => {
    const parts = spec.values[i] ?? [];
    const total = spec.totals[i] ?? { value: null, text: '' };
    const top = i * rowH + 4;
    const h = rowH - 8;
    if (total.suppressed || parts.some((p) => p.suppressed)) {
      const mark = marks.append('g').attr('class', 'mark').attr('aria-label', `${categoryName(c)}: ${spoken(total.suppressed ? total : parts.find((p) => p.suppressed)!)}`);
      mark.append('rect').attr('x', 0).attr('y', top).attr('width', 10).attr('height', h).attr('fill', hatch).attr('stroke', theme.muted).attr('stroke-width', 0.5);
      mark.append('text').attr('x', 14).attr('y', top + h / 2).attr('dy', '0.35em').attr('fill', theme.muted).attr('font-style', 'italic').text(total.text);
      return;
    }
    let acc = 0;
    parts.forEach((p, j) => {
      const v = p.value ?? 0;
      const a = x(acc);
      const b = x(Math.min(100, acc + v));
      acc += v;
      const s = spec.series[j]!;
      const fill = partColour(spec, j);
      const mark = marks.append('g').attr('class', 'mark').attr('aria-label', `${categoryName(c)}, ${s.label}: ${spoken(p)}`);
      mark.append('rect').attr('x', a).attr('y', top).attr('width', Math.max(0, b - a)).attr('height', h).attr('fill', paint(j)).attr('stroke', outlineFor(fill)).attr('stroke-width', 0.75);
      if (b - a >= textWidth(p.text, theme.fontSize - 1) + 6)
        mark
          .append('text')
          .attr('x', (a + b) / 2)
          .attr('y', top + h / 2)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'middle')
          .attr('font-size', theme.fontSize - 1)
          .attr('fill', textColourOn(fill))
          .text(p.text);
      mark.append('title').text(`${categoryName(c)} — ${s.label}: ${p.text}`);
    });
    marks
      .append('text')
      .attr('class', 'total')
      .attr('x', x(100) + 6)
      .attr('y', top + h / 2)
      .attr('dy', '0.35em')
      .attr('fill', theme.muted)
      .attr('font-size', theme.fontSize - 1)
      .text(total.text);
  });
  y += plotH + axisH;
  return y;
}
