/**
 * CSV/TSV bytes → ParsedTable: decode (encoding detected or chosen), detect the delimiter
 * (, ; tab |, or chosen), parse with papaparse (quotes, embedded delimiters and line breaks,
 * CRLF/LF/CR), then resolve title rows, header rows and ragged rows. This is the streaming reader
 * (csv-stream.ts scanCsvTable) over bytes in memory with every row kept: one CSV path.
 *
 * Spreadsheets (XLSX/XLS/ODS) are refused here on purpose: the xlsx package must run in a
 * disposable worker (DESIGN.md §5). Use electron/cli/spreadsheet-worker.ts `parseTableFile`
 * in Node or renderer/workers/parse-spreadsheet.ts in the browser; both route text files here.
 */
import { bytesSource } from './byte-source';
import { readCsvTable, type ParseTableOptions } from './csv-stream';
import { fitRow } from './header';
import type { ParsedTable } from './types';

export type { ImportIssue, ParsedTable } from './types';
export {
  DELIMITERS,
  WORKBOOK_EXTENSIONS,
  describeDelimiter,
  detectDelimiter,
  isWorkbookBytes,
  isWorkbookName,
  type ParseTableOptions,
} from './csv-stream';

/** Parse a CSV/TSV file's bytes. Throws ImportError for files that cannot be read as a table. */
export function parseTable(bytes: Uint8Array, opts: ParseTableOptions): ParsedTable {
  const cells: string[][] = [];
  const rowNumbers: number[] = [];
  const layout = readCsvTable(bytesSource(bytes), opts, (rows, numbers) => {
    for (let i = 0; i < rows.length; i++) {
      cells.push(rows[i]!);
      rowNumbers.push(numbers[i]!);
    }
  });
  const { columns, descriptions, warnings, encoding, encodingReason, delimiter } = layout;
  const width = columns.length;
  const rows = cells.map((r) => (r.length === width ? r : fitRow(r, width)));
  return { columns, descriptions, rows, rowNumbers, warnings, encoding, encodingReason, delimiter };
}
