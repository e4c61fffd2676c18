/**
 * DOCX via the docx package: real heading styles (Heading1–3), tables as Word tables with a header
 * row, charts as SVG images (with a plain PNG fallback, see ./png.ts) carrying alt text (docPr
 * descr), quotes as indented paragraphs. Text goes in as text runs — never parsed as markup.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ChartSpec } from '../../report/chart-spec';
import { replaceControlChars } from '../../control-chars';
import type { PackBlock, PackDocument, PackTable } from '../model';
import { panelPng } from './png';
import { svgSize } from './svg-size';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Text safe for XML 1.0 (no control characters). */
const t = (s: string) => replaceControlChars(s);
/** Usable page width in pixels at 96 dpi (A4 less 2 × 2.54 cm margins ≈ 6.27 in). */
const PAGE_PX = 600;

function tableOf(tb: PackTable): Array<Paragraph | Table> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      borders,
      children: [new Paragraph({ alignment: tb.numeric[i] && i > 0 ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: t(text), bold: header, size: 18 })] })],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: tb.columns.map((c, i) => cell(c, i, true)) }),
    ...tb.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
  ];
  return [
    new Paragraph({ children: [new TextRun({ text: t(tb.title), bold: true })] }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
    ...tb.notes.map((n) => new Paragraph({ children: [new TextRun({ text: t(n), size: 16, color: '444444' })] })),
  ];
}

function blockOf(b: PackBlock, svgOf: (spec: ChartSpec) => string): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(t(b.text))] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: t(b.text), italics: b.emphasis === 'note', size: b.emphasis === 'lead' ? 26 : undefined })] })];
    case 'list':
      return b.items.map((item, i) => new Paragraph({ ...(b.ordered ? {} : { bullet: { level: 0 } }), children: [new TextRun(t(b.ordered ? `${i + 1}. ${item}` : item))] }));
    case 'quote':
      return [
        new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: t(`“${b.text}”`), italics: true })] }),
        new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: t(b.attribution), size: 18, color: '444444' })] }),
      ];
    case 'chart': {
      const svg = svgOf(b.spec);
      const size = svgSize(svg);
      const scale = Math.min(1, PAGE_PX / size.width);
      const width = Math.round(size.width * scale);
      const height = Math.round(size.height * scale);
      const bytes = new TextEncoder().encode(svg);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: bytes,
              fallback: { type: 'png', data: panelPng(width, height) },
              transformation: { width, height },
              altText: { name: t(b.spec.title).slice(0, 200), title: t(b.spec.title), description: t(b.alt) },
            }),
          ],
        }),
        ...b.spec.notes.map((n) => new Paragraph({ children: [new TextRun({ text: t(n), size: 16, color: '444444' })] })),
      ];
    }
    case 'table':
      return tableOf(b.table);
  }
}

/** The pack as a .docx file's bytes. */
export async function packToDocx(doc: PackDocument, svgOf: (spec: ChartSpec) => string): Promise<Uint8Array> {
  const children = doc.blocks.flatMap((b) => blockOf(b, svgOf));
  children.push(new Paragraph({ children: [new TextRun({ text: t(`${doc.subtitle}. Produced ${doc.generatedAt.slice(0, 10)} with Chorus. Counts under ${doc.disclosureThreshold} are not published.`), size: 16, color: '444444' })] }));
  const d = new Document({
    creator: 'Chorus',
    title: t(doc.title),
    description: t(doc.subtitle),
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(d));
}
