/**
 * CSV/TSV read as a stream: the file comes in slices from a ByteSource, is decoded incrementally
 * (encoding.ts), parsed incrementally with papaparse's low-level Parser (the incomplete last row,
 * e.g. a quoted cell with line breaks, is carried into the next slice), and the rows are resolved
 * into a table (header.ts GridTable) and handed on in chunks, never all held. Synchronous on
 * purpose: the caller runs it inside an IndexedDB transaction.
 *
 *   scanCsvTable  pass 1: reads the whole file once, hands rows on, returns the TableLayout;
 *   csvRowChunks  later passes: the data rows again, exactly as parseTable gives them.
 *
 * parseTable (table.ts) is scanCsvTable with the rows collected: one CSV path, same results.
 */
import { replaceControlChars } from '../control-chars';
import Papa from 'papaparse';
import { DEFAULT_CHUNK_BYTES, type ByteSource } from './byte-source';
import { decodeSource, detectEncoding, NotStrictlyDecodable, strictReading, type EncodingDecision } from './encoding';
import { fitRow, GridTable, isBlank } from './header';
import { ImportError, type ImportIssue } from './types';

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

/** Workbook bytes: ZIP (XLSX, ODS) or OLE2 compound file (XLS). Only the first 4 bytes are looked at. */
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

/** Characters of text the delimiter is detected from (papaparse guesses the line break from the first 1 MiB itself). */
const DELIMITER_SAMPLE = 65536;
const LINEBREAK_SAMPLE = 1024 * 1024;

/**
 * The delimiter that splits the first rows most consistently into 2+ fields
 * (the most rows sharing one field count; more fields breaks ties). ',' if nothing splits.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, DELIMITER_SAMPLE);
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

/** Everything about a CSV table except its data rows: enough to read the rows again (csvRowChunks). */
export interface TableLayout {
  columns: string[];
  descriptions: string[];
  encoding: string;
  encodingReason: string;
  guessed: boolean;
  /** Bytes of byte-order mark skipped before the text. */
  bomLength: number;
  delimiter: string;
  /** Line break the parser splits records on (papaparse's guess from the first 1 MiB of text). */
  newline: string;
  headerRows: number;
  /** Grid index (0-based record) of the header row; title rows above it were skipped. */
  start: number;
  /** Data rows. */
  rowCount: number;
  /** Same warnings as parseTable, in the same order. */
  warnings: ImportIssue[];
}

/** Data rows with their source row numbers (1-based record numbers, as parseTable gives them). */
export type RowsHandler = (rows: string[][], rowNumbers: number[]) => void;

/** What one read of the records found out (filled in as the records are read). */
interface ReadState {
  delimiter: string | undefined;
  newline: string | undefined;
  /** Row numbers of "text after the closing quote" problems, in order. */
  invalidQuoteRows: number[];
}

function nulError(src: ByteSource, decision: EncodingDecision, at: number, chunkBytes: number): ImportError {
  // rare: read the text again up to the NUL and count its line breaks (\r\n, \r or \n)
  let breaks = 0;
  let seen = 0;
  let prevCr = false;
  for (const t of decodeSource(src, decision, chunkBytes)) {
    const end = Math.min(t.length, at - seen);
    for (let i = 0; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === 13) breaks++;
      else if (c === 10 && !prevCr) breaks++;
      prevCr = c === 13;
    }
    seen += t.length;
    if (seen >= at) break;
  }
  const line = breaks + 1;
  return new ImportError(`contains a NUL byte (line ${line}): it is a binary file or its encoding is wrong (decoded as ${decision.encoding})`, line);
}

/**
 * The file's records (rows of the grid, blank ones included) in batches, in order. Checks what
 * parseTable checks of the text (NUL bytes, no text, an unclosed quote) and throws the same errors;
 * detects the delimiter and line break from the head unless `st` has them.
 */
function* readRecords(
  src: ByteSource,
  decision: EncodingDecision,
  st: ReadState,
  delimiterError: ImportError | undefined,
  chunkBytes: number,
  texts: Iterator<string> = decodeSource(src, decision, chunkBytes),
): Generator<string[][]> {
  let seen = 0;
  let hasText = false;
  const check = (t: string): string => {
    const nul = t.indexOf('\u0000');
    if (nul >= 0) throw nulError(src, decision, seen + nul, chunkBytes);
    if (!hasText) hasText = /\S/.test(t);
    seen += t.length;
    return replaceControlChars(t);
  };
  const next = (): string | undefined => {
    const n = texts.next();
    return n.done ? undefined : check(n.value);
  };

  // the head: enough text for the delimiter and the line break
  const parts: string[] = [];
  let headLength = 0;
  // (+1: papaparse looks at the first 1 MiB after a leading U+FEFF)
  while (headLength <= LINEBREAK_SAMPLE) {
    const t = next();
    if (t === undefined) break;
    parts.push(t);
    headLength += t.length;
  }
  let head = parts.join('');
  if (delimiterError) {
    while (next() !== undefined);
    if (!hasText) throw new ImportError('has no text');
    throw delimiterError;
  }
  const delimiter = (st.delimiter ??= detectDelimiter(head));
  // papaparse drops a leading U+FEFF and guesses the line break from the first 1 MiB after it
  st.newline ??= (Papa.parse<string[]>(head, { delimiter, preview: 1 }).meta.linebreak as string | undefined) ?? '\n';
  const parser = new Papa.Parser({ delimiter, newline: st.newline as Papa.ParseConfig['newline'] });
  head = '';

  let carry = '';
  let records = 0;
  /** Length the carried text must reach before it is parsed again (after a parse found no whole row). */
  let retryAt = 0;
  const feed = (text: string, last: boolean): string[][] => {
    const input = carry === '' ? text : carry + text;
    if (!last && input.length < retryAt) {
      carry = input;
      return [];
    }
    const res = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const data = res.data;
    for (const e of res.errors) {
      if (!last && (e.row ?? 0) >= data.length) continue; // in the row still open: read again with the next slice
      const row = records + (e.row ?? 0) + 1;
      if (e.code === 'MissingQuotes') throw new ImportError(`row ${row}: a quoted field is never closed (an unmatched " swallows the rest of the file)`, row);
      if (e.code === 'InvalidQuotes') st.invalidQuoteRows.push(row);
    }
    records += data.length;
    carry = last ? '' : input.slice(res.meta.cursor);
    // a row longer than the slices (or an unclosed quote) is parsed again only when twice as long: linear, not quadratic
    retryAt = !last && data.length === 0 ? input.length * 2 : 0;
    return data;
  };

  // the head is parsed slice by slice too, as read
  let atStart = true;
  const feedSlice = (t: string): string[][] => {
    if (atStart && t !== '') {
      atStart = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1); // papaparse drops a leading U+FEFF
    }
    return feed(t, false);
  };
  let rows: string[][];
  for (const t of parts) {
    rows = feedSlice(t);
    if (rows.length > 0) yield rows;
  }
  parts.length = 0;
  for (let t = next(); t !== undefined; t = next()) {
    rows = feedSlice(t);
    if (rows.length > 0) yield rows;
  }
  if (!hasText) throw new ImportError('has no text');
  rows = feed('', true);
  if (rows.length > 0) yield rows;
}

/**
 * Pass 1 with the data rows as read (not padded or cut), for parseTable and scanCsvTable.
 * Same checks, errors and warnings as parseTable. Errors found late in the file (a NUL byte, an
 * unclosed quote) are thrown after earlier rows were handed on.
 *
 * With `onRestart`, the file is read once: its text is checked strictly in the encoding its head
 * suggests while it is parsed (strictReading). If it is not valid there (or the read stops at an
 * error before the end), `onRestart` is called — every row handed on so far is void — and the
 * file is read as without it: the encoding detected first, then the rows. Same results either way.
 */
export function readCsvTable(
  src: ByteSource,
  opts: ParseTableOptions,
  onRows?: (rows: string[][], rowNumbers: number[], width: number) => void,
  chunkBytes = DEFAULT_CHUNK_BYTES,
  onRestart?: () => void,
): TableLayout {
  const file = opts.fileName;
  if (isWorkbookBytes(src.read(0, Math.min(src.size, 4))) || isWorkbookName(file)) {
    throw new ImportError(
      'is a spreadsheet workbook; it must be parsed in a disposable worker (parseTableFile in electron/cli/spreadsheet-worker.ts, or parseSpreadsheetFile in renderer/workers/parse-spreadsheet.ts)',
    );
  }
  if (src.size === 0) throw new ImportError('is empty');
  if (onRestart) {
    // one read for the encoding check and the rows: the text is checked strictly as it is parsed
    const reading = strictReading(src, opts.encoding, chunkBytes);
    if (reading) {
      try {
        return readLayout(src, opts, onRows, chunkBytes, reading.tentative, reading.texts, () => reading.decision()!);
      } catch (e) {
        // an error once every byte proved valid is the file's own; otherwise the encoding must be
        // detected first (other passes), and what was handed on is void
        if (reading.decision() !== undefined && !(e instanceof NotStrictlyDecodable)) throw e;
        onRestart();
      }
    }
  }
  const decision = detectEncoding(src, opts.encoding, chunkBytes);
  return readLayout(src, opts, onRows, chunkBytes, decision, undefined, () => decision);
}

/** readCsvTable's read of the records with an encoding (the decision, known after the last record when the text is checked as read). */
function readLayout(
  src: ByteSource,
  opts: ParseTableOptions,
  onRows: ((rows: string[][], rowNumbers: number[], width: number) => void) | undefined,
  chunkBytes: number,
  tentative: EncodingDecision,
  texts: Iterator<string> | undefined,
  decided: () => EncodingDecision,
): TableLayout {
  const file = opts.fileName;
  let delimiterError: ImportError | undefined;
  let delimiter: string | undefined;
  try {
    delimiter = opts.delimiter ? resolveDelimiter(opts.delimiter) : undefined;
  } catch (e) {
    delimiterError = e as ImportError;
  }
  // a bad header-row count fails after the text checks, as parseTable always did; no rows are handed on then
  let headerError: unknown;
  let grid: GridTable<string[]>;
  try {
    grid = new GridTable<string[]>({ fileName: file, headerRows: opts.headerRows }, onRows);
  } catch (e) {
    headerError = e;
    grid = new GridTable<string[]>({ fileName: file });
  }
  const st: ReadState = { delimiter, newline: undefined, invalidQuoteRows: [] };
  for (const records of readRecords(src, tentative, st, delimiterError, chunkBytes, texts)) grid.add(records);
  if (headerError) throw headerError;
  const decision = decided();
  const layout = grid.finish();
  const warnings = layout.warnings;
  for (const row of st.invalidQuoteRows) warnings.push({ file, row, message: 'a quoted field has text after its closing quote; read as is' });
  if (decision.guessed) {
    warnings.unshift({ file, message: `encoding guessed as ${decision.encoding}: ${decision.reason}; choose another encoding if the text looks wrong` });
  }
  if (layout.columns.length === 0) throw new ImportError('has no columns');
  return {
    ...layout,
    encoding: decision.encoding,
    encodingReason: decision.reason,
    guessed: decision.guessed,
    bomLength: decision.bomLength,
    delimiter: st.delimiter!,
    newline: st.newline!,
  };
}

/**
 * Pass 1: read the whole file once and resolve its layout (encoding, delimiter, header, warnings).
 * Data rows go to onRows in chunks as they are read, once the header is known (after the first
 * 200 non-blank rows). Each chunk's rows are padded/cut to the width known at that point, which
 * only grows: a later row with more filled cells adds columns, and the layout's columns are final.
 * Pad earlier rows with '' to layout.columns.length (a whitespace-only cell in a column that only
 * appeared later reads as '' here; csvRowChunks gives it exactly). `onRestart`: see readCsvTable.
 */
export function scanCsvTable(src: ByteSource, opts: ParseTableOptions, onRows?: RowsHandler, chunkBytes = DEFAULT_CHUNK_BYTES, onRestart?: () => void): TableLayout {
  const handOn = onRows && ((rows: string[][], rowNumbers: number[], width: number) => onRows(rows.map((r) => (r.length === width ? r : fitRow(r, width))), rowNumbers));
  return readCsvTable(src, opts, handOn, chunkBytes, onRestart);
}

/**
 * Later passes: the data rows again, in order, each padded/cut to layout.columns.length, with
 * their row numbers, one chunk per slice read. Reads the file afresh each time it is iterated.
 */
export function* csvRowChunks(src: ByteSource, layout: TableLayout, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<{ rows: string[][]; rowNumbers: number[] }> {
  const decision: EncodingDecision = { encoding: layout.encoding, reason: layout.encodingReason, guessed: layout.guessed, bomLength: layout.bomLength };
  const st: ReadState = { delimiter: layout.delimiter, newline: layout.newline, invalidQuoteRows: [] };
  const first = layout.start + layout.headerRows;
  const width = layout.columns.length;
  let index = 0;
  for (const records of readRecords(src, decision, st, undefined, chunkBytes)) {
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    for (let k = Math.max(0, first - index); k < records.length; k++) {
      const r = records[k]!;
      if (isBlank(r)) continue;
      rows.push(r.length === width ? r : fitRow(r, width));
      rowNumbers.push(index + k + 1);
    }
    index += records.length;
    if (rows.length > 0) yield { rows, rowNumbers };
  }
}
