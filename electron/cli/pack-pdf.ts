/** Render a pack's pdfmake definition to PDF bytes in Node: Roboto embedded, no URL access, local files only under the fonts folder. */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(def: unknown): { getBuffer(): Promise<Uint8Array> };
}

export async function renderPdf(definition: Record<string, unknown>): Promise<Uint8Array> {
  const pdfmake = require('pdfmake') as PdfMake;
  const fonts = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
  const fontDir = path.dirname(fonts.Roboto.normal!);
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}
