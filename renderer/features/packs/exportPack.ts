/** Write a pack in a format through the platform's save dialog. PDF: the platform's printToPdf of the HTML pack where it has one (Electron), else pdfmake. The writers are loaded on demand (docx, pdfmake and xlsx are large). */
import type { PackDocument } from '../../../shared/packs/model';
import { safeFileName } from '../../../shared/export/file-name';
import { renderChartSvg } from '../../charts/svg';
import type { ChartSpec } from '../../../shared/report/chart-spec';
import { getPlatform } from '../../platform';

export const APP_PACK_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type AppPackFormat = (typeof APP_PACK_FORMATS)[number];

const MIME: Record<AppPackFormat, string> = {
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The same drawing as the CLI's (electron/cli/chart-svg.ts: renderChartSvg at width 800), so the app and `chorus pack` write the same pack. */
const svgOf = (spec: ChartSpec) => renderChartSvg(spec, document, { width: 800 });

export async function packBytes(doc: PackDocument, format: AppPackFormat): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode((await import('../../../shared/packs/writers/html')).packToHtml(doc, svgOf));
    case 'docx':
      return (await import('../../../shared/packs/writers/docx')).packToDocx(doc, svgOf);
    case 'pdf': {
      // in the app (Electron): Chromium prints the HTML pack itself; elsewhere pdfmake draws it
      const platform = getPlatform();
      if (platform.printToPdf) return platform.printToPdf((await import('../../../shared/packs/writers/html')).packToHtml(doc, svgOf));
      const [{ packToPdfDefinition }, { renderPdfInBrowser }] = await Promise.all([import('../../../shared/packs/writers/pdf'), import('./pdfInBrowser')]);
      return renderPdfInBrowser(packToPdfDefinition(doc, svgOf));
    }
    case 'xlsx':
      return (await import('../../../shared/packs/writers/xlsx')).packToXlsx(doc);
  }
}

/** Returns the file name offered, or null when the user cancelled. */
export async function exportPack(doc: PackDocument, format: AppPackFormat): Promise<string | null> {
  const bytes = await packBytes(doc, format);
  const name = `${safeFileName(doc.title, 'pack')}.${format}`;
  return (await getPlatform().saveFile(name, bytes, MIME[format])) ? name : null;
}
