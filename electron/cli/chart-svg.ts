/**
 * Charts in the CLI: the app's d3 renderer (renderer/charts/svg.ts) drawing on a jsdom document, so
 * `npm run chorus -- …` writes the same SVG bytes the app saves. One document is made on first use.
 */
import { JSDOM } from 'jsdom';
import type { ChartSpec } from '../../shared/report/chart-spec';
import { renderChartSvg, type RenderOptions } from '../../renderer/charts/svg';

let doc: Document | null = null;

/** The standalone SVG for `spec`, exactly as the app's "Save as SVG" writes it (default width 800). */
export function chartSvg(spec: ChartSpec, opts: RenderOptions = {}): string {
  doc ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
  return renderChartSvg(spec, doc, { width: 800, ...opts });
}
