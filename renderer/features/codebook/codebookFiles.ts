import { codebookToCsv, codebookToXlsx, codesFromCsv, codesFromTable } from '../../../shared/coding/codebook-table';
import type { ParsedTable } from '../../../shared/import/types';
import { parseSpreadsheetFile } from '../../workers/parse-spreadsheet';
import { readQdc, writeQdc } from '../../../shared/exchange/qdc';
import { decodeText } from '../../../shared/import/encoding';
import { newGuid, type Code } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';

export { CODEBOOK_FILE_TYPES, type CodebookFormat } from './codebookFileTypes';
import type { CodebookFormat } from './codebookFileTypes';
const SPREADSHEETS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/** How a workbook is parsed: in a disposable worker (the default); tests pass their own. */
export type ParseWorkbook = (bytes: Uint8Array, opts: { fileName: string; headerRows: number }) => Promise<ParsedTable>;

/**
 * Codes from a codebook file, by its extension. Spreadsheets are parsed in the same disposable
 * worker as survey spreadsheets (the xlsx package never runs on the UI thread). Throws with a
 * one-line message naming the file and the problem.
 */
export async function codesFromFile(name: string, bytes: Uint8Array, projectId: string, parseWorkbook: ParseWorkbook = parseSpreadsheetFile): Promise<Code[]> {
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const now = new Date().toISOString();
  try {
    if (ext === '.qdc' || ext === '.xml') return readQdc(decodeText(bytes).text, projectId, now);
    if (ext === '.csv') return codesFromCsv(decodeText(bytes).text, projectId, newGuid, now);
    if (SPREADSHEETS.has(ext)) return codesFromTable(await parseWorkbook(bytes, { fileName: name, headerRows: 1 }), projectId, newGuid, now);
  } catch (e) {
    throw new Error(`“${name}” could not be read: ${errorMessage(e)}. Nothing was imported.`);
  }
  throw new Error(`“${name}” is not a codebook file: choose a .qdc, .csv, .xlsx, .xls or .ods file.`);
}

/** The codebook as a file to save: name, bytes and MIME type. */
export function codebookFile(codes: Code[], projectName: string, format: CodebookFormat): { name: string; bytes: Uint8Array; mime: string } {
  const base = `${projectName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'Chorus'} codebook`;
  if (format === 'qdc') return { name: `${base}.qdc`, bytes: new TextEncoder().encode(writeQdc(codes)), mime: 'application/xml' };
  if (format === 'csv') return { name: `${base}.csv`, bytes: new TextEncoder().encode(codebookToCsv(codes)), mime: 'text/csv' };
  return { name: `${base}.xlsx`, bytes: codebookToXlsx(codes), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
