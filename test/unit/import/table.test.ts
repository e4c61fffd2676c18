import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseTable } from '../../../shared/import/table';
import { decodeText } from '../../../shared/import/encoding';
import { uniqueColumnNames } from '../../../shared/import/header';
import { utf16, utf8 } from './csv-stream-helpers';

/** Write a grid as CSV the way spreadsheet programs do (quote when needed, double quotes). */
function toCsv(rows: string[][], d: string, eol: string): string {
  return rows.map((r) => r.map((c) => (/[",\n\r;|\t]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join(eol) + eol;
}

describe('parseTable', () => {
  it('detects each common delimiter and obeys an explicit one', () => {
    for (const d of [',', ';', '\t', '|']) {
      const t = parseTable(utf8(['id', 'answer', 'age'].join(d) + '\n' + ['1', 'it was "fine", mostly', '30'].map((c) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(d) + '\n'), { fileName: 'a.csv' });
      expect(t.delimiter).toBe(d);
      expect(t.rows).toEqual([['1', 'it was "fine", mostly', '30']]);
    }
    const forced = parseTable(utf8('a;b,c\n1;2,3\n'), { fileName: 'a.csv', delimiter: ',' });
    expect(forced.columns).toEqual(['a;b', 'c']);
    expect(parseTable(utf8('a\tb\n1\t2\n'), { fileName: 'a.tsv', delimiter: 'tab' }).columns).toEqual(['a', 'b']);
    expect(() => parseTable(utf8('a,b\n'), { fileName: 'a.csv', delimiter: ';;' })).toThrow(/delimiter must be one character/);
  });

  it('round-trips any grid written as CSV with any delimiter and line end (property)', () => {
    const cell = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', '|', '\t', 'é', '😀') });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((w) =>
          fc.tuple(
            fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/), { minLength: w, maxLength: w, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
            fc.array(fc.array(cell, { minLength: w, maxLength: w }).filter((r) => r.some((c) => c.trim() !== '')), { minLength: 1, maxLength: 6 }),
          ),
        ),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        ([header, rows], d, eol) => {
          const t = parseTable(utf8(toCsv([header, ...rows], d, eol)), { fileName: 'p.csv', delimiter: d });
          expect(t.columns).toEqual(header);
          expect(t.rows).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('makes header names unique and names empty ones', () => {
    const t = parseTable(utf8('Q1,Q1,,q1,Q1 (2)\n1,2,3,4,5\n'), { fileName: 'a.csv' });
    expect(t.columns).toEqual(['Q1', 'Q1 (2)', 'Column 3', 'q1 (3)', 'Q1 (2) (2)']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'A', 'a', 'A (2)', ' B ', 'Column 1'), { maxLength: 12 }), (names) => {
        const u = uniqueColumnNames(names);
        expect(u).toHaveLength(names.length);
        expect(new Set(u.map((x) => x.toLowerCase())).size).toBe(u.length);
        expect(u.every((x) => x.length > 0)).toBe(true);
      }),
    );
  });

  it('keeps later header rows as column descriptions', () => {
    const csv = 'ID,Q1,Q2\nRespondent,How did the officer treat you?,Anything else?\n,(free text),\nR1,Kindly,No\n';
    const t = parseTable(utf8(csv), { fileName: 'q.csv', headerRows: 3 });
    expect(t.columns).toEqual(['ID', 'Q1', 'Q2']);
    expect(t.descriptions).toEqual(['Respondent', 'How did the officer treat you? – (free text)', 'Anything else?']);
    expect(t.rows).toEqual([['R1', 'Kindly', 'No']]);
    expect(t.rowNumbers).toEqual([4]);
    const none = parseTable(utf8('1,2\n3,4\n'), { fileName: 'n.csv', headerRows: 0 });
    expect(none.columns).toEqual(['Column 1', 'Column 2']);
    expect(none.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(() => parseTable(utf8('a\n'), { fileName: 'n.csv', headerRows: -1 })).toThrow(/header rows/);
  });

  it('fails clearly on an unterminated quote, an empty file and a workbook', () => {
    expect(() => parseTable(utf8('a,b\n1,"never closed\n2,3\n'), { fileName: 'a.csv' })).toThrow(/row 2: a quoted field is never closed/);
    expect(() => parseTable(new Uint8Array(), { fileName: 'a.csv' })).toThrow(/is empty/);
    expect(() => parseTable(utf8(' \n\n'), { fileName: 'a.csv' })).toThrow(/has no text/);
    expect(() => parseTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), { fileName: 'a.csv' })).toThrow(/disposable worker/);
    expect(() => parseTable(utf8('a,b'), { fileName: 'survey.xlsx' })).toThrow(/disposable worker/);
  });

  it('numbers rows as a spreadsheet shows them, across blank lines and multi-line cells', () => {
    const t = parseTable(utf8('a,b\n"x\ny",1\n\n,2,3\n'), { fileName: 'a.csv' });
    expect(t.rowNumbers).toEqual([2, 4]);
    expect(t.warnings).toEqual([{ file: 'a.csv', row: 4, message: expect.stringMatching(/extra cells/) }]);
  });
});

describe('decodeText', () => {
  it('detects UTF-16 without a BOM from its NUL pattern, both byte orders', () => {
    const s = 'name,comment\nAlex,Très bien\n';
    expect(decodeText(utf16(s, true, false))).toMatchObject({ text: s, encoding: 'utf-16le', guessed: true });
    expect(decodeText(utf16(s, false, false))).toMatchObject({ text: s, encoding: 'utf-16be', guessed: true });
    expect(decodeText(utf16(s, true, true))).toMatchObject({ text: s, encoding: 'utf-16le', guessed: false, reason: 'UTF-16LE byte-order mark' });
  });

  it('tells Windows-1252 from ISO-8859-1 by bytes 0x80–0x9F and says why', () => {
    // “It’s” in Windows-1252: 0x93 It 0x92 s 0x94
    const cp = new Uint8Array([0x61, 0x0a, 0x93, 0x49, 0x74, 0x92, 0x73, 0x94, 0x0a]);
    const d = decodeText(cp);
    expect(d).toMatchObject({ text: 'a\n“It’s”\n', encoding: 'windows-1252' });
    expect(d.reason).toMatch(/0x80–0x9F/);
    const latin = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    expect(latin).toMatchObject({ text: 'café', encoding: 'iso-8859-1' });
    // an explicit choice is obeyed, including true Latin-1 for 0x80–0x9F
    expect(decodeText(cp, 'latin1').text).toBe('a\n\u0093It\u0092s\u0094\n');
    expect(decodeText(cp, 'cp1252').reason).toBe('chosen by the user');
  });

  it('refuses bytes that are invalid in a chosen encoding, and unknown encodings', () => {
    expect(() => decodeText(new Uint8Array([0xe9, 0x41]), 'utf-8')).toThrow(/not valid utf-8/);
    expect(() => decodeText(utf8('a'), 'klingon-7')).toThrow(/unknown encoding "klingon-7"/);
  });

  it('decodes any string encoded as UTF-8 (with or without BOM) or UTF-16 with BOM exactly (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => !s.startsWith('\uFEFF') && !s.includes('\u0000')), (s) => {
        expect(decodeText(utf8(s)).text).toBe(s);
        expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)])).text).toBe(s);
        expect(decodeText(utf16(s, true, true)).text).toBe(s);
        expect(decodeText(utf16(s, false, true)).text).toBe(s);
      }),
    );
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits rows consistently, ignoring a comma-rich title line', () => {
    expect(detectDelimiter('Report, 2024, final\na;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('just one column\nvalue\n')).toBe(',');
  });
});
