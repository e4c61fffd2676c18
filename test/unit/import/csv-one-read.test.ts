/**
 * parse-table reads a CSV once: the text is checked strictly in the encoding the file's head
 * suggests while it is parsed (strictReading), and read again (encoding detected first) only when
 * that check fails or the read stops at an error. Either way the layout, rows, warnings and errors
 * are those of the read that detects the encoding first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../../../shared/import/byte-source';
import { scanCsvTable, type ParseTableOptions } from '../../../shared/import/csv-stream';
import { encode, ENCODINGS, outcome, utf8 } from './csv-stream-helpers';

function counted(bytes: Uint8Array): ByteSource & { bytesRead: number } {
  const src = bytesSource(bytes);
  const out = { size: src.size, bytesRead: 0, read: (start: number, end: number) => {
    const b = src.read(start, end);
    out.bytesRead += b.length;
    return b;
  } };
  return out;
}

/** scanCsvTable with and without the one read: the layout and the rows handed on (void ones dropped on a restart). */
function both(bytes: Uint8Array, opts: ParseTableOptions, chunkBytes: number) {
  const read = (oneRead: boolean) => {
    const src = counted(bytes);
    let rows: string[][] = [];
    let restarts = 0;
    const result = outcome(() => scanCsvTable(src, opts, (r) => rows.push(...r), chunkBytes, oneRead ? () => ((rows = []), restarts++) : undefined));
    return { result, rows, restarts, bytesRead: src.bytesRead };
  };
  return { one: read(true), checked: read(false) };
}

const body = (n: number, extra = '') => 'id,answer\n' + Array.from({ length: n }, (_, i) => `${i},"answer ${i} café ✓ ${extra}"`).join('\n') + '\n';

describe('parse-table reads a CSV once', () => {
  it('valid text in every encoding: read once (the head aside), same layout and rows as detecting first', () => {
    for (const e of ENCODINGS) {
      const text = e === 'windows-1252' ? body(400).replace(/✓/g, '—') : body(400);
      const bytes = encode(text, e);
      const { one, checked } = both(bytes, { fileName: 'x.csv' }, 512);
      expect(one.result, e).toEqual(checked.result);
      expect(one.rows, e).toEqual(checked.rows);
      expect('value' in one.result, e).toBe(true);
      if (e === 'windows-1252') {
        // not valid UTF-8: detected first after all
        expect(one.restarts).toBe(1);
      } else {
        expect(one.restarts, e).toBe(0);
        expect(one.bytesRead, e).toBeLessThanOrEqual(bytes.length + 1024 + 4);
        expect(checked.bytesRead, e).toBeGreaterThanOrEqual(2 * bytes.length);
      }
    }
  });

  it('plain ASCII and valid UTF-8 are told apart as when detecting first', () => {
    for (const text of ['id,a\n1,plain\n', 'id,a\n1,café\n']) {
      const { one, checked } = both(utf8(text), { fileName: 'x.csv' }, 4);
      expect(one.result).toEqual(checked.result);
    }
  });

  it('errors are the same: damaged UTF-8, a NUL before invalid bytes, an unclosed quote, a chosen encoding that does not fit, no text', () => {
    const nulThenLatin1 = new Uint8Array([...utf8(body(50) + '9,bad\u0000\n'), ...new Uint8Array([0x31, 0x2c, 0xe9, 0x0a])]);
    const damaged = utf8(body(200));
    damaged[damaged.length - 40] = 0xff;
    const cases: [string, Uint8Array, ParseTableOptions][] = [
      ['damaged UTF-8', damaged, { fileName: 'x.csv' }],
      ['NUL, then not UTF-8', nulThenLatin1, { fileName: 'x.csv' }],
      ['NUL in UTF-8', utf8(body(50) + '9,bad\u0000\n'), { fileName: 'x.csv' }],
      ['unclosed quote', utf8('a,b\n1,"open\n' + body(20)), { fileName: 'x.csv' }],
      ['chosen UTF-16 for UTF-8 bytes', utf8(body(20) + 'x'), { fileName: 'x.csv', encoding: 'utf-16le' }],
      ['unknown encoding', utf8(body(5)), { fileName: 'x.csv', encoding: 'klingon' }],
      ['chosen Latin-1', utf8(body(5)), { fileName: 'x.csv', encoding: 'latin1' }],
      ['bad delimiter', utf8(body(5)), { fileName: 'x.csv', delimiter: 'ab' }],
      ['bad header rows', utf8(body(5)), { fileName: 'x.csv', headerRows: 0 }],
      ['whitespace only', utf8(' \n \n'), { fileName: 'x.csv' }],
    ];
    for (const [name, bytes, opts] of cases) {
      const { one, checked } = both(bytes, opts, 64);
      expect(one.result, name).toEqual(checked.result);
      expect(one.rows, name).toEqual(checked.rows);
    }
  });

  it('any bytes: the same outcome and rows with one read as with the encoding detected first (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('id,a,b\n', '1,"x, y",z\n', '"unclosed', 'café', '✓', '\r\n', '\u0000', '😀', ';', '\t'),
      fc.string({ maxLength: 6 }),
    );
    const bytes = fc.oneof(
      fc.array(piece, { maxLength: 30 }).chain((parts) => fc.constantFrom(...ENCODINGS).map((e) => encode(parts.join(''), e))),
      fc.uint8Array({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 64 }), (b, chunk) => {
        const { one, checked } = both(b, { fileName: 'x.csv' }, chunk);
        expect(one.result).toEqual(checked.result);
        expect(one.rows).toEqual(checked.rows);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });
});
