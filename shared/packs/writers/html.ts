/**
 * One self-contained HTML file: inline CSS and SVG, no scripts, no external requests (a CSP of
 * default-src 'none' says so to the browser), a print stylesheet. Every piece of text is escaped:
 * imported text is never HTML. Chart SVG comes from our own renderer (its text is escaped by the DOM).
 */
import type { ChartSpec } from '../../report/chart-spec';
import type { PackBlock, PackDocument, PackTable } from '../model';

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Our own SVG, without its XML prolog, and with anything that could fetch or run removed (defence in depth). */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\s(?:href|xlink:href|src)\s*=\s*"(?!#)[^"]*"/gi, '')
    .replace(/\son\w+\s*=\s*"[^"]*"/gi, '')
    .trim();
}

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
p.lead { font-size: 1.1rem; color: #333; }
p.note { color: #444; font-size: .95rem; }
figure { margin: 1.25rem 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
figcaption { font-size: .9rem; color: #444; }
figure.quote { border-left: 4px solid #1f4e79; padding: .25rem 0 .25rem 1rem; }
figure.quote blockquote { margin: 0; font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #999; padding: .25rem .4rem; vertical-align: top; }
th { background: #eef2f7; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
ul.table-notes { font-size: .85rem; color: #444; }
footer.pack { margin-top: 3rem; font-size: .85rem; color: #444; border-top: 1px solid #ccc; padding-top: .5rem; }
@media print {
  @page { size: A4; margin: 12mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
/* the one-page pack (chief officers): charts two by two, compact type; it prints on one A4 page */
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: .75rem 1.25rem; }
.chart-grid figure { margin: .5rem 0; }
@media print {
  main.one-page { font-size: 8pt; line-height: 1.25; }
  main.one-page h1 { font-size: 14pt; margin: 0 0 1mm; }
  main.one-page h2 { font-size: 10pt; margin: 2mm 0 .8mm; padding-bottom: .3mm; border-bottom-width: 1.5px; }
  main.one-page p, main.one-page ul, main.one-page ol { margin: 0 0 1mm; }
  main.one-page ul, main.one-page ol { padding-left: 5mm; }
  main.one-page p.lead { font-size: 9pt; }
  main.one-page p.note { font-size: 7.5pt; }
  main.one-page .chart-grid { grid-template-columns: 1fr 1fr; gap: 1mm 5mm; }
  main.one-page .chart-grid figure { margin: 0; }
  main.one-page figure.chart svg { max-height: 50mm; }
  main.one-page figcaption { display: none; }
  main.one-page footer.pack { margin-top: 2mm; padding-top: 1mm; font-size: 7pt; }
}
`;

function tableHtml(t: PackTable): string {
  const head = t.columns.map((c, i) => `<th scope="col"${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  const notes = t.notes.length ? `<ul class="table-notes">${t.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  // a wide table scrolls: the region takes keyboard focus so it can be scrolled without a mouse
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(t.title)}"><table><caption>${escapeHtml(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${notes}`;
}

function blockHtml(b: PackBlock, svgOf: (spec: ChartSpec) => string): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.emphasis ? ` class="${b.emphasis}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<figure class="quote"><blockquote><p>${escapeHtml(b.text)}</p></blockquote><figcaption>${escapeHtml(b.attribution)}</figcaption></figure>`;
    case 'chart':
      return `<figure class="chart" role="group" aria-label="${escapeHtml(b.spec.title)}">${inlineSvg(svgOf(b.spec))}<figcaption>${escapeHtml(b.alt)}${b.spec.notes.length ? ` ${escapeHtml(b.spec.notes.join(' '))}` : ''}</figcaption></figure>`;
    case 'table':
      return tableHtml(b.table);
  }
}

/** The pack as one HTML file. `svgOf` draws a chart spec (renderer/charts in the app, with jsdom in Node). */
export function packToHtml(doc: PackDocument, svgOf: (spec: ChartSpec) => string): string {
  const parts: string[] = [];
  let grid: string[] = [];
  const endGrid = () => {
    if (grid.length) parts.push(`<div class="chart-grid">\n${grid.join('\n')}\n</div>`);
    grid = [];
  };
  for (const b of doc.blocks) {
    // a one-page pack's charts (one after another) share a grid
    if (doc.layout === 'one-page' && b.kind === 'chart') grid.push(blockHtml(b, svgOf));
    else {
      endGrid();
      parts.push(blockHtml(b, svgOf));
    }
  }
  endGrid();
  const body = parts.join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main${doc.layout === 'one-page' ? ' class="one-page"' : ''}>
${body}
<footer class="pack"><p>${escapeHtml(doc.subtitle)}. Produced ${escapeHtml(doc.generatedAt.slice(0, 10))} with Chorus. Counts under ${doc.disclosureThreshold} are not published.</p></footer>
</main>
</body>
</html>
`;
}
