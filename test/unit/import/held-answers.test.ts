import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeldAnswers } from '../../../shared/import/held-answers';

/** Everything held, taken back by each answer's length: the answers as they went in, chunk by chunk. */
function takeAll(h: HeldAnswers, chunks: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  let k = 0;
  for (const c of h.take()) {
    const lengths = chunks[k++]!.map((t) => t.length);
    expect(c.rows).toBe(lengths.length);
    out.push(lengths.map((n) => c.next(n)));
  }
  return out;
}

describe('HeldAnswers', () => {
  it('gives every answer back as it went in, whatever its characters (property)', () => {
    // binary units: lone surrogates (held as strings), U+FEFF at the start, NUL, every plane
    const answer = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\uFEFFanswer', 'é ✓ — “quoted”', '😀\r\nline', '\uD800', '\uDC00x'));
    fc.assert(
      fc.property(fc.array(fc.array(answer, { maxLength: 12 }), { maxLength: 8 }), (chunks) => {
        const h = new HeldAnswers(Infinity);
        for (const c of chunks) h.add(c.length, c);
        expect(h.complete).toBe(true);
        expect(h.rows).toBe(chunks.reduce((n, c) => n + c.length, 0));
        expect(takeAll(h, chunks)).toEqual(chunks);
      }),
    );
  });

  it('holds chunks from the first up to the byte budget, then nothing more (a prefix of the rows)', () => {
    const chunk = ['a'.repeat(100), 'é'.repeat(50)]; // 200 bytes of UTF-8
    const h = new HeldAnswers(500);
    h.add(2, chunk);
    h.add(2, chunk);
    expect(h.bytes).toBe(400);
    h.add(2, chunk); // would make 600
    h.add(2, ['x']); // small enough, but after a chunk left out: not held
    expect(h.complete).toBe(false);
    expect(h.rows).toBe(4);
    expect(takeAll(h, [chunk, chunk])).toEqual([chunk, chunk]);
  });

  it('is taken once: each chunk is let go as the next is taken', () => {
    const h = new HeldAnswers(Infinity);
    h.add(1, ['one']);
    h.add(1, ['two']);
    expect([...h.take()].length).toBe(2);
    expect([...h.take()].length).toBe(0);
  });

  it('an answer longer than what is left is an error, not a short text', () => {
    const h = new HeldAnswers(Infinity);
    h.add(1, ['short']);
    const [c] = [...h.take()];
    expect(() => c!.next(6)).toThrow(/ran out/);
  });
});
