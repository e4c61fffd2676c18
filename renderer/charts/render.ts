/**
 * renderChart: spec → accessible SVG in an injected container; chartToSvgString for exports.
 * This module and everything it imports is plain d3 on an injected DOM: no React and no browser
 * globals (the CLI and tests run it under jsdom). The stable entry for other code is ./svg.ts.
 */
import { isEmptyChart, NO_DATA_MESSAGE, type ChartSpec } from '../../shared/report/chart-spec';
import { drawBar } from './bar';
import { finishFrame, startFrame, type Frame } from './frame';
import { drawHeatmap } from './heatmap';
import { drawLines } from './lines';
import { drawIconArray } from './icon-array';
import { drawNetwork } from './network';
import { drawStacked } from './stacked';
import { drawTreemap } from './treemap';
import { chartTheme, type ChartThemeName } from './theme';
import { replaceControlChars } from '../../shared/control-chars';

export interface RenderOptions {
  /** Width in pixels of the drawing (the SVG scales to its container through its viewBox); default 800. */
  width?: number;
  theme?: ChartThemeName;
  /** Prefix for the ids inside the SVG (default a fresh serial number; fix it for byte-stable output). */
  idPrefix?: string;
  /**
   * Marks whose value has a ref become focusable buttons with data-row/data-key (for the app to
   * open the segments behind them); default false, so exports and goldens carry none of it.
   */
  interactive?: boolean;
}

function drawEmpty(frame: Frame, spec: ChartSpec): number {
  frame.body
    .append('text')
    .attr('class', 'empty-message')
    .attr('x', frame.width / 2)
    .attr('y', 40)
    .attr('text-anchor', 'middle')
    .attr('fill', frame.theme.muted)
    .attr('font-size', frame.theme.fontSize + 2)
    .text(spec.emptyMessage ?? NO_DATA_MESSAGE);
  return 64;
}

/** Clear `container` and draw `spec` into it as one <svg>. */
export function renderChart(spec: ChartSpec, container: Element, opts: RenderOptions = {}): void {
  const width = Math.max(320, Math.round(opts.width ?? 800));
  const frame = startFrame(spec, container, width, chartTheme(opts.theme), opts.idPrefix, opts.interactive ?? false);
  if (isEmptyChart(spec)) return finishFrame(frame, spec, drawEmpty(frame, spec));
  switch (spec.kind) {
    case 'bar':
      return finishFrame(frame, spec, drawBar(frame, spec));
    case 'stacked-bar':
      return finishFrame(frame, spec, drawStacked(frame, spec));
    case 'heatmap': {
      const { height, width: w } = drawHeatmap(frame, spec);
      return finishFrame(frame, spec, height, w);
    }
    case 'line':
      return finishFrame(frame, spec, drawLines(frame, spec));
    case 'treemap':
      return finishFrame(frame, spec, drawTreemap(frame, spec));
    case 'network':
      return finishFrame(frame, spec, drawNetwork(frame, spec));
    case 'icon-array':
      return finishFrame(frame, spec, drawIconArray(frame, spec));
    default: {
      const kind: never = spec;
      throw new Error(`unknown chart kind "${(kind as { kind?: unknown }).kind}"`);
    }
  }
}

/**
 * A standalone SVG document for export: every style is an attribute (no stylesheet), fonts are
 * generic, and there are no external references. `document` is any DOM Document (jsdom in Node).
 */
export function chartToSvgString(spec: ChartSpec, document: Document, opts: RenderOptions = {}): string {
  const holder = document.createElement('div');
  renderChart(spec, holder, { theme: 'print', ...opts, interactive: false });
  const svg = holder.querySelector('svg')!;
  svg.style.removeProperty('max-width');
  svg.style.removeProperty('height');
  svg.style.removeProperty('display');
  if (!svg.getAttribute('style')) svg.removeAttribute('style');
  const Serializer = document.defaultView?.XMLSerializer;
  const xml = Serializer ? new Serializer().serializeToString(svg) : svg.outerHTML.replace(/&nbsp;/g, '&#160;');
  // a control character in a label (from an older store or a name typed in) is not allowed in XML 1.0
  return `<?xml version="1.0" encoding="UTF-8"?>\n${replaceControlChars(xml)}\n`;
}

