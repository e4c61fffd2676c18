/**
 * Lines over an ordered axis of labels: each series has its own colour, dash pattern and marker
 * shape, so lines differ without colour. Suppressed points break the line and show a hatched marker
 * on the axis with "<N".
 */
import { line, scaleLinear, scalePoint, symbol, symbolsFill } from 'd3';
import { SERIES_DASHES, seriesColour } from '../../shared/report/chart-colours';
import type { ChartValue, LineChartSpec } from '../../shared/report/chart-spec';
import { bottomPointAxis, leftValueAxis } from './axes';
import { markTarget, outlineFor, PAD, spoken, type Frame } from './frame';
import { drawLegend } from './legend';

export function drawLines(frame: Frame, spec: LineChartSpec): number {
  const { body, width, theme, hatch } = frame;
  let y = 0;
  if (spec.series.length > 1 || spec.series[0]?.label !== spec.yLabel)
    y +=
      drawLegend(
        body,
        spec.series.map((s, i) => ({ label: s.label, stroke: seriesColour(i), dash: SERIES_DASHES[i % SERIES_DASHES.length], symbolIndex: spec.markers ? i : undefined })),
        PAD,
        0,
        width - 2 * PAD,
        theme,
      ) + 10;
  const plotX = PAD + 56;
  const plotW = width - plotX - PAD - 12;
  const plotH = 300;
  const x = scalePoint<string>().domain(spec.x.map((_, i) => String(i))).range([0, plotW]).padding(0.3);
  const xs = scalePoint<string>().domain(spec.x).range([0, plotW]).padding(0.3);
  const yScale = scaleLinear().domain(spec.domain).range([plotH, 0]).nice();
  const plot = body.append('g').attr('class', 'plot').attr('transform', `translate(${plotX},${y + 6})`);
  leftValueAxis(plot, yScale, plotW, spec.yLabel, theme);
  const unique = new Set(spec.x).size === spec.x.length;
  const axisH = unique ? bottomPointAxis(plot, xs, plotH, spec.xLabel, theme) : bottomPointAxis(plot, x, plotH, spec.xLabel, theme);
  const px = (i: number) => x(String(i)) ?? 0;

  const marks = plot.append('g').attr('class', 'marks');
  spec.series.forEach((s, k) => {
    const colour = seriesColour(k);
    const path = line<ChartValue>()
      .defined((v) => v.value !== null)
      .x((_, i) => px(i))
      .y((v) => yScale(v.value ?? 0));
    const shown = s.values.filter((v) => v.value !== null);
    // Without markers the line itself is the mark: a <g> carries its label (aria-label is not allowed on a bare <path>).
    const holder = spec.markers ? plot.insert('g', '.marks') : plot.insert('g', '.marks').attr('class', 'mark');
    holder
      .append('path')
      .attr('class', 'series-line')
      .attr('d', path(s.values) ?? '')
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', theme.strokeWidth)
      .attr('stroke-dasharray', SERIES_DASHES[k % SERIES_DASHES.length] || null);
    if (!spec.markers) {
      holder.attr(
        'aria-label',
        shown.length ? `${s.label}: from ${shown[0]!.text} at ${spec.x[0]} to ${shown[shown.length - 1]!.text} at ${spec.x[spec.x.length - 1]}` : `${s.label}: no values`,
      );
      return;
    }
    const shape = symbol(symbolsFill[k % symbolsFill.length]!, 48)();
    s.values.forEach((v, i) => {
      if (v.value === null && !v.suppressed) return;
      const mark = marks.append('g').attr('class', 'mark').attr('aria-label', `${s.label}, ${spec.x[i]}: ${spoken(v)}`);
      markTarget(frame, mark, v);
      if (v.suppressed) {
        mark.append('rect').attr('x', px(i) - 5).attr('y', plotH - 12).attr('width', 10).attr('height', 10).attr('fill', hatch).attr('stroke', colour);
        mark.append('title').text(`${s.label}, ${spec.x[i]}: ${v.text}`);
        return;
      }
      mark.append('path').attr('d', shape).attr('transform', `translate(${px(i)},${yScale(v.value!)})`).attr('fill', colour).attr('stroke', outlineFor(colour) ?? '#FFFFFF').attr('stroke-width', 0.8);
      mark.append('title').text(`${s.label}, ${spec.x[i]}: ${v.text}`);
    });
  });
  const suppressed = spec.series.find((s) => s.values.some((v) => v.suppressed))?.values.find((v) => v.suppressed);
  let extra = 0;
  if (suppressed) {
    extra = drawLegend(body, [{ label: `Suppressed (${suppressed.text}): shown on the axis, line broken`, fill: hatch, outline: true }], PAD, y + 6 + plotH + axisH + 4, width - 2 * PAD, theme);
  }
  return y + 6 + plotH + axisH + extra;
}
