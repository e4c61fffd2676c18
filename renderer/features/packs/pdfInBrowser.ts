/**
 * A pack's pdfmake definition (shared/packs/writers/pdf.ts) rendered to PDF bytes in the renderer,
 * with pdfmake's browser build and its embedded Roboto (the same font the CLI embeds). Loaded on
 * demand: pdfmake and the fonts (about 3 MB) are fetched only when a PDF is exported. No URL is
 * ever fetched: every resource is in the virtual file system.
 * (In Electron, exportPack prints the HTML pack with printToPDF instead: Platform.printToPdf.)
 */
interface PdfMakeBrowser {
  addVirtualFileSystem(vfs: Record<string, string>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Uint8Array> };
}

/** CommonJS modules come through a bundler as `default` or as the namespace itself. */
const interop = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;

let loaded: Promise<PdfMakeBrowser> | null = null;

function pdfMake(): Promise<PdfMakeBrowser> {
  loaded ??= Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]).then(([pm, fonts]) => {
    const pdf = interop<PdfMakeBrowser>(pm);
    pdf.addVirtualFileSystem(interop<Record<string, string>>(fonts));
    pdf.setUrlAccessPolicy(() => false);
    return pdf;
  });
  return loaded;
}

export async function renderPdfInBrowser(definition: Record<string, unknown>): Promise<Uint8Array> {
  const buffer = await (await pdfMake()).createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
