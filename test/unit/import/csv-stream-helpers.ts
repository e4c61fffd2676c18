/** Encoders, the csv-edge-cases folder and a two-pass streaming read for the import tests. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import fc from 'fast-check';
import { bytesSource } from '../../../shared/import/byte-source';
import { csvRowChunks, scanCsvTable, type ParseTableOptions, type TableLayout } from '../../../shared/import/csv-stream';
import type { ParsedTable } from '../../../shared/import/types';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = le ? 0xff : 0xfe;
    out[o++] = le ? 0xfe : 0xff;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes of s, or undefined if a character has none. */
export function cp1252(s: string): Uint8Array | undefined {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(s[i]!);
    if (high >= 0) out[i] = 0x80 + high;
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else return undefined;
  }
  return out;
}

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'windows-1252'] as const;
export type TestEncoding = (typeof ENCODINGS)[number];

/** s encoded as asked (windows-1252 falls back to UTF-8 when s has characters it lacks). */
export function encode(s: string, e: TestEncoding): Uint8Array {
  switch (e) {
    case 'utf-8':
      return utf8(s);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
    case 'utf-16le':
      return utf16(s, true, true);
    case 'utf-16be':
      return utf16(s, false, true);
    case 'utf-16le-nobom':
      return utf16(s, true, false);
    case 'windows-1252':
      return cp1252(s) ?? utf8(s);
  }
}

/** An error's name and message, or the value: outcomes compare with toEqual. */
export function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

export interface Streamed {
  layout: TableLayout;
  /** parseTable's shape, from the layout and the second pass. */
  table: ParsedTable;
  /** Pass 1's chunks as handed on. */
  firstPass: { rows: string[][]; rowNumbers: number[] }[];
}

/** Pass 1 (scanCsvTable, one read: the encoding checked as the rows are parsed, as the import worker reads) then pass 2 (csvRowChunks), both in slices of chunkBytes. */
export function readStreamed(bytes: Uint8Array, opts: ParseTableOptions, chunkBytes: number): Streamed {
  const src = bytesSource(bytes);
  const firstPass: Streamed['firstPass'] = [];
  const layout = scanCsvTable(src, opts, (rows, rowNumbers) => firstPass.push({ rows, rowNumbers }), chunkBytes, () => (firstPass.length = 0));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const c of csvRowChunks(src, layout, chunkBytes)) {
    expect(c.rows.length).toBe(c.rowNumbers.length);
    rows.push(...c.rows);
    rowNumbers.push(...c.rowNumbers);
  }
  const { columns, descriptions, warnings, encoding, encodingReason, delimiter } = layout;
  return { layout, firstPass, table: { columns, descriptions, rows, rowNumbers, warnings, encoding, encodingReason, delimiter } };
}

/**
 * Pass 1's rows against the final table: the same row numbers; each chunk's rows share one width,
 * which never shrinks and never exceeds the final width; padded with '' they are the final rows,
 * except that a whitespace-only cell beyond the width known at that point reads as ''.
 */
export function expectFirstPassFits(s: Streamed, expected: ParsedTable): void {
  const rows = s.firstPass.flatMap((c) => c.rows);
  expect(s.firstPass.flatMap((c) => c.rowNumbers)).toEqual(expected.rowNumbers);
  expect(rows.length).toBe(expected.rows.length);
  expect(s.layout.rowCount).toBe(expected.rows.length);
  const final = expected.columns.length;
  let last = 0;
  let i = 0;
  for (const c of s.firstPass) {
    const w = c.rows[0]!.length;
    expect(c.rows.every((r) => r.length === w)).toBe(true);
    expect(w).toBeGreaterThanOrEqual(last);
    expect(w).toBeLessThanOrEqual(final);
    last = w;
    for (const r of c.rows) {
      const want = expected.rows[i++]!;
      expect(r).toEqual(want.slice(0, w));
      expect(want.slice(w).every((cell) => cell.trim() === '')).toBe(true);
    }
  }
}

/** ../shared/data/csv-edge-cases beside the repo (CI puts shared/ beside the clone). */
export const EDGE_CASES = path.resolve(__dirname, '../../..', '../shared/data/csv-edge-cases');
export const edgeCasesPresent = existsSync(EDGE_CASES);

/** Every file below a folder, sorted. */
export function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .sort();
}

/** Quote a cell when a spreadsheet program would. */
const quote = (c: string) => (/[",\n\r;|\t]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c);

const cellUnit = fc.constantFrom('a', 'b', 'Z', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\r\n', 'é', 'Ω', '😀', '’');
const cell = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 6, unit: cellUnit }) }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '  ') });

/** A survey-like table as text: title rows, a header, ragged and blank rows, optionally repeated past the 200-row header sample. */
export const tableText = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    titles: fc.array(fc.string({ minLength: 1, maxLength: 12, unit: cellUnit }), { maxLength: 2 }),
    header: fc.array(cell, { minLength: 1, maxLength: 6 }),
    body: fc.array(fc.oneof({ weight: 5, arbitrary: fc.array(cell, { maxLength: 7 }) }, { weight: 1, arbitrary: fc.constantFrom<string[]>([], ['', ''], [' ']) }), { maxLength: 8 }),
    repeat: fc.constantFrom(1, 1, 1, 40),
    longRow: fc.option(fc.array(cell, { minLength: 6, maxLength: 9 }), { nil: undefined }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalEol: fc.boolean(),
  })
  .map((t) => {
    const rows = [...t.titles.map((x) => [x]), t.header];
    for (let k = 0; k < t.repeat; k++) rows.push(...t.body);
    if (t.longRow) rows.push(t.longRow); // widens the table after the header was resolved
    const text = rows.map((r) => r.map(quote).join(t.delimiter)).join(t.eol) + (t.finalEol ? t.eol : '');
    return { text, delimiter: t.delimiter };
  });
