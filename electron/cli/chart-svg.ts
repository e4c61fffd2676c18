/**
 * Chart specs → standalone SVG in Node: the app's d3 renderer with a jsdom document injected, so
 * the CLI draws exactly the charts the app draws. The one import to switch when
 * renderer/charts/svg.ts (renderChartSvg) lands.
 */
import { JSDOM } from 'jsdom';
import { chartToSvgString } from '../../renderer/charts/render';
import type { ChartSpec } from '../../shared/report/chart-spec';

let dom: JSDOM | null = null;

export function chartSvg(spec: ChartSpec): string {
  dom ??= new JSDOM('<!DOCTYPE html><html><body></body></html>');
  return chartToSvgString(spec, dom.window.document);
}
