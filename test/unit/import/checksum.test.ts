import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checksum } from '../../../shared/import/checksum';

const enc = (s: string) => new TextEncoder().encode(s);

/** Reference FNV-1a 64 with BigInt, to check the 32-bit-halves implementation. */
function fnv1a64Reference(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('checksum (FNV-1a 64)', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    // from the FNV reference test suite (isthe.com/chongo/tech/comp/fnv)
    expect(checksum(enc(''))).toBe('cbf29ce484222325');
    expect(checksum(enc('a'))).toBe('af63dc4c8601ec8c');
    expect(checksum(enc('foobar'))).toBe('85944171f73967e8');
  });

  it('equals a BigInt reference implementation for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => checksum(b) === fnv1a64Reference(b)), { numRuns: 300 });
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
