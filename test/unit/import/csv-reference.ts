/**
 * Test oracle: the one-shot CSV reader as it was before streaming (whole-file decodeText, one
 * Papa.parse over the whole string, tableFromGrid over the whole grid), kept verbatim so the
 * streaming reader (shared/import/csv-stream.ts), parseTable, tableFromGrid and decodeText can be
 * checked against it. Only helpers that did not change are imported from shared/.
 */
import Papa from 'papaparse';
import { replaceControlChars } from '../../../shared/control-chars';
import { bytesSource } from '../../../shared/import/byte-source';
import { damagedUtf8Message, isDamagedUtf8, normaliseEncodingName, utf8Evidence, type DecodedText } from '../../../shared/import/encoding';
import { findHeaderRow, uniqueColumnNames, cleanHeaderName } from '../../../shared/import/header';
import { detectDelimiter, isWorkbookBytes, isWorkbookName } from '../../../shared/import/table';
import { ImportError, type ImportIssue, type ParsedTable } from '../../../shared/import/types';

/** Most warnings of one kind listed individually; the rest summarised. */
const MAX_ROW_WARNINGS = 20;

function isBlank(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };

/** True ISO-8859-1: every byte is the code point of the same value (TextDecoder's 'latin1' is really Windows-1252). */
function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

/** Windows-1252's 0x80–0x9F (undefined bytes keep their C1 code point, as WHATWG does). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 decoded by table: some Node releases (20.x) decode the 'windows-1252' label as
 * Latin-1, turning curly quotes into control characters.
 */
function decodeCp1252(bytes: Uint8Array): string {
  const latin = decodeLatin1(bytes);
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  if (encoding === 'iso-8859-1') return decodeLatin1(bytes);
  if (encoding === 'windows-1252') return decodeCp1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
  } catch {
    throw new ImportError(`this platform cannot decode ${encoding}; re-save the file as UTF-8`);
  }
  return decoder.decode(bytes);
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM: most even (BE) or odd (LE) bytes of the first KB are NUL. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The text if the bytes are valid UTF-8, else undefined. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Double-byte CJK text (Big5, GBK, Shift_JIS, EUC-KR): most letters are high bytes, and a
 * high lead byte is often followed by a trail byte in 0x40–0x7E, which never happens inside
 * a word of a single-byte script such as Greek.
 */
function looksDoubleByte(bytes: Uint8Array): boolean {
  let high = 0;
  let highThenAsciiSymbolOrLetter = 0;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      high++;
      const next = bytes[i + 1];
      if (next !== undefined && next >= 0x40 && next <= 0x7e) highThenAsciiSymbolOrLetter++;
      // skip the trail byte so pairs are counted once
      if (next !== undefined && next >= 0x40) i++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  return high > 20 && high > letters && highThenAsciiSymbolOrLetter > high * 0.1;
}

/** Greek in ISO-8859-7: high bytes mostly come in runs of 3 or more (whole words), in 0xB6–0xFE. */
function looksGreek(bytes: Uint8Array): boolean {
  let inRuns = 0;
  let high = 0;
  let greekRange = 0;
  let run = 0;
  const flush = () => {
    if (run >= 3) inRuns += run;
    run = 0;
  };
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      if (b >= 0xb6 && b !== 0xd2 && b !== 0xff) greekRange++;
      run++;
    } else flush();
  }
  flush();
  return high >= 3 && inRuns > high * 0.6 && greekRange > high * 0.9;
}

/** Decode bytes, detecting the encoding unless `encoding` names one. Throws ImportError with the reason. */
export function referenceDecodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) {
    const name = normaliseEncodingName(encoding);
    const bom = bomOf(bytes);
    const body = bom && bom.encoding === name ? bytes.subarray(bom.length) : bytes;
    let text: string;
    try {
      text = decodeWith(body, name, true);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(`the bytes are not valid ${name} (the encoding you chose); try another encoding`);
    }
    return { text, encoding: name, reason: 'chosen by the user', guessed: false };
  }
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    try {
      return { text: decodeWith(body, bom.encoding, true), encoding: bom.encoding, reason: `${bom.encoding.toUpperCase()} byte-order mark`, guessed: false };
    } catch {
      throw new ImportError(`starts with a ${bom.encoding.toUpperCase()} byte-order mark but the rest is not valid ${bom.encoding.toUpperCase()}`);
    }
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    try {
      return { text: decodeWith(bytes, utf16, true), encoding: utf16, reason: `no byte-order mark, but NUL bytes at ${utf16 === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 pattern)`, guessed: true };
    } catch {
      /* fall through: not really UTF-16 */
    }
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) {
    // one strict decode serves as both the check and the result (a byte loop here cost ~10× the decode)
    const ascii = !/[^\u0000-\u007f]/.test(utf8);
    return { text: utf8, encoding: 'utf-8', reason: ascii ? 'plain ASCII (read as UTF-8)' : 'valid UTF-8', guessed: false };
  }
  if (looksDoubleByte(bytes)) {
    throw new ImportError(
      'is not UTF-8 and looks like a double-byte East Asian encoding (Big5, GBK, Shift_JIS or EUC-KR), which cannot be told apart reliably; choose the encoding (e.g. --encoding big5) or re-save the file as UTF-8',
    );
  }
  const evidence = utf8Evidence(bytesSource(bytes), Math.max(1, bytes.length));
  if (isDamagedUtf8(evidence)) throw new ImportError(damagedUtf8Message(evidence));
  if (looksGreek(bytes)) {
    return { text: decodeWith(bytes, 'iso-8859-7', false), encoding: 'iso-8859-7', reason: 'not valid UTF-8; high bytes form whole words in the Greek range (ISO-8859-7)', guessed: true };
  }
  let c1 = false;
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) { c1 = true; break; }
  if (c1) {
    return { text: decodeWith(bytes, 'windows-1252', false), encoding: 'windows-1252', reason: 'not valid UTF-8; bytes 0x80–0x9F present (Windows-1252 punctuation such as curly quotes)', guessed: true };
  }
  return { text: decodeLatin1(bytes), encoding: 'iso-8859-1', reason: 'not valid UTF-8; no bytes 0x80–0x9F, so read as ISO-8859-1 (Latin-1, same as Windows-1252 here)', guessed: true };
}

interface GridOptions {
  fileName: string;
  /** Header rows (default 1): the first names the columns, the later ones become descriptions. 0 = no header. */
  headerRows?: number;
  /** Source row number of grid row i (1-based); default i + 1. */
  rowNumberOf?: (i: number) => number;
}

/** Build a ParsedTable from a grid of strings. Blank rows are dropped; ragged rows padded or widened, with warnings. */
export function referenceTableFromGrid(grid: readonly (readonly string[])[], opts: GridOptions): ParsedTable & { rowNumbers: number[] } {
  const file = opts.fileName;
  const headerRows = opts.headerRows ?? 1;
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > 20) {
    throw new RangeError(`header rows must be a whole number from 0 to 20, not ${headerRows}`);
  }
  const rowNo = opts.rowNumberOf ?? ((i: number) => i + 1);
  const warnings: ImportIssue[] = [];
  const start = headerRows === 0 ? Math.max(0, grid.findIndex((r) => !isBlank(r))) : findHeaderRow(grid);
  const skipped = grid.slice(0, start).filter((r) => !isBlank(r));
  if (skipped.length > 0 && headerRows > 0) {
    const first = skipped[0]!.find((c) => c.trim() !== '') ?? '';
    warnings.push({
      file,
      row: rowNo(start),
      message: `skipped ${skipped.length} row(s) above the header that look like a title or notes (starting "${first.slice(0, 60).trim()}")`,
    });
  }
  const header = grid.slice(start, start + headerRows);
  const body: { cells: readonly string[]; n: number }[] = [];
  for (let i = start + headerRows; i < grid.length; i++) {
    const cells = grid[i]!;
    if (!isBlank(cells)) body.push({ cells, n: rowNo(i) });
  }
  let width = Math.max(0, ...header.map((r) => r.length));
  if (headerRows === 0) width = Math.max(0, ...body.map((r) => r.cells.length));
  // trailing empty header cells with no data under them (a trailing delimiter) are dropped
  while (width > 0 && (header[0]?.[width - 1] ?? '').trim() === '' && header.every((r) => (r[width - 1] ?? '').trim() === '') && body.every((r) => (r.cells[width - 1] ?? '').trim() === '')) width--;
  const headerWidth = width;
  let short = 0;
  let long = 0;
  for (const r of body) {
    const filled = lastFilled(r.cells) + 1;
    if (filled > width) width = filled;
    if (r.cells.length < headerWidth) {
      if (short++ < MAX_ROW_WARNINGS) warnings.push({ file, row: r.n, message: `has ${r.cells.length} cell(s) but the header has ${headerWidth}; the missing cells are left empty` });
    } else if (filled > headerWidth) {
      if (long++ < MAX_ROW_WARNINGS) warnings.push({ file, row: r.n, message: `has ${filled} filled cell(s) but the header has ${headerWidth}; the extra cells go into new columns` });
    }
  }
  if (short > MAX_ROW_WARNINGS) warnings.push({ file, message: `${short - MAX_ROW_WARNINGS} more short row(s) padded with empty cells` });
  if (long > MAX_ROW_WARNINGS) warnings.push({ file, message: `${long - MAX_ROW_WARNINGS} more long row(s) widened into new columns` });

  const rawNames = Array.from({ length: width }, (_, c) => (headerRows > 0 ? (header[0]?.[c] ?? '') : ''));
  const columns = uniqueColumnNames(rawNames);
  const descriptions = Array.from({ length: width }, (_, c) =>
    header
      .slice(1)
      .map((r) => cleanHeaderName(r[c] ?? ''))
      .filter((s) => s !== '')
      .join(' – '),
  );
  const rows = body.map((r) => {
    // a row of the right width is copied in one go (the common case); others padded or cut
    if (r.cells.length === width) return r.cells.slice();
    const out = new Array<string>(width);
    for (let c = 0; c < width; c++) out[c] = r.cells[c] ?? '';
    return out;
  });
  return { columns, descriptions, rows, rowNumbers: body.map((r) => r.n), warnings };
}

function lastFilled(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
}

function resolveDelimiter(raw: string): string {
  const d = DELIMITER_NAMES[raw.toLowerCase()] ?? raw;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new ImportError(`delimiter must be one character (or tab, comma, semicolon, pipe), not "${raw}"`);
  }
  return d;
}

/** Parse a CSV/TSV file's bytes. Throws ImportError for files that cannot be read as a table. */
export function referenceParseTable(bytes: Uint8Array, opts: { fileName: string; encoding?: string; delimiter?: string; sheet?: string; headerRows?: number }): ParsedTable {
  const file = opts.fileName;
  if (isWorkbookBytes(bytes) || isWorkbookName(file)) {
    throw new ImportError(
      'is a spreadsheet workbook; it must be parsed in a disposable worker (parseTableFile in electron/cli/spreadsheet-worker.ts, or parseSpreadsheetFile in renderer/workers/parse-spreadsheet.ts)',
    );
  }
  if (bytes.length === 0) throw new ImportError('is empty');
  const decoded = referenceDecodeText(bytes, opts.encoding);
  const text = decoded.text;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new ImportError(`contains a NUL byte (line ${line}): it is a binary file or its encoding is wrong (decoded as ${decoded.encoding})`, line);
  }
  if (text.trim() === '') throw new ImportError('has no text');
  const clean = replaceControlChars(text); // control characters but tab, LF and CR never come in
  const delimiter = opts.delimiter ? resolveDelimiter(opts.delimiter) : detectDelimiter(clean);
  const res = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const unterminated = res.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    const row = (unterminated.row ?? 0) + 1;
    throw new ImportError(`row ${row}: a quoted field is never closed (an unmatched " swallows the rest of the file)`, row);
  }
  const grid = res.data;
  // papaparse yields [''] for a final line break; drop trailing empty records
  while (grid.length > 0 && grid[grid.length - 1]!.length === 1 && grid[grid.length - 1]![0] === '') grid.pop();
  const table = referenceTableFromGrid(grid, { fileName: file, headerRows: opts.headerRows });
  for (const e of res.errors) {
    if (e.code === 'InvalidQuotes') table.warnings.push({ file, row: (e.row ?? 0) + 1, message: 'a quoted field has text after its closing quote; read as is' });
  }
  if (decoded.guessed) {
    table.warnings.unshift({ file, message: `encoding guessed as ${decoded.encoding}: ${decoded.reason}; choose another encoding if the text looks wrong` });
  }
  if (table.columns.length === 0) throw new ImportError('has no columns');
  return { ...table, encoding: decoded.encoding, encodingReason: decoded.reason, delimiter };
}
