import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codePointLength, codePointToUtf16, makeOffsetConverter, normaliseText, utf16ToCodePoint } from '../../../shared/model';

const textArb = fc.array(fc.oneof(fc.constantFrom('a', 'é', ' ', '\n', '😊', '𝒳', 'e\u0301', '\r\n', '\r'), fc.string({ minLength: 1, maxLength: 1 })), { maxLength: 60 }).map((parts) => parts.join(''));

describe('offset conversion (UTF-16 ⇄ code points)', () => {
  it('matches Array.from on a known string', () => {
    const s = 'a😊b𝒳c';
    expect(codePointLength(s)).toBe(Array.from(s).length);
    expect(utf16ToCodePoint(s, 3)).toBe(2); // after 'a😊'
    expect(codePointToUtf16(s, 2)).toBe(3);
    expect(utf16ToCodePoint(s, 2)).toBe(1); // inside the pair → its start
  });

  it('round-trips every code-point offset (property)', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const conv = makeOffsetConverter(s);
        for (let cp = 0; cp <= codePointLength(s); cp++) {
          const u = codePointToUtf16(s, cp);
          expect(utf16ToCodePoint(s, u)).toBe(cp);
          expect(conv.toUtf16(cp)).toBe(u);
          expect(conv.toCodePoint(u)).toBe(cp);
        }
      }),
    );
  });

  it('the batch converter agrees with the direct one at every UTF-16 offset (property)', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const conv = makeOffsetConverter(s);
        for (let u = 0; u <= s.length; u++) expect(conv.toCodePoint(u)).toBe(utf16ToCodePoint(s, u));
      }),
    );
  });

  it('rejects offsets outside the text', () => {
    expect(() => utf16ToCodePoint('abc', 4)).toThrow(RangeError);
    expect(() => codePointToUtf16('a😊', 3)).toThrow(RangeError);
    expect(() => makeOffsetConverter('a😊').toUtf16(3)).toThrow(RangeError);
  });
});

describe('normaliseText', () => {
  it('turns CRLF and CR into LF and NFC-composes, remapping offsets', () => {
    const raw = 'Cafe\u0301\r\nline two\rthree';
    const n = normaliseText(raw);
    expect(n.text).toBe('Café\nline two\nthree');
    expect(n.mapOffset(raw.indexOf('line'))).toBe(n.text.indexOf('line'));
    expect(n.mapOffset(raw.indexOf('three'))).toBe(n.text.indexOf('three'));
    expect(n.mapOffset(raw.length)).toBe(n.text.length);
  });

  it('maps the start of every original line to the start of the same line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, '')), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const raw = lines.join(eol);
        const n = normaliseText(raw);
        expect(n.text.split('\n')).toEqual(lines.map((l) => l.normalize('NFC')));
        let o = 0;
        let m = 0;
        for (const l of lines) {
          expect(n.mapOffset(o)).toBe(m);
          o += l.length + eol.length;
          m += l.normalize('NFC').length + 1;
        }
      }),
    );
  });

  it('is monotone and within bounds (property)', () => {
    fc.assert(
      fc.property(textArb, (raw) => {
        const n = normaliseText(raw);
        let prev = 0;
        for (let o = 0; o <= raw.length; o++) {
          const m = n.mapOffset(o);
          expect(m).toBeGreaterThanOrEqual(prev);
          expect(m).toBeLessThanOrEqual(n.text.length);
          prev = m;
        }
      }),
    );
  });
});
