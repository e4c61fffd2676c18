/** A UTF-8 file with a few invalid bytes is reported as damaged UTF-8 (where the bytes are), never re-read as Windows-1252. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { bytesSource } from '../../../shared/import/byte-source';
import { decodeText, detectEncoding, utf8Evidence } from '../../../shared/import/encoding';

const enc = new TextEncoder();
const names = ['Zoë', 'José', 'Siobhán', 'Łukasz', 'Ayşe', 'Renée', 'Jürgen', 'Míchéal'];

/** ~200 KB of UTF-8 survey text with accented names on every row, and one stray 0xFF at `at` (a byte offset). */
function surveyWithStrayByte(at: number): Uint8Array {
  const rows = ['id,name,comment'];
  for (let i = 0, n = 0; n < 200_000; i++) n += rows[rows.push(`${i},${names[i % names.length]},"The officer — ${names[(i + 3) % names.length]} — called back"`) - 1]!.length + 1;
  const good = enc.encode(rows.join('\n') + '\n');
  const out = new Uint8Array(good.length + 1);
  out.set(good.subarray(0, at));
  out[at] = 0xff;
  out.set(good.subarray(at), at + 1);
  return out;
}

describe('damaged UTF-8', () => {
  it('a 200 KB UTF-8 CSV with one stray 0xFF is an error naming its line and byte, not Windows-1252', () => {
    const bytes = surveyWithStrayByte('id,name,comment\n0,'.length); // on line 2, after "0,"
    expect(() => decodeText(bytes)).toThrow(/^is UTF-8 \([\d,]+ valid multi-byte characters\) but 1 byte is not valid UTF-8: line 2 at byte 18 \(0xFF\); the file is damaged/);
    for (const slice of [7, 4096, 1 << 20]) expect(() => detectEncoding(bytesSource(bytes), undefined, slice)).toThrow(/line 2 at byte 18 \(0xFF\)/);
  });

  it('the CLI names the file and the place', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-utf8-'));
    const file = path.join(dir, 'survey.csv');
    writeFileSync(file, surveyWithStrayByte(150_001));
    let err = '';
    const code = await runCli(['scan', file], { out: () => {}, err: (t) => void (err += t) });
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toMatch(new RegExp(`^chorus scan: survey\\.csv: is UTF-8 .* but 1 byte is not valid UTF-8: line [\\d,]+ at byte 150,001 \\(0xFF\\)`));
  });

  it('real Windows-1252 and Latin-1 text (one high byte per accent) is still read as such', () => {
    const cp = new Uint8Array([...enc.encode('id,name\n1,Jos'), 0xe9, ...enc.encode('\n2,'), 0x93, ...enc.encode('quoted'), 0x94, ...enc.encode('\n3,Zo'), 0xeb, 0x0a]);
    const r = decodeText(cp);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('id,name\n1,José\n2,\u201cquoted\u201d\n3,Zoë\n');
  });

  it('valid UTF-8 with accents and any few stray bytes inserted is always reported as damaged UTF-8, with their offsets (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...names, 'and', 'the', 'police', ',', '\n', ' '), { minLength: 30, maxLength: 200 }),
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0xff, 0xfe, 0xc0, 0x80),
        (words, spots, stray) => {
          const text = enc.encode(words.join(' '));
          const multi = utf8Evidence(bytesSource(text)).multiByte;
          fc.pre(multi >= 3 * spots.length);
          // insert stray bytes only between characters (before an ASCII byte or a lead byte)
          const cuts = [...new Set(spots.map((s) => s % (text.length + 1)))].filter((c) => c === text.length || (text[c]! & 0xc0) !== 0x80).sort((a, b) => a - b);
          fc.pre(cuts.length > 0);
          const out: number[] = [];
          const offsets: number[] = [];
          let prev = 0;
          for (const c of cuts) {
            out.push(...text.subarray(prev, c));
            offsets.push(out.length);
            out.push(stray);
            prev = c;
          }
          out.push(...text.subarray(prev));
          const bytes = new Uint8Array(out);
          const e = utf8Evidence(bytesSource(bytes), 5);
          expect(e.invalid.map((b) => b.offset)).toEqual(offsets);
          expect(() => decodeText(bytes)).toThrow(/^is UTF-8 .* not valid UTF-8: line/);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  });
});
