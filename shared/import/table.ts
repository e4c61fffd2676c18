/**
 * CSV/TSV → ParsedTable: decode (encoding detected or chosen), detect the delimiter
 * (, ; tab |, or chosen), parse with papaparse on a string (quotes, embedded delimiters and
 * line breaks, CRLF/LF/CR), then resolve title rows, header rows and ragged rows.
 *
 * Spreadsheets (XLSX/XLS/ODS) are refused here on purpose: the xlsx package must run in a
 * disposable worker (DESIGN.md §5). Use electron/cli/spreadsheet-worker.ts `parseTableFile`
 * in Node or renderer/workers/parse-spreadsheet.ts in the browser; both route text files here.
 */
import Papa from 'papaparse';
import { decodeText } from './encoding';
import { tableFromGrid } from './header';
import { ImportError, type ParsedTable } from './types';

export type { ImportIssue, ParsedTable } from './types';

export interface ParseTableOptions {
  fileName: string;
  /** Encoding label to use instead of detection, e.g. 'windows-1252'. */
  encoding?: string;
  /** Delimiter to use instead of detection: one character, or 'tab'/'comma'/'semicolon'/'pipe'. */
  delimiter?: string;
  /** Workbooks only (see parseSpreadsheet); ignored for text. */
  sheet?: string;
  /** Header rows, default 1: the first names the columns, later ones become descriptions. */
  headerRows?: number;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };

/** Workbook bytes: ZIP (XLSX, ODS) or OLE2 compound file (XLS). */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

export const WORKBOOK_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods'] as const;

export function isWorkbookName(fileName: string): boolean {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return (WORKBOOK_EXTENSIONS as readonly string[]).includes(ext);
}

/** Name a delimiter for messages. */
export function describeDelimiter(d: string): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : `"${d}"`;
}

/**
 * The delimiter that splits the first rows most consistently into 2+ fields
 * (the most rows sharing one field count; more fields breaks ties). ',' if nothing splits.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 65536);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const res = Papa.parse<string[]>(sample, { delimiter: d, preview: 60, skipEmptyLines: 'greedy' });
    const freq = new Map<number, number>();
    for (const row of res.data) freq.set(row.length, (freq.get(row.length) ?? 0) + 1);
    let score = 0;
    for (const [width, f] of freq) if (width > 1) score = Math.max(score, f + width / 1000);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function resolveDelimiter(raw: string): string {
  const d = DELIMITER_NAMES[raw.toLowerCase()] ?? raw;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new ImportError(`delimiter must be one character (or tab, comma, semicolon, pipe), not "${raw}"`);
  }
  return d;
}

/** Parse a CSV/TSV file's bytes. Throws ImportError for files that cannot be read as a table. */
export function parseTable(bytes: Uint8Array, opts: { fileName: string; encoding?: string; delimiter?: string; sheet?: string; headerRows?: number }): ParsedTable {
  const file = opts.fileName;
  if (isWorkbookBytes(bytes) || isWorkbookName(file)) {
    throw new ImportError(
      'is a spreadsheet workbook; it must be parsed in a disposable worker (parseTableFile in electron/cli/spreadsheet-worker.ts, or parseSpreadsheetFile in renderer/workers/parse-spreadsheet.ts)',
    );
  }
  if (bytes.length === 0) throw new ImportError('is empty');
  const decoded = decodeText(bytes, opts.encoding);
  const text = decoded.text;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new ImportError(`contains a NUL byte (line ${line}): it is a binary file or its encoding is wrong (decoded as ${decoded.encoding})`, line);
  }
  if (text.trim() === '') throw new ImportError('has no text');
  const delimiter = opts.delimiter ? resolveDelimiter(opts.delimiter) : detectDelimiter(text);
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const unterminated = res.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    const row = (unterminated.row ?? 0) + 1;
    throw new ImportError(`row ${row}: a quoted field is never closed (an unmatched " swallows the rest of the file)`, row);
  }
  const grid = res.data;
  // papaparse yields [''] for a final line break; drop trailing empty records
  while (grid.length > 0 && grid[grid.length - 1]!.length === 1 && grid[grid.length - 1]![0] === '') grid.pop();
  const table = tableFromGrid(grid, { fileName: file, headerRows: opts.headerRows });
  for (const e of res.errors) {
    if (e.code === 'InvalidQuotes') table.warnings.push({ file, row: (e.row ?? 0) + 1, message: 'a quoted field has text after its closing quote; read as is' });
  }
  if (decoded.guessed) {
    table.warnings.unshift({ file, message: `encoding guessed as ${decoded.encoding}: ${decoded.reason}; choose another encoding if the text looks wrong` });
  }
  if (table.columns.length === 0) throw new ImportError('has no columns');
  return { ...table, encoding: decoded.encoding, encodingReason: decoded.reason, delimiter };
}
