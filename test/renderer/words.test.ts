import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findWords, snapToWords } from '../../renderer/features/coding/words';

describe('snapToWords', () => {
  const text = 'They never rang me back.  It’s fine now.';
  it('widens a selection that starts and ends inside words', () => {
    const s = snapToWords(text, text.indexOf('ever'), text.indexOf('ang') + 1)!;
    expect(text.slice(s.start, s.end)).toBe('never rang');
  });
  it('trims white space and keeps apostrophes inside a word', () => {
    const s = snapToWords(text, text.indexOf('.') + 1, text.indexOf('fine') + 2)!;
    expect(text.slice(s.start, s.end)).toBe('It’s fine');
  });
  it('returns null for a blank selection', () => {
    expect(snapToWords(text, 24, 26)).toBeNull();
  });
  it('never splits a surrogate pair', () => {
    const t = 'ok 😀😀 done';
    const s = snapToWords(t, 4, 6)!;
    expect(s.start % 1).toBe(0);
    expect(t.slice(s.start, s.end)).toBe('😀😀'.slice(0, 4));
  });
  it('always covers the trimmed selection and lands on word boundaries (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '’', '.', 'é') , maxLength: 40 }), fc.nat(), fc.nat(), (t, x, y) => {
        const a = x % (t.length + 1);
        const b = y % (t.length + 1);
        const s = snapToWords(t, a, b);
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        if (t.slice(lo, hi).trim() === '') return s === null;
        expect(s).not.toBeNull();
        expect(s!.start).toBeLessThanOrEqual(hi);
        expect(s!.end).toBeGreaterThanOrEqual(lo);
        expect(t.slice(s!.start, s!.end)).toBe(t.slice(s!.start, s!.end).trim());
        return true;
      }),
    );
  });
});

describe('findWords', () => {
  it('finds words with inner apostrophes and hyphens, skipping punctuation', () => {
    const t = 'Police—they didn’t follow-up!';
    expect(findWords(t).map((w) => t.slice(w.start, w.end))).toEqual(['Police', 'they', 'didn’t', 'follow-up']);
  });
  it('respects the from/to window', () => {
    const t = 'one two three';
    expect(findWords(t, 4, 13).map((w) => t.slice(w.start, w.end))).toEqual(['two', 'three']);
  });
});
