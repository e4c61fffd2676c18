/** Horizontal bars, grouped when there are several series, with value text and optional reference lines. */
import { scaleLinear } from 'd3';
import { seriesColour } from '../../shared/report/chart-colours';
import type { BarChartSpec } from '../../shared/report/chart-spec';
import { bottomValueAxis } from './axes';
import { categoryName, drawCategoryLabels, labelColumnWidth } from './categories';
import { markTarget, outlineFor, PAD, seriesPaint, spoken, type Frame } from './frame';
import { drawLegend } from './legend';
import { textWidth } from './text';

/** Draw the bars; returns the body height. */
export function drawBar(frame: Frame, spec: BarChartSpec): number {
  const { body, width, theme, hatch } = frame;
  const nS = spec.series.length;
  let y = 0;
  if (nS > 1)
    y += drawLegend(body, spec.series.map((s, i) => ({ label: s.label, fill: seriesPaint(frame, i), outline: outlineFor(seriesColour(i)) !== null })), PAD, 0, width - 2 * PAD, theme) + 6;
  const refs = spec.referenceLines ?? [];
  if (refs.length) y += (refs.length > 1 ? 2 : 1) * (theme.fontSize + 3) + 6;

  const labelW = labelColumnWidth(spec.categories, theme, width * 0.34);
  const widestValue = spec.values.flat().reduce((m, v) => Math.max(m, textWidth(v.text, theme.fontSize)), 0);
  const plotX = PAD + labelW;
  const plotW = Math.max(120, width - plotX - PAD - widestValue - 10);
  const values = spec.values.flat().map((v) => v.value ?? 0);
  const x = scaleLinear()
    .domain([Math.min(spec.domain[0], 0, ...values), Math.max(spec.domain[1], 0, ...values)])
    .range([0, plotW])
    .nice();

  const barH = nS > 1 ? 16 : 20;
  const groupH = nS * barH + 10;
  const plotTop = y;
  const plotH = spec.categories.length * groupH;
  drawCategoryLabels(body.append('g').attr('transform', `translate(${PAD},${plotTop})`), spec.categories, (i) => i * groupH + groupH / 2, labelW, theme);

  const plot = body.append('g').attr('class', 'plot').attr('transform', `translate(${plotX},${plotTop})`);
  const axisH = bottomValueAxis(plot, x, plotH, plotH, spec.valueLabel, theme);
  const zero = x(0);
  const marks = plot.append('g').attr('class', 'marks');
  spec.categories.forEach((c, i) => {
    spec.series.forEach((s, j) => {
      const v = spec.values[i]?.[j] ?? { value: null, text: '–' };
      const top = i * groupH + 5 + j * barH;
      const mark = marks
        .append('g')
        .attr('class', 'mark')
        .attr('aria-label', `${categoryName(c)}${nS > 1 ? `, ${s.label}` : ''}: ${spoken(v)}`);
      markTarget(frame, mark, v);
      let textX = zero + 4;
      if (v.suppressed) {
        mark.append('rect').attr('x', zero).attr('y', top + 1).attr('width', 10).attr('height', barH - 2).attr('fill', hatch).attr('stroke', theme.muted).attr('stroke-width', 0.5);
        textX = zero + 14;
      } else if (v.value !== null) {
        const a = x(Math.min(0, v.value));
        const b = x(Math.max(0, v.value));
        mark.append('rect').attr('x', a).attr('y', top + 1).attr('width', Math.max(0, b - a)).attr('height', barH - 2).attr('fill', seriesPaint(frame, j)).attr('stroke', outlineFor(seriesColour(j))).attr('stroke-width', 0.75);
        textX = b + 4;
      }
      mark
        .append('text')
        .attr('x', textX)
        .attr('y', top + barH / 2)
        .attr('dy', '0.35em')
        .attr('fill', v.suppressed || v.value === null ? theme.muted : theme.ink)
        .attr('font-style', v.suppressed ? 'italic' : null)
        .attr('font-size', theme.fontSize - 1)
        .attr('stroke', theme.background ?? '#FFFFFF')
        .attr('stroke-width', 3)
        .attr('paint-order', 'stroke')
        .text(v.text);
      mark.append('title').text(`${categoryName(c)}${nS > 1 ? ` — ${s.label}` : ''}: ${v.text}`);
    });
  });
  plot.append('line').attr('x1', zero).attr('x2', zero).attr('y1', 0).attr('y2', plotH).attr('stroke', theme.axis).attr('aria-hidden', 'true');

  const refG = plot.insert('g', '.marks').attr('class', 'reference-lines').attr('aria-hidden', 'true');
  refs.forEach((r, k) => {
    const rx = x(r.value);
    refG.append('line').attr('x1', rx).attr('x2', rx).attr('y1', -4).attr('y2', plotH).attr('stroke', theme.muted).attr('stroke-dasharray', '4 3');
    refG
      .append('text')
      .attr('x', rx)
      .attr('y', -8 - (k % 2) * (theme.fontSize + 3))
      .attr('text-anchor', 'middle')
      .attr('fill', theme.muted)
      .attr('font-size', theme.fontSize - 1)
      .text(r.label);
  });
  return plotTop + plotH + axisH;
}
