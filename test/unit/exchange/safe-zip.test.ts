import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import { checkZip, crc32, listZip, MAX_ZIP_ENTRIES, safeUnzip, ZIP_LIMITS, ZipError } from '../../../shared/exchange/safe-zip';
import { docxToText } from '../../../shared/import/docx';
import { realisticBundle } from './bundle-fixture';

/** Overwrite a little-endian u32 at every central-directory entry's field `field` (offset in the entry). */
function patchCentral(zip: Uint8Array, field: number, value: number | ((old: number) => number)): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + field, typeof value === 'number' ? value : value(v.getUint32(i + field, true)), true);
  }
  return out;
}
/** Overwrite the local header's field too (sizes are at +18/+22 locally, +20/+24 centrally). */
function patchLocal(zip: Uint8Array, field: number, value: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (v.getUint32(i, true) === 0x04034b50) v.setUint32(i + field, value, true);
  return out;
}

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const text = (n: number, seed = 1) => strToU8(Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join(''));

describe('safeUnzip', () => {
  it('unpacks what fflate writes exactly as fflate reads it (stored and deflated, any names and contents)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.endsWith('/')), fc.uint8Array({ maxLength: 3000 }), { maxKeys: 5 }), fc.boolean(), (files, store) => {
        const zip = zipSync(files, { level: store ? 0 : 6 });
        expect(safeUnzip(zip)).toEqual(unzipSync(zip));
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('crc32 matches the known check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('caps the TOTAL unpacked size before unpacking anything, not only each entry', () => {
    const zip = zipSync({ a: text(4000), b: text(4000, 2), c: text(4000, 3) });
    const limits = { ...ZIP_LIMITS, maxEntryBytes: 5000, maxTotalBytes: 10_000 };
    expect(() => safeUnzip(zip, { limits })).toThrow(/unpacks to more than 10,000 bytes in all/);
    expect(Object.keys(safeUnzip(zip, { limits: { ...limits, maxTotalBytes: 12_000 } }))).toEqual(['a', 'b', 'c']);
    expect(() => safeUnzip(zip, { limits: { ...limits, maxEntryBytes: 3999 } })).toThrow(/entry "a" unpacks to 4,000 bytes, more than the 3,999 bytes/);
  });

  it('an entry declared just under 512 MiB (longer than any JavaScript string) is refused by size, before any work', () => {
    const zip = patchLocal(patchCentral(zipSync({ 'project.qde': text(100) }), 24, 512 * 1024 * 1024 - 1), 22, 512 * 1024 * 1024 - 1);
    const t = performance.now();
    expect(() => safeUnzip(zip)).toThrow(/entry "project.qde" unpacks to 512 MiB, more than the 256 MiB/);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('stops an entry that unpacks to more than its header declares (a lying size costs no memory)', () => {
    const big = zipSync({ bomb: new Uint8Array(2_000_000) }); // 2 MB of zeros, ~2 KB compressed
    const lying = patchLocal(patchCentral(big, 24, 1000), 22, 1000);
    expect(() => safeUnzip(lying)).toThrow(/entry "bomb" unpacks to more than the 1,000 bytes its header declares/);
    let x = 1;
    const noise = Uint8Array.from({ length: 200_000 }, () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x & 0xff)); // xorshift: incompressible
    const streamed = zipSync({ noise }); // >64 KB compressed: the streaming path
    expect(streamed.length).toBeGreaterThan(65536);
    expect(() => safeUnzip(patchLocal(patchCentral(streamed, 24, 100_000), 22, 100_000))).toThrow(/entry "noise" unpacks to more than the 100,000 bytes/);
    expect(() => safeUnzip(patchLocal(patchCentral(streamed, 24, 300_000), 22, 300_000))).toThrow(/entry "noise" unpacks to 200,000 bytes, not the 300,000 bytes/);
  });

  it('checks every entry\u2019s CRC-32 (a damaged byte is reported, not read)', () => {
    const zip = zipSync({ 'a.txt': text(50) }, { level: 0 });
    const damaged = zip.slice();
    damaged[30 + 'a.txt'.length + 10]! ^= 0x01; // a byte inside the stored data
    expect(() => safeUnzip(damaged)).toThrow(/entry "a.txt" fails its CRC check/);
    const wrongCrc = patchLocal(patchCentral(zip, 16, 0x12345678), 14, 0x12345678);
    expect(() => safeUnzip(wrongCrc)).toThrow(ZipError);
  });

  it('refuses a local header that disagrees with the central directory (other readers trust it)', () => {
    const zip = zipSync({ 'a.txt': text(50) });
    expect(() => safeUnzip(patchLocal(zip, 22, 9_999_999))).toThrow(/local header disagrees/);
  });

  it('lists entries and rejects a cut-short file with one line', () => {
    const zip = zipSync({ x: text(10), 'd/y': text(20) });
    expect(listZip(zip).map((e) => [e.name, e.size])).toEqual([['x', 10], ['d/y', 20]]);
    expect(() => checkZip(zip.subarray(0, zip.length - 30))).toThrow(/no central directory/);
    expect(() => checkZip(strToU8('hello'))).toThrow(/not a zip archive/);
  });
});

describe('entries', () => {
  it('opens Chorus’s own .qdpx with a file per document up to the most a zip holds (50,001 documents here), and no more', () => {
    const b = realisticBundle();
    const doc = b.documents[0]!;
    // (below MAX_ZIP_ENTRIES the writer gives each document its own file; a lower read limit once refused these)
    const documents = Array.from({ length: 50_001 }, (_, i) => ({ ...doc, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `D${i}`, text: `Text ${i}.`, length: `Text ${i}.`.length, turns: [] }));
    const big = { ...b, documents, codings: [], memos: [], findings: [], actions: [], quotes: [] };
    const zip = writeQdpx(big);
    expect(listZip(zip)).toHaveLength(50_001 + 2);
    const back = readQdpx(zip, 'big.qdpx');
    expect(back.documents).toHaveLength(50_001);
    expect(back.documents.find((d) => d.title === 'D50000')?.text).toBe('Text 50000.');
    expect(ZIP_LIMITS.maxEntries).toBe(MAX_ZIP_ENTRIES);
    expect(() => listZip(zip, { ...ZIP_LIMITS, maxEntries: 50_002 })).toThrow('zip archive has 50,003 entries, more than the 50,002 Chorus reads');
  }, 60_000);
});

describe('hostile archives at the call sites', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chorus-safezip-'));

  it('chorus info: entries declaring 500 MB each, or five of 250 MB, fail at once with one line naming the file', async () => {
    const files: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project/>') };
    for (let i = 0; i < 5; i++) files[`Sources/big${i}.txt`] = text(1000, i);
    const four = path.join(dir, 'four.qdpx');
    writeFileSync(four, patchCentral(zipSync(files), 24, (old) => (old === 1000 ? 500_000_000 : old)));
    const r4 = await cli(['info', four]);
    expect(r4.code).toBe(1);
    expect(r4.err).toBe(`chorus info: ${four}: not a REFI-QDA project (zip entry "Sources/big0.txt" unpacks to 477 MiB, more than the 256 MiB Chorus reads from one entry)\n`);
    const zip = patchCentral(zipSync(files), 24, (old) => (old === 1000 ? 250_000_000 : old));
    const file = path.join(dir, 'bomb.qdpx');
    writeFileSync(file, zip);
    const t = performance.now();
    const r = await cli(['info', file]);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`chorus info: ${file}: not a REFI-QDA project (zip archive unpacks to more than 1,024 MiB in all, the limit Chorus reads)\n`);
  });

  it('chorus info: an entry just under 512 MiB is a one-line error naming the file, not "unexpected error"', async () => {
    const zip = patchCentral(zipSync({ 'project.qde': text(100) }), 24, 512 * 1024 * 1024 - 1);
    const file = path.join(dir, 'long.qdpx');
    writeFileSync(file, zip);
    const r = await cli(['info', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^chorus info: ${file.replace(/[.\\/]/g, '\\$&')}: not a REFI-QDA project \\(zip entry "project.qde" unpacks to 512 MiB, more than the 256 MiB Chorus reads from one entry\\)\\n$`));
  });

  it('a real project still reads, and a damaged byte in it is caught by the CRC', async () => {
    const zip = writeQdpx(realisticBundle());
    const good = path.join(dir, 'good.qdpx');
    writeFileSync(good, zip);
    expect((await cli(['info', good, '--json'])).code).toBe(0);
    const entries = listZip(zip);
    const qde = entries.find((e) => e.name === 'project.qde')!;
    const damaged = zip.slice();
    const start = qde.localOffset + 30 + qde.rawName.length;
    damaged[start + Math.floor(qde.compressedSize / 2)]! ^= 0x10;
    const bad = path.join(dir, 'damaged.qdpx');
    writeFileSync(bad, damaged);
    const r = await cli(['info', bad]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.err).toMatch(/damaged\.qdpx: not a REFI-QDA project \(corrupt zip archive \(entry "project\.qde" (fails its CRC check|cannot be unpacked|unpacks to)/);
  });

  it('a DOCX whose total is over the cap is refused before mammoth reads it', async () => {
    const parts: Record<string, Uint8Array> = { 'word/document.xml': text(100) };
    for (let i = 0; i < 5; i++) parts[`word/media/p${i}.xml`] = text(100, i);
    const zip = patchCentral(zipSync(parts), 24, 200 * 1024 * 1024);
    await expect(docxToText(zip)).rejects.toThrow(/cannot be read as a DOCX document \(zip archive unpacks to more than 1,024 MiB in all/);
  });
});
