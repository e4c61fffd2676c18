/** The format writers: self-contained escaped HTML, DOCX with real headings and alt text, XLSX of every table, a PDF definition. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/cli/chart-svg';
import { buildPack, gatherPackInput, packToDocx, packToHtml, packToPdfDefinition, packToXlsx, presetTemplate } from '../../../shared/packs';
import { escapeHtml, inlineSvg } from '../../../shared/packs/writers/html';
import { panelPng } from '../../../shared/packs/writers/png';
import { packFixture } from './fixture';

const fx = packFixture();
const input = gatherPackInput(fx.bundle, { now: new Date('2026-04-01T09:00:00Z') });
const exec = buildPack(presetTemplate('executive'), input);
const partners = buildPack(presetTemplate('partners'), input);
const N = fx.bundle.project.settings.disclosureThreshold;

describe('HTML', () => {
  const html = packToHtml(exec, chartSvg);
  it('is self-contained: a CSP of default-src none, no script, no external src/href/url()', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=\s*"(?!#)/i);
    expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
    expect(html).not.toMatch(/@import/);
    expect(html).toMatch(/@media print/);
    expect((html.match(/<svg/g) ?? []).length).toBe(exec.blocks.filter((b) => b.kind === 'chart').length);
  });
  it('escapes every imported text: a hostile finding title is text, not markup', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(fx.hostileTitle));
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('inlineSvg strips a prolog, scripts, handlers and external references', () => {
    const dirty = `<?xml version="1.0"?>\n<svg><script>alert(1)</script><a href="http://x"><text onclick="x()">t</text></a><use href="#ok"/></svg>`;
    expect(inlineSvg(dirty)).toBe('<svg><a><text>t</text></a><use href="#ok"/></svg>');
  });
});

describe('DOCX', () => {
  it('has Heading1/Heading2 paragraphs, every drawing carries descr alt text, tables are Word tables', async () => {
    for (const doc of [exec, partners]) {
      const files = unzipSync(await packToDocx(doc, chartSvg));
      const xml = strFromU8(files['word/document.xml']!);
      expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
      expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
      const drawings = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
      expect(drawings.length).toBe(doc.blocks.filter((b) => b.kind === 'chart').length);
      for (const d of drawings) expect(d).toMatch(/descr="[^"]{20,}"/);
      expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(doc.blocks.filter((b) => b.kind === 'table').length);
      expect(xml).not.toContain('<img src=x');
      if (doc === partners) expect(xml).toContain(`fewer than ${N}`);
      const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
      expect(media.some((f) => f.endsWith('.svg'))).toBe(doc.blocks.some((b) => b.kind === 'chart'));
    }
  }, 120_000);
  it('the PNG fallback is a valid PNG of the asked size', () => {
    const png = panelPng(300, 120);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([300, 120]);
  });
});

describe('XLSX', () => {
  it('one sheet per table and per chart, plus About; suppressed cells read “fewer than N”; no formula', () => {
    const files = unzipSync(packToXlsx(partners));
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const tables = partners.blocks.filter((b) => b.kind === 'table').length;
    const charts = partners.blocks.filter((b) => b.kind === 'chart').length;
    expect(sheets.length).toBe(1 + tables + charts);
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain(`fewer than ${N}`);
    for (const s of sheets) expect(strFromU8(files[s]!)).not.toMatch(/<f>|<f /);
    expect(strings).toContain('=SUM(A1:A9)'); // a codebook definition written as text, as it is
  });
  it('the executive pack (no tables) has its charts’ data', () => {
    const files = unzipSync(packToXlsx(exec));
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('How many participants raised each theme');
    expect(Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length).toBe(1 + exec.blocks.filter((b) => b.kind === 'chart').length);
  });
});

describe('PDF definition', () => {
  it('headings, charts as SVG, tables with a header row, text never markup', () => {
    const def = packToPdfDefinition(partners, chartSvg) as { content: Array<Record<string, unknown>> };
    expect(def.content.filter((n) => n.style === 'h2').length).toBeGreaterThan(4);
    expect(def.content.filter((n) => typeof n.svg === 'string').length).toBe(partners.blocks.filter((b) => b.kind === 'chart').length);
    const tables = def.content.filter((n) => n.table) as Array<{ table: { headerRows: number; body: unknown[][] } }>;
    expect(tables.length).toBe(partners.blocks.filter((b) => b.kind === 'table').length);
    expect(tables.every((t) => t.table.headerRows === 1 && t.table.body.length >= 1)).toBe(true);
  });
});
