import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource } from '../../../shared/import/byte-source';
import { Checksum, checksum, checksummingSource, checksumSource } from '../../../shared/import/checksum';

const enc = (s: string) => new TextEncoder().encode(s);

/** MurmurHash3 x86_32 written plainly (one byte at a time, whole input), as the reference. */
function murmur3Reference(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  let h = seed | 0;
  const blocks = Math.floor(bytes.length / 4);
  for (let b = 0; b < blocks; b++) {
    let k = bytes[4 * b]! | (bytes[4 * b + 1]! << 8) | (bytes[4 * b + 2]! << 16) | (bytes[4 * b + 3]! << 24);
    k = Math.imul(rotl(Math.imul(k, c1), 15), c2);
    h = (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = bytes.length & 3;
  for (let t = tail - 1; t >= 0; t--) k = (k << 8) | bytes[4 * blocks + t]!;
  if (tail > 0) h ^= Math.imul(rotl(Math.imul(k, c1), 15), c2);
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

describe('checksum (MurmurHash3 x86_32, seeds 0 and 0x9747b28c)', () => {
  it('the reference matches published MurmurHash3 x86_32 test vectors', () => {
    expect(murmur3Reference(enc(''), 0)).toBe(0);
    expect(murmur3Reference(enc(''), 1)).toBe(0x514e28b7);
    expect(murmur3Reference(enc(''), 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3Reference(new Uint8Array(4), 0)).toBe(0x2362f9de);
    expect(murmur3Reference(enc('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3Reference(enc('Hello, world!'), 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3Reference(enc('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(0x2fa826cd);
  });

  it('is the two reference hashes side by side, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => checksum(b) === hex(murmur3Reference(b, 0)) + hex(murmur3Reference(b, 0x9747b28c))),
      { numRuns: 300 },
    );
  });

  it('gives the same digest for any split of the bytes and any slice size, from any byte offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 64 }), fc.nat({ max: 3 }), (b, cuts, size, pad) => {
        // an unaligned view (byteOffset not a multiple of 4) must hash like an aligned one
        const shifted = new Uint8Array(b.length + pad);
        shifted.set(b, pad);
        const view = shifted.subarray(pad);
        const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
        const c = new Checksum();
        let from = 0;
        for (const p of [...points, b.length]) {
          c.update(view.subarray(from, p));
          from = p;
        }
        expect(c.digest()).toBe(checksum(b));
        expect(checksumSource(bytesSource(view), size)).toBe(checksum(b));
      }),
      { numRuns: 300 },
    );
  });

  it('changes when one byte changes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (b, i, d) => {
        const c = b.slice();
        const k = i % c.length;
        c[k] = (c[k]! + d) & 0xff;
        return checksum(c) !== checksum(b);
      }),
    );
  });
});

describe('checksummingSource', () => {
  it('gives the checksum once every byte has been read in order, whatever else is read around it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), fc.nat({ max: 299 }), (b, steps, peek) => {
        const src = checksummingSource(bytesSource(b));
        // a look at the head first (as encoding detection does), then a full pass in uneven slices
        src.read(0, Math.min(b.length, 4));
        src.read(peek % b.length, b.length);
        expect(src.digest()).toBe(peek % b.length <= 4 ? checksum(b) : undefined);
        let at = 0;
        for (let i = 0; at < b.length; i++) {
          const n = steps[i % steps.length]!;
          src.read(at, Math.min(b.length, at + n));
          at += n;
        }
        expect(src.digest()).toBe(checksum(b));
      }),
    );
  });

  it('has no checksum while bytes were skipped', () => {
    const src = checksummingSource(bytesSource(new Uint8Array([1, 2, 3, 4, 5, 6])));
    src.read(2, 6);
    expect(src.digest()).toBeUndefined();
  });
});
