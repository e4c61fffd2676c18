/** Axes styled to the theme, with light grid lines across the plot. */
import { axisBottom, axisLeft, type ScaleLinear, type ScalePoint } from 'd3';
import type { Sel } from './frame';
import { truncate } from './text';
import type { ChartTheme } from './theme';

function style(g: Sel, theme: ChartTheme): void {
  g.attr('font-family', null).attr('font-size', null);
  g.selectAll('.domain').attr('stroke', theme.axis);
  g.selectAll('.tick line').attr('stroke', theme.axis);
  g.selectAll('.tick text').attr('fill', theme.ink).attr('font-size', theme.fontSize - 1);
}

/** A horizontal value axis at `y`, with vertical grid lines of height `gridHeight` above it. */
export function bottomValueAxis(parent: Sel, x: ScaleLinear<number, number>, y: number, gridHeight: number, label: string, theme: ChartTheme): number {
  const ticks = Math.max(2, Math.floor((x.range()[1]! - x.range()[0]!) / 90));
  parent
    .append('g')
    .attr('class', 'grid')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(x.ticks(ticks))
    .join('line')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', y - gridHeight)
    .attr('y2', y)
    .attr('stroke', theme.grid);
  const g = parent.append('g').attr('class', 'axis').attr('aria-hidden', 'true').attr('transform', `translate(0,${y})`);
  g.call(axisBottom(x).ticks(ticks));
  style(g, theme);
  return bottomAxisTitle(g, x.range(), label, theme);
}

/** A vertical value axis at `x`, with horizontal grid lines `gridWidth` wide. */
export function leftValueAxis(parent: Sel, y: ScaleLinear<number, number>, gridWidth: number, label: string, theme: ChartTheme): void {
  const ticks = Math.max(2, Math.floor((y.range()[0]! - y.range()[1]!) / 50));
  parent
    .append('g')
    .attr('class', 'grid')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(y.ticks(ticks))
    .join('line')
    .attr('x1', 0)
    .attr('x2', gridWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', theme.grid);
  const g = parent.append('g').attr('class', 'axis').attr('aria-hidden', 'true');
  g.call(axisLeft(y).ticks(ticks));
  style(g, theme);
  const [a, b] = y.range();
  g.append('text')
    .attr('transform', `translate(-44,${(a! + b!) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', theme.ink)
    .text(label);
}

/** A categorical x axis at `y` showing at most one label per `minGap` pixels; returns its height. */
export function bottomPointAxis(parent: Sel, x: ScalePoint<string>, y: number, label: string, theme: ChartTheme, minGap = 64): number {
  const domain = x.domain();
  const step = Math.max(1, Math.ceil(domain.length / Math.max(1, Math.floor((x.range()[1]! - x.range()[0]!) / minGap) + 1)));
  const last = domain.length - 1;
  const shown = domain.filter((_, i) => i === last || (i % step === 0 && (last - i >= step * 0.6 || i === 0)));
  const g = parent.append('g').attr('class', 'axis').attr('aria-hidden', 'true').attr('transform', `translate(0,${y})`);
  g.call(axisBottom(x).tickValues(shown).tickFormat((d) => truncate(d, minGap - 6, theme.fontSize - 1)));
  style(g, theme);
  return bottomAxisTitle(g, x.range(), label, theme);
}

/** The title under a bottom axis, centred on its range; returns the axis' height with the title. */
function bottomAxisTitle(g: Sel, [a, b]: number[], label: string, theme: ChartTheme): number {
  g.append('text')
    .attr('x', (a! + b!) / 2)
    .attr('y', 34)
    .attr('text-anchor', 'middle')
    .attr('fill', theme.ink)
    .text(label);
  return 42;
}
