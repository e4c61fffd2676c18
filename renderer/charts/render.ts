/** renderChart: spec → accessible SVG in an injected container (so it runs under jsdom); chartToSvgString for exports. */
import { isEmptyChart, NO_DATA_MESSAGE, type ChartSpec } from '../../shared/report/chart-spec';
import { drawBar } from './bar';
import { finishFrame, startFrame, type Frame } from './frame';
import { drawHeatmap } from './heatmap';
import { drawLines } from './lines';
import { drawStacked } from './stacked';
import { chartTheme, type ChartThemeName } from './theme';
import { replaceControlChars } from '../../shared/control-chars';

export interface RenderOptions {
  /** Width in pixels of the drawing (the SVG scales to its container through its viewBox); default 800. */
  width?: number;
  theme?: ChartThemeName;
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
  const frame = startFrame(spec, container, width, chartTheme(opts.theme));
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
  renderChart(spec, holder, { theme: 'print', ...opts });
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

