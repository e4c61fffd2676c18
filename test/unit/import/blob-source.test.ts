import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blobSource } from '../../../renderer/workers/blob-source';
import { byteSlices } from '../../../shared/import/byte-source';
import { forgetPickedFiles, pickedFile } from '../../picked-file';

afterEach(forgetPickedFiles);

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

describe('blobSource', () => {
  it('gives exactly the bytes asked for, whatever the order and size of the reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }),
        (n, readAhead, spans) => {
          const bytes = bytesOf(n);
          const { file } = pickedFile(bytes);
          const src = blobSource(file, readAhead);
          expect(src.size).toBe(n);
          for (const [a, b] of spans) {
            const start = Math.floor(Math.min(a, b) * n);
            const end = Math.floor(Math.max(a, b) * n);
            expect(Array.from(src.read(start, end))).toEqual(Array.from(bytes.slice(start, end)));
          }
        },
      ),
    );
  });

  it('reads the file in windows, not once per slice, and lets the window go at the end', () => {
    const bytes = bytesOf(10_000);
    const { file, reads } = pickedFile(bytes);
    const src = blobSource(file, 4096);
    const slices = [...byteSlices(src, 1000)];
    expect(slices.map((s) => s.length).reduce((a, b) => a + b, 0)).toBe(10_000);
    // ten slices of 1,000 bytes from three reads of the file
    expect(reads).toEqual([
      [0, 4096],
      [4000, 8096],
      [8000, 10_000],
    ]);
    // a second pass reads again from the start (the last window was let go after the last byte)
    src.read(0, 1000);
    expect(reads.at(-1)).toEqual([0, 4096]);
  });

  it('reads a slice as large as the window straight through', () => {
    const { file, reads } = pickedFile(bytesOf(10_000));
    const src = blobSource(file, 2048);
    expect(src.read(100, 5100).length).toBe(5000);
    expect(reads).toEqual([[100, 5100]]);
  });
});
