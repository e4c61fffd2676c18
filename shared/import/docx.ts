/**
 * DOCX → plain text with mammoth's extractRawText (paragraphs separated by blank lines).
 * mammoth's Node build reads `{buffer}` and its browser build `{arrayBuffer}`; both hand the
 * value to JSZip, which accepts a Uint8Array or ArrayBuffer, so both keys are given and the
 * same call works in Node, Electron and the browser without Buffer.
 */
import mammoth from 'mammoth';
import { ImportError } from './types';
import { checkZip } from '../exchange/safe-zip';

export async function docxToText(bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ImportError('is not a DOCX file (not a ZIP archive)');
  try {
    checkZip(bytes);
  } catch (e) {
    throw new ImportError(`cannot be read as a DOCX document (${e instanceof Error ? e.message : String(e)})`);
  }
  const arrayBuffer = bytes.slice().buffer;
  try {
    const result = await mammoth.extractRawText({ arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer });
    return result.value.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
  } catch (e) {
    throw new ImportError(`cannot be read as a DOCX document (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'})`);
  }
}
