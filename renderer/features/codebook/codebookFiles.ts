import { codebookToCsv, codebookToXlsx, codesFromCsv, codesFromXlsx } from '../../../shared/coding/codebook-table';
import { readQdc, writeQdc } from '../../../shared/exchange/qdc';
import { decodeText } from '../../../shared/import/encoding';
import { newGuid, type Code } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';

export const CODEBOOK_FILE_TYPES = ['.qdc', '.csv', '.xlsx'];

/** Codes from a codebook file, by its extension. Throws with a one-line message naming the file and the problem. */
export function codesFromFile(name: string, bytes: Uint8Array, projectId: string): Code[] {
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const now = new Date().toISOString();
  try {
    if (ext === '.qdc' || ext === '.xml') return readQdc(decodeText(bytes).text, projectId, now);
    if (ext === '.csv') return codesFromCsv(decodeText(bytes).text, projectId, newGuid, now);
    if (ext === '.xlsx') return codesFromXlsx(bytes, projectId, newGuid, now);
  } catch (e) {
    throw new Error(`“${name}” could not be read: ${errorMessage(e)}. Nothing was imported.`);
  }
  throw new Error(`“${name}” is not a codebook file: choose a .qdc, .csv or .xlsx file.`);
}

export type CodebookFormat = 'qdc' | 'csv' | 'xlsx';

/** The codebook as a file to save: name, bytes and MIME type. */
export function codebookFile(codes: Code[], projectName: string, format: CodebookFormat): { name: string; bytes: Uint8Array; mime: string } {
  const base = `${projectName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'Chorus'} codebook`;
  if (format === 'qdc') return { name: `${base}.qdc`, bytes: new TextEncoder().encode(writeQdc(codes)), mime: 'application/xml' };
  if (format === 'csv') return { name: `${base}.csv`, bytes: new TextEncoder().encode(codebookToCsv(codes)), mime: 'text/csv' };
  return { name: `${base}.xlsx`, bytes: codebookToXlsx(codes), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
