/** A legend of swatches (filled squares or line samples) that flows onto more rows when it runs out of width. */
import { symbol, symbolsFill } from 'd3';
import type { Sel } from './frame';
import { WIDE_FONT } from './categories';
import { drawnTextWidth, textWidth, truncate } from './text';
import type { ChartTheme } from './theme';

export interface LegendItem {
  label: string;
  /** A filled square in this colour (or a url() pattern). */
  fill?: string;
  /** A line sample in this colour, with `dash` and the marker `symbolIndex`. */
  stroke?: string;
  dash?: string;
  symbolIndex?: number;
  /** Outline for pale fills (e.g. white "not found"). */
  outline?: boolean;
}

const SWATCH = 12;
const LINE = 26;

/** Draw the legend at (x, y) within `maxWidth`; returns its height. */
export function drawLegend(parent: Sel, items: LegendItem[], x: number, y: number, maxWidth: number, theme: ChartTheme): number {
  if (items.length === 0) return 0;
  const g = parent.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  const rowH = theme.fontSize + 10;
  let cx = 0;
  let row = 0;
  for (const item of items) {
    const sample = item.stroke ? LINE : SWATCH;
    const label = truncate(item.label, Math.min(220, maxWidth - sample - 6), theme.fontSize);
    const it = g.append('g').attr('class', 'legend-item');
    const mid = rowH / 2 - 2;
    if (item.stroke) {
      it.append('line')
        .attr('x1', 0)
        .attr('x2', LINE)
        .attr('y1', mid)
        .attr('y2', mid)
        .attr('stroke', item.stroke)
        .attr('stroke-width', theme.strokeWidth)
        .attr('stroke-dasharray', item.dash || null);
      if (item.symbolIndex !== undefined)
        it.append('path')
          .attr('d', symbol(symbolsFill[item.symbolIndex % symbolsFill.length]!, 40)())
          .attr('transform', `translate(${LINE / 2},${mid})`)
          .attr('fill', item.stroke);
    } else {
      it.append('rect')
        .attr('y', mid - SWATCH / 2)
        .attr('width', SWATCH)
        .attr('height', SWATCH)
        .attr('fill', item.fill ?? theme.muted)
        .attr('stroke', item.outline ? theme.axis : null);
    }
    const text = it.append('text').attr('x', sample + 6).attr('y', mid).attr('dy', '0.35em').text(label);
    if (label !== item.label) text.append('title').text(item.label);
    // placed once its text is drawn, so the width is the drawn one (the next item never overlaps it)
    // off-screen (export) there is no measuring: allow for fonts wider than the estimate
    const w = sample + 6 + Math.max(drawnTextWidth(text.node(), label, theme.fontSize), textWidth(label, theme.fontSize) * WIDE_FONT) + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      row++;
    }
    it.attr('transform', `translate(${cx},${row * rowH})`);
    cx += w;
  }
  return (row + 1) * rowH;
}
