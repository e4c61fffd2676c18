/**
 * The pack as a pdfmake document definition (pure data). The CLI renders it with pdfmake in Node
 * (electron/cli/pack-pdf.ts, Roboto embedded, no file or URL access beyond the fonts); in the app
 * Electron's printToPDF of the HTML pack is the intended route (not wired yet). Charts are SVG
 * (pdfmake draws them as vectors); text is text, never markup.
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

export function packToPdfDefinition(doc: PackDocument, svgOf: (spec: ChartSpec) => string): Record<string, unknown> {
  const wide = doc.blocks.some((b) => b.kind === 'table' && b.table.columns.length > 8);
  return {
    info: { title: doc.title, subject: doc.subtitle, creator: 'Chorus' },
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 48],
    content: doc.blocks.flatMap((b) => blockNodes(b, svgOf)),
    footer: (page: number, pages: number) => ({ text: `${doc.subtitle} — page ${page} of ${pages}. Counts under ${doc.disclosureThreshold} are not published.`, style: 'note', margin: [40, 12, 40, 0] }),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4], color: '#1f4e79' },
      h3: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 2] },
      body: { margin: [0, 0, 0, 6] },
      lead: { fontSize: 12, margin: [0, 0, 0, 8] },
      note: { fontSize: 8.5, color: '#444444', margin: [0, 0, 0, 4] },
    },
  };
}
