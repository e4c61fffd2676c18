import { describe, expect, it } from 'vitest';
import * as XLSXNamespace from 'xlsx';
import { excelSerialToIso, parseSpreadsheet } from '../../../shared/import/spreadsheet';
import { validateSpreadsheetResult, tableFromWorkerReply } from '../../../shared/import/spreadsheet-result';
import { parseSpreadsheetInWorker, parseTableFile } from '../../../electron/cli/spreadsheet-worker';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ns = XLSXNamespace as any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const XLSX: any = ns.SSF ? ns : ns.default;

/** A workbook with two header rows, a date column, a number column and a second sheet. */
function workbook(bookType: 'xlsx' | 'ods' | 'xls'): Uint8Array {
  const wb = XLSX.utils.book_new();
  const rows = [
    ['ID', 'Contacted', 'Age', 'Q1', 'Q1'],
    ['', 'Date of first contact', 'Age in years', 'How were you treated?', 'Follow-up'],
    ['R1', new Date(Date.UTC(2024, 2, 5)), 34, 'Kindly, and with patience.', ''],
    ['R2', new Date(Date.UTC(2023, 11, 31)), 51.5, 'Nobody called back.', 'Chased twice'],
  ];
  // cellDates so ODS stores real dates; XLSX/XLS store serials with a date format either way
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: bookType === 'ods' }), 'Responses');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Code', 'Label'], ['A', 'Alpha']]), 'Lookup');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

describe('parseSpreadsheet (in-process; production code runs it in a worker)', () => {
  for (const bookType of ['xlsx', 'ods', 'xls'] as const) {
    it(`${bookType}: header rows, ISO dates, numbers, duplicate names, sheets`, () => {
      const t = parseSpreadsheet(workbook(bookType), { fileName: `s.${bookType}`, headerRows: 2 });
      expect(t.sheets).toEqual(['Responses', 'Lookup']);
      expect(t.sheet).toBe('Responses');
      expect(t.columns).toEqual(['ID', 'Contacted', 'Age', 'Q1', 'Q1 (2)']);
      expect(t.descriptions).toEqual(['', 'Date of first contact', 'Age in years', 'How were you treated?', 'Follow-up']);
      expect(t.rows).toEqual([
        ['R1', '2024-03-05', '34', 'Kindly, and with patience.', ''],
        ['R2', '2023-12-31', '51.5', 'Nobody called back.', 'Chased twice'],
      ]);
      expect(t.rowNumbers).toEqual([3, 4]);
      const other = parseSpreadsheet(workbook(bookType), { fileName: `s.${bookType}`, sheet: 'Lookup' });
      expect(other.columns).toEqual(['Code', 'Label']);
      expect(other.rows).toEqual([['A', 'Alpha']]);
    });
  }

  it('names the sheets when the requested one is missing, and refuses non-workbooks', () => {
    expect(() => parseSpreadsheet(workbook('xlsx'), { fileName: 's.xlsx', sheet: 'Nope' })).toThrow('has no sheet "Nope" (sheets: "Responses", "Lookup")');
    expect(() => parseSpreadsheet(new Uint8Array(), { fileName: 's.xlsx' })).toThrow(/is empty/);
    expect(() => parseSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { fileName: 's.xlsx' })).toThrow(/cannot be read as a spreadsheet/);
  });

  it('converts Excel serials to ISO dates, with a time when there is one, a time alone, in both date systems', () => {
    expect(excelSerialToIso(45356)).toBe('2024-03-05');
    expect(excelSerialToIso(45000.5)).toBe('2023-03-15T12:00:00');
    expect(excelSerialToIso(0.75)).toBe('18:00:00');
    expect(excelSerialToIso(1, true)).toBe('1904-01-02');
    expect(excelSerialToIso(Number.NaN)).toBeUndefined();
  });
});

describe('validateSpreadsheetResult (the trust boundary)', () => {
  const good = { columns: ['a'], descriptions: [''], rows: [['1']], warnings: [] };
  it('accepts plain arrays of strings', () => {
    expect(validateSpreadsheetResult(good)).toEqual(good);
  });
  it('rejects extra keys, __proto__ payloads, non-strings and ragged rows', () => {
    expect(() => validateSpreadsheetResult({ ...good, extra: 1 })).toThrow(/malformed/);
    expect(() => validateSpreadsheetResult(JSON.parse('{"columns":["a"],"descriptions":[""],"rows":[["1"]],"warnings":[],"__proto__":{"polluted":true}}'))).toThrow(/malformed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => validateSpreadsheetResult({ ...good, rows: [[{ toString: () => 'x' }]] })).toThrow(/malformed data at rows\.0\.0/);
    expect(() => validateSpreadsheetResult({ ...good, rows: [['1', '2']] })).toThrow(/not as wide as the header/);
    expect(() => validateSpreadsheetResult({ ...good, columns: ['a', 'a'], descriptions: ['', ''], rows: [] })).toThrow(/not unique/);
  });
  it('turns a worker error reply into an ImportError and refuses junk replies', () => {
    expect(() => tableFromWorkerReply({ ok: false, message: 'has no sheets' })).toThrow('has no sheets');
    expect(() => tableFromWorkerReply('hello')).toThrow(/malformed/);
  });
});

describe('parseSpreadsheetInWorker (node:worker_threads)', () => {
  it('parses a workbook in a disposable worker and validates the reply', async () => {
    const t = await parseSpreadsheetInWorker(workbook('xlsx'), { fileName: 's.xlsx', headerRows: 2 });
    expect(t.columns).toEqual(['ID', 'Contacted', 'Age', 'Q1', 'Q1 (2)']);
    expect(t.rows[0]![1]).toBe('2024-03-05');
  }, 30_000);

  it('reports the worker’s error and routes CSV to parseTable without a worker', async () => {
    await expect(parseSpreadsheetInWorker(workbook('ods'), { fileName: 's.ods', sheet: 'Missing' })).rejects.toThrow(/has no sheet "Missing"/);
    const csv = await parseTableFile(new TextEncoder().encode('a,b\n1,2\n'), { fileName: 'x.csv' });
    expect(csv.rows).toEqual([['1', '2']]);
  }, 30_000);

  it('stops a worker that exceeds its time limit', async () => {
    await expect(parseSpreadsheetInWorker(workbook('xlsx'), { fileName: 's.xlsx' }, { timeoutMs: 1 })).rejects.toThrow(/took longer than/);
  }, 30_000);

  it('stops a worker when the process’s resident memory grows past its budget (the heap limit alone does not bound array buffers)', async () => {
    // a 1 MB budget: loading the reader alone exceeds it, so the RSS watchdog must fire before the reply
    await expect(parseSpreadsheetInWorker(workbook('xlsx'), { fileName: 's.xlsx' }, { maxRssGrowthMb: 1 })).rejects.toThrow(
      /^needed more than 1 MB of memory to read as a spreadsheet; stopped \(the file may be damaged\)$/,
    );
  }, 30_000);

  it('a damaged workbook (one flipped byte) is refused by the zip check with one line, before xlsx reads it', async () => {
    const good = workbook('xlsx');
    const bad = good.slice();
    bad[Math.floor(bad.length / 3)]! ^= 0x20;
    await expect(parseSpreadsheetInWorker(bad, { fileName: 's.xlsx' })).rejects.toThrow(/^cannot be read as a spreadsheet \((corrupt zip archive|zip )[^\n]*\)$/);
  }, 30_000);
});
