/**
 * Golden SVGs: every chart kind drawn in Node (jsdom) by renderChartSvg from a fixed spec must equal
 * test/unit/charts/golden/<name>.svg byte for byte. UPDATE_GOLDEN=1 rewrites the files (then look at
 * the diff, and at the pictures). Each SVG is also checked to be well-formed XML with a <title> and
 * <desc> and no control characters.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartDataTable, type ChartKind } from '../../../shared/report';
import { renderChartSvg } from '../../../renderer/charts/svg';
import { GOLDEN_SPECS } from './specs';

const DIR = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const { window } = new JSDOM('<!doctype html><html><body></body></html>');

/** Parse as XML; a parse error comes back as a <parsererror> document. */
function parseXml(svg: string): Document {
  return new window.DOMParser().parseFromString(svg, 'image/svg+xml');
}

describe('golden SVGs', () => {
  if (update) mkdirSync(DIR, { recursive: true });
  for (const [name, make] of Object.entries(GOLDEN_SPECS)) {
    it(`${name} matches its golden file`, () => {
      const svg = renderChartSvg(make(), window.document);
      const file = join(DIR, `${name}.svg`);
      if (update) writeFileSync(file, svg);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(svg).toBe(readFileSync(file, 'utf8'));
    });

    it(`${name} is well-formed, titled and described, with no control characters`, () => {
      const spec = make();
      const svg = renderChartSvg(spec, window.document);
      // eslint-disable-next-line no-control-regex
      expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      const doc = parseXml(svg);
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      const root = doc.documentElement;
      expect(root.tagName).toBe('svg');
      expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(Number(root.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(root.getAttribute('height'))).toBeGreaterThan(0);
      expect(root.querySelector(':scope > title')?.textContent).toBe(spec.title);
      expect(root.querySelector(':scope > desc')?.textContent).toContain(spec.description);
      // no stylesheet, scripts or external references: everything inline
      expect(doc.querySelectorAll('style, script, image, foreignObject')).toHaveLength(0);
      expect(svg).not.toMatch(/href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      // every mark has an accessible name; the data table has a row per category, pair or node
      for (const m of doc.querySelectorAll('.mark')) expect(m.getAttribute('aria-label')).toBeTruthy();
      const table = chartDataTable(spec);
      expect(table.rows.length).toBeGreaterThan(0);
      for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
    });
  }

  it('covers every chart kind', () => {
    const kinds = new Set(Object.values(GOLDEN_SPECS).map((make) => make().kind));
    const all: ChartKind[] = ['bar', 'stacked-bar', 'heatmap', 'line', 'treemap', 'network', 'icon-array'];
    expect([...kinds].sort()).toEqual([...all].sort());
  });

  it('is byte-stable: the same spec draws the same SVG twice, in a fresh document too', () => {
    const other = new JSDOM('<!doctype html><html><body></body></html>').window.document;
    for (const make of Object.values(GOLDEN_SPECS)) {
      expect(renderChartSvg(make(), window.document)).toBe(renderChartSvg(make(), other));
      // defaults spelled out draw the same bytes (the app passes width 800; packs may not)
      expect(renderChartSvg(make(), window.document, { width: 800, theme: 'print' })).toBe(renderChartSvg(make(), other));
    }
  }, 60_000);

  it('user text is written as text, never markup', () => {
    const svg = renderChartSvg(GOLDEN_SPECS['ranked-bar']!(), window.document);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
