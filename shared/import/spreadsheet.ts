/**
 * XLSX/XLS/ODS → ParsedTable through the xlsx package (0.18.5, the last on npm).
 *
 * SECURITY: xlsx 0.18.5 has prototype-pollution (CVE-2023-30533) and ReDoS advisories. Call
 * `parseSpreadsheet` ONLY inside a disposable worker (electron/cli/spreadsheet-worker.ts,
 * renderer/workers/spreadsheet.worker.ts) and validate what comes back with
 * `validateSpreadsheetResult` (./spreadsheet-result.ts) on the receiving side.
 * Here the workbook's cells are copied into fresh arrays of strings, reading only own
 * properties, so nothing from the workbook object graph leaves this function.
 */
import * as XLSXNamespace from 'xlsx';
import { tableFromGrid } from './header';
import { SPREADSHEET_LIMITS } from './spreadsheet-result';
import { ImportError, type ParsedTable } from './types';
import { checkZip, isZip } from '../exchange/safe-zip';
import { replaceControlChars } from '../control-chars';

interface XlsxCell {
  t?: unknown;
  v?: unknown;
  w?: unknown;
  z?: unknown;
}
interface XlsxApi {
  read(data: Uint8Array, opts: Record<string, unknown>): { SheetNames?: unknown; Sheets?: unknown; Workbook?: { WBProps?: { date1904?: unknown } } };
  SSF: {
    is_date(fmt: string): boolean;
    parse_date_code(v: number, opts?: { date1904?: boolean }): { y: number; m: number; d: number; H: number; M: number; S: number } | null;
  };
}

// Node loads xlsx as CommonJS (only some names are detected as named exports: SSF is not), bundlers load its ESM build.
const ns = XLSXNamespace as unknown as XlsxApi & { default?: XlsxApi };
const XLSX: XlsxApi = ns.SSF ? ns : (ns.default as XlsxApi);

const own = (o: unknown, k: string | number): unknown =>
  o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string | number, unknown>)[k] : undefined;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An Excel date serial in a date-formatted cell → 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM:SS' with a time of day, 'HH:MM:SS' for a time alone. */
export function excelSerialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const p = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!p || !Number.isFinite(p.y)) return undefined;
  const time = `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`;
  // serials below 1 are times of day without a date (Excel shows day 0 as 1900-01-00)
  if (serial >= 0 && serial < 1) return time;
  const date = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  return p.H === 0 && p.M === 0 && p.S === 0 ? date : `${date}T${time}`;
}

function cellText(cell: unknown, date1904: boolean): string {
  if (cell === null || typeof cell !== 'object') return '';
  const c = cell as XlsxCell;
  const t = own(c, 't');
  const v = own(c, 'v');
  const z = own(c, 'z');
  const w = own(c, 'w');
  switch (t) {
    case 's':
    case 'str':
      return typeof v === 'string' ? v : typeof w === 'string' ? w : '';
    case 'n': {
      if (typeof v !== 'number') return '';
      if (typeof z === 'string' && z !== 'General' && XLSX.SSF.is_date(z)) return excelSerialToIso(v, date1904) ?? String(v);
      return String(v);
    }
    case 'b':
      return v === true ? 'TRUE' : v === false ? 'FALSE' : '';
    case 'e':
      return typeof w === 'string' ? w : '#ERROR';
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : '';
    default:
      return '';
  }
}

export interface SpreadsheetOptions {
  fileName: string;
  /** Sheet to read (default: the first). */
  sheet?: string;
  headerRows?: number;
}

/** Parse workbook bytes. Run it in a disposable worker only (see the file comment). */
export function parseSpreadsheet(bytes: Uint8Array, opts: SpreadsheetOptions): ParsedTable {
  const L = SPREADSHEET_LIMITS;
  if (bytes.length === 0) throw new ImportError('is empty');
  if (bytes.length > L.maxBytes) throw new ImportError(`is larger than ${L.maxBytes / 1e6} MB, the limit for spreadsheets`);
  if (isZip(bytes)) {
    try {
      checkZip(bytes);
    } catch (e) {
      throw new ImportError(`cannot be read as a spreadsheet (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  let wb: ReturnType<XlsxApi['read']>;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: false, dense: true, cellNF: true, cellHTML: false, cellFormula: false, sheetStubs: false });
  } catch (e) {
    throw new ImportError(`cannot be read as a spreadsheet (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'})`);
  }
  const rawNames = own(wb, 'SheetNames');
  if (!Array.isArray(rawNames)) throw new ImportError('has no sheets');
  const sheets = rawNames.filter((n): n is string => typeof n === 'string').slice(0, L.maxSheets).map((n) => n.slice(0, L.maxNameLength));
  if (sheets.length === 0) throw new ImportError('has no sheets');
  const sheet = opts.sheet ?? sheets[0]!;
  if (!sheets.includes(sheet)) throw new ImportError(`has no sheet "${opts.sheet}" (sheets: ${sheets.map((s) => `"${s}"`).join(', ')})`);
  const ws = own(own(wb, 'Sheets'), sheet);
  const date1904 = own(own(own(wb, 'Workbook'), 'WBProps'), 'date1904') === true;

  // dense mode: the sheet is an array of rows, each an array of cells (or holes)
  const grid: string[][] = [];
  let cells = 0;
  if (Array.isArray(ws)) {
    const nRows = Math.min(ws.length, L.maxRows + 50);
    for (let r = 0; r < nRows; r++) {
      const row = ws[r];
      const out: string[] = [];
      if (Array.isArray(row)) {
        const nCols = Math.min(row.length, L.maxColumns);
        for (let c = 0; c < nCols; c++) out.push(replaceControlChars(cellText(row[c], date1904).slice(0, L.maxCellLength)));
        while (out.length > 0 && out[out.length - 1] === '') out.pop();
        cells += out.length;
        if (cells > L.maxCells) throw new ImportError(`sheet "${sheet}" has more than ${L.maxCells.toLocaleString('en-GB')} cells, the limit`);
      }
      grid.push(out);
    }
    if (ws.length > L.maxRows + 50) throw new ImportError(`sheet "${sheet}" has more than ${L.maxRows.toLocaleString('en-GB')} rows, the limit`);
  } else if (ws !== undefined) {
    throw new ImportError(`sheet "${sheet}" could not be read as rows`);
  }
  while (grid.length > 0 && grid[grid.length - 1]!.length === 0) grid.pop();
  if (grid.length === 0) throw new ImportError(`sheet "${sheet}" is empty`);
  const table = tableFromGrid(grid, { fileName: opts.fileName, headerRows: opts.headerRows });
  if (table.columns.length === 0) throw new ImportError(`sheet "${sheet}" has no columns`);
  return { ...table, sheets, sheet };
}
