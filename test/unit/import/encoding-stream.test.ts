/**
 * Encoding detection over a ByteSource in slices (detectEncoding, decodeSource) and decodeText
 * built on it, against the whole-file decodeText they replaced (csv-reference.ts), for random bytes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource } from '../../../shared/import/byte-source';
import { decodeSource, decodeText, detectEncoding } from '../../../shared/import/encoding';
import { referenceDecodeText } from './csv-reference';
import { outcome, utf16, utf8 } from './csv-stream-helpers';

const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

/** Byte runs that steer the detection down each branch: ASCII, Greek words, Big5-like pairs, C1 bytes, UTF-8/UTF-16 text, BOMs, NULs. */
const segment = fc.oneof(
  fc.uint8Array({ maxLength: 8 }),
  fc.array(fc.oneof(range(0x61, 0x7a), fc.constant(0x20), fc.constant(0x2c), fc.constant(0x0a)), { maxLength: 12 }).map((a) => new Uint8Array(a)),
  fc.array(range(0xc1, 0xf9), { minLength: 3, maxLength: 8 }).map((a) => new Uint8Array([...a, 0x20])),
  fc.array(fc.tuple(range(0xa4, 0xf9), range(0x40, 0x7e)), { maxLength: 8 }).map((p) => new Uint8Array(p.flat())),
  fc.array(range(0x80, 0x9f), { maxLength: 3 }).map((a) => new Uint8Array(a)),
  fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'é', '😀', 'Ω', '中', '\n', ',') }).map(utf8),
  fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'é', '😀', ',', '\n') }).chain((s) => fc.boolean().map((le) => utf16(s, le, false))),
  fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0])),
);
const bytes = fc.array(segment, { maxLength: 30 }).map((parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
});
const chosen = fc.option(fc.constantFrom('utf-8', 'UTF8', 'utf-16le', 'utf-16be', 'latin1', 'cp1252', 'greek', 'big5', 'shift_jis', 'klingon-7'), { nil: undefined });
const slice = fc.oneof(range(1, 16), fc.constant(1 << 20));

describe('detectEncoding / decodeSource / decodeText', () => {
  it('decide exactly as the whole-file decodeText did, for any bytes, chosen encoding and slice size (property)', () => {
    fc.assert(
      fc.property(bytes, chosen, slice, (b, enc, size) => {
        const ref = outcome(() => referenceDecodeText(b, enc));
        expect(outcome(() => decodeText(b, enc))).toEqual(ref);
        const src = bytesSource(b);
        const decision = outcome(() => detectEncoding(src, enc, size));
        if ('error' in ref) return void expect(decision).toEqual(ref);
        expect(decision).toEqual({ value: { encoding: ref.value.encoding, reason: ref.value.reason, guessed: ref.value.guessed, bomLength: expect.any(Number) } });
        if ('value' in decision) expect([...decodeSource(src, decision.value, size)].join('')).toBe(ref.value.text);
      }),
      { numRuns: 1500 },
    );
  });

  it('reaches every decision (the generator is not stuck in one branch)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(bytes, (b) => {
        const r = outcome(() => referenceDecodeText(b));
        seen.add('error' in r ? r.error.slice(0, 40) : `${r.value.encoding} ${r.value.reason.slice(0, 20)}`);
      }),
      { numRuns: 1500, seed: 7 },
    );
    for (const want of ['utf-8 plain', 'utf-8 valid', 'utf-16le', 'utf-16be', 'iso-8859-7', 'windows-1252', 'iso-8859-1', 'is not UTF-8 and looks like']) {
      expect([...seen].some((s) => s.includes(want)), want).toBe(true);
    }
  });

  it('skips the byte-order mark it found, and only a chosen encoding’s own', () => {
    const text = 'a,b\n1,é\n';
    expect(detectEncoding(bytesSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])))).toEqual({ encoding: 'utf-8', reason: 'UTF-8 byte-order mark', guessed: false, bomLength: 3 });
    expect(detectEncoding(bytesSource(utf16(text, false, true)), 'utf-16be').bomLength).toBe(2);
    expect(detectEncoding(bytesSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), 'cp1252').bomLength).toBe(0);
  });
});
