/**
 * The stable entry for drawing a chart spec to a standalone SVG string, in the app (window.document)
 * and in Node (a jsdom document): `renderChartSvg(spec, doc, opts)`. Packs, the CLI and the app's
 * "Save as SVG" all call this, so they draw the same bytes. No React, no browser globals.
 */
import type { ChartSpec } from '../../shared/report/chart-spec';
import { fnv1a } from '../../shared/hash';
import { chartToSvgString, type RenderOptions } from './render';

export type { RenderOptions };

/** FNV-1a of a string, as 8 hex digits. */
const fnv1aHex = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

/**
 * A standalone SVG document (XML declaration, xmlns, width/height and viewBox, <title> and <desc>,
 * every style an inline attribute, no external references) for `spec`. Byte-stable: the ids inside
 * come from a hash of the spec and options unless `opts.idPrefix` is given (give distinct prefixes
 * when two identical charts go in one HTML page). Default theme 'print', width 800.
 */
export function renderChartSvg(spec: ChartSpec, doc: Document, opts: RenderOptions = {}): string {
  // the options as drawn (defaults filled in), so equivalent calls give the same ids
  const width = Math.max(320, Math.round(opts.width ?? 800));
  const theme = opts.theme ?? 'print';
  // (a value's ref names where it came from and is never drawn in an export, so it is left out)
  const idPrefix = opts.idPrefix ?? `chorus-chart-${fnv1aHex(JSON.stringify([spec, width, theme], (k, v: unknown) => (k === 'ref' ? undefined : v)))}`;
  return chartToSvgString(spec, doc, { ...opts, width, theme, idPrefix });
}
