/**
 * The chief officers' pack is one printed A4 page: headline findings, 3–5 charts (two by two),
 * strength of evidence, decisions asked for and a two-sentence method. Counted on the PDF pdfmake
 * renders (the CLI and the browser route), on the demo project and on the pack fixture (findings,
 * recommendations and actions recorded).
 */
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/cli/chart-svg';
import { renderPdf } from '../../../electron/cli/pack-pdf';
import { buildDemoProject } from '../../../shared/demo';
import { buildPack, gatherPackInput, packToHtml, packToPdfDefinition, presetTemplate } from '../../../shared/packs';
import { MAX_EXECUTIVE_CHARTS, themeRowsOnly } from '../../../shared/packs/build';
import { packFixture } from './fixture';

/** Pages in a PDF: its page objects ("/Type /Page", not "/Pages"). */
export function pdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const projects = { demo: buildDemoProject(), fixture: packFixture().bundle };

describe('the chief officers’ pack fits one A4 page', () => {
  for (const [name, bundle] of Object.entries(projects)) {
    it(`${name}: the pdfmake PDF has exactly one page, with 3–${MAX_EXECUTIVE_CHARTS} charts and every section`, async () => {
      const input = gatherPackInput(bundle, { now: new Date('2026-04-01T09:00:00Z') });
      const doc = buildPack(presetTemplate('executive'), input);
      expect(doc.layout).toBe('one-page');
      const charts = doc.blocks.filter((b) => b.kind === 'chart').length;
      expect(charts).toBeGreaterThanOrEqual(3);
      expect(charts).toBeLessThanOrEqual(MAX_EXECUTIVE_CHARTS);
      const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
      expect(headings).toEqual(['Headline findings', 'The evidence in charts', 'How strong the evidence is', 'Decisions asked for', 'Method', 'Sources and dates', 'Limitations']);
      const pdf = await renderPdf(packToPdfDefinition(doc, chartSvg));
      expect(pdfPages(pdf)).toBe(1);
      // the partners' pack of the same project runs to several pages: the counter counts pages
      expect(pdfPages(await renderPdf(packToPdfDefinition(buildPack(presetTemplate('partners'), input), chartSvg)))).toBeGreaterThan(1);
    }, 180_000);
  }

  it('the method is two sentences of the full statement, and each strength is its rating sentence', () => {
    const input = gatherPackInput(projects.fixture);
    expect(input.method.startsWith(input.methodBrief)).toBe(true);
    expect(input.methodBrief.match(/[.!?](\s|$)/g)?.length).toBe(2);
    const doc = buildPack(presetTemplate('executive'), input);
    const texts = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
    expect(texts).toContain(input.methodBrief);
    for (const f of input.findings.filter((x) => x.audiences.length === 0 || x.audiences.includes('chief officers')))
      expect(texts).toContain(`${f.title} — ${f.strength.reasons.at(-1)}`);
  });

  it('its HTML groups the charts in a grid and marks the page for compact print', () => {
    const doc = buildPack(presetTemplate('executive'), gatherPackInput(projects.demo));
    const html = packToHtml(doc, chartSvg);
    expect(html).toContain('<main class="one-page">');
    const grid = /<div class="chart-grid">([\s\S]*?)<\/div>\n/.exec(html)?.[1] ?? '';
    expect((grid.match(/<figure class="chart"/g) ?? []).length).toBe(doc.blocks.filter((b) => b.kind === 'chart').length);
    // other packs keep their full layout
    expect(packToHtml(buildPack(presetTemplate('partners'), gatherPackInput(projects.demo)), chartSvg)).toContain('<main>');
  });

  it('themeRowsOnly keeps the themes (paths without “›”) and every column', () => {
    const t = { title: 't', columns: [{ key: 'path', label: 'p', type: 'text' as const }], rows: [{ path: 'A' }, { path: 'A › a' }, { path: 'B' }], notes: { shows: '', limits: '' }, warnings: [] };
    const out = themeRowsOnly(t as never);
    expect(out.rows.map((r) => r.path)).toEqual(['A', 'B']);
    expect(out.columns).toBe(t.columns);
  });
});
