/**
 * The pack as a pdfmake document definition (pure data). The CLI renders it with pdfmake in Node
 * (electron/cli/pack-pdf.ts, Roboto embedded, no file or URL access beyond the fonts); in the app
 * Electron's printToPDF of the HTML pack is used instead (renderer/features/packs/exportPack.ts). Charts are SVG
 * (pdfmake draws them as vectors); text is text, never markup. A one-page pack (the chief
 * officers') is set compact with its charts two by two, each fitted to a box, so it stays on one A4 page.
 */
import type { ChartSpec } from '../../report/chart-spec';
import type { PackBlock, PackDocument } from '../model';
import { inlineSvg } from './html';
import { svgSize } from './svg-size';

/** A4 width less 2 × 40 pt margins, in points. */
const CONTENT_PT = 515;

type Node = Record<string, unknown> | string;

function blockNodes(b: PackBlock, svgOf: (spec: ChartSpec) => string): Node[] {
  switch (b.kind) {
    case 'heading':
      return [{ text: b.text, style: `h${b.level}`, headlineLevel: b.level }];
    case 'paragraph':
      return [{ text: b.text, style: b.emphasis ?? 'body' }];
    case 'list':
      // fresh nodes: pdfmake rewrites the lists it is given in place
      return [b.ordered ? { ol: b.items.map((text) => ({ text })), style: 'body' } : { ul: b.items.map((text) => ({ text })), style: 'body' }];
    case 'quote':
      return [{ stack: [{ text: `“${b.text}”`, italics: true }, { text: b.attribution, style: 'note' }], margin: [20, 4, 0, 8] }];
    case 'chart': {
      const svg = inlineSvg(svgOf(b.spec));
      const size = svgSize(svg);
      const width = Math.min(CONTENT_PT, size.width);
      return [{ svg, width, margin: [0, 6, 0, 2] }, { text: b.alt, style: 'note' }, ...b.spec.notes.map((n) => ({ text: n, style: 'note' }))];
    }
    case 'table': {
      const tb = b.table;
      return [
        { text: tb.title, bold: true, margin: [0, 8, 0, 2] },
        {
          table: {
            headerRows: 1,
            widths: tb.columns.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [
              tb.columns.map((c) => ({ text: c, bold: true, fillColor: '#eef2f7' })),
              ...tb.rows.map((r) => r.map((c, i) => ({ text: c, alignment: tb.numeric[i] && i > 0 ? 'right' : 'left' }))),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: tb.columns.length > 8 ? 6 : 8,
        },
        ...tb.notes.map((n) => ({ text: n, style: 'note' })),
      ];
    }
  }
}

/** A one-page pack's chart box, in points: half the content width less the gutter, and a height that leaves room for the text. */
const GRID_CHART_PT: [number, number] = [252, 150];

/** Consecutive charts two to a row, each fitted to GRID_CHART_PT (its title is drawn in the chart). */
function chartGrid(charts: Array<Extract<PackBlock, { kind: 'chart' }>>, svgOf: (spec: ChartSpec) => string): Node[] {
  const rows: Node[] = [];
  for (let i = 0; i < charts.length; i += 2) {
    const cell = (b: Extract<PackBlock, { kind: 'chart' }> | undefined): Node => (b ? { svg: inlineSvg(svgOf(b.spec)), fit: GRID_CHART_PT } : { text: '' });
    rows.push({ columns: [cell(charts[i]), cell(charts[i + 1])], columnGap: 11, margin: [0, 3, 0, 3] });
  }
  return rows;
}

function contentNodes(doc: PackDocument, svgOf: (spec: ChartSpec) => string): Node[] {
  if (doc.layout !== 'one-page') return doc.blocks.flatMap((b) => blockNodes(b, svgOf));
  const out: Node[] = [];
  let run: Array<Extract<PackBlock, { kind: 'chart' }>> = [];
  for (const b of [...doc.blocks, null]) {
    if (b?.kind === 'chart') {
      run.push(b);
      continue;
    }
    if (run.length) out.push(...chartGrid(run, svgOf));
    run = [];
    if (b) out.push(...blockNodes(b, svgOf));
  }
  return out;
}

const STYLES = {
  h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
  h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4], color: '#1f4e79' },
  h3: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 2] },
  body: { margin: [0, 0, 0, 6] },
  lead: { fontSize: 12, margin: [0, 0, 0, 8] },
  note: { fontSize: 8.5, color: '#444444', margin: [0, 0, 0, 4] },
};
const ONE_PAGE_STYLES = {
  h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
  h2: { fontSize: 10, bold: true, margin: [0, 5, 0, 2], color: '#1f4e79' },
  h3: { fontSize: 9, bold: true, margin: [0, 3, 0, 1] },
  body: { margin: [0, 0, 0, 2] },
  lead: { fontSize: 9, margin: [0, 0, 0, 3] },
  note: { fontSize: 7, color: '#444444', margin: [0, 0, 0, 2] },
};

export function packToPdfDefinition(doc: PackDocument, svgOf: (spec: ChartSpec) => string): Record<string, unknown> {
  const onePage = doc.layout === 'one-page';
  const wide = doc.blocks.some((b) => b.kind === 'table' && b.table.columns.length > 8);
  return {
    info: { title: doc.title, subject: doc.subtitle, creator: 'Chorus' },
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: onePage ? [40, 30, 40, 34] : [40, 40, 40, 48],
    content: contentNodes(doc, svgOf),
    footer: (page: number, pages: number) => ({ text: `${doc.subtitle} — page ${page} of ${pages}. Counts under ${doc.disclosureThreshold} are not published.`, style: 'note', margin: [40, onePage ? 10 : 12, 40, 0] }),
    defaultStyle: { font: 'Roboto', fontSize: onePage ? 8 : 10, lineHeight: onePage ? 1.1 : 1.2 },
    styles: onePage ? ONE_PAGE_STYLES : STYLES,
  };
}
