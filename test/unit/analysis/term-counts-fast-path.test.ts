/**
 * termCounts scans plain-ASCII text by character code instead of the Unicode WORD regex (a speed
 * path). It must count exactly what the regex tokeniser finds, word for word and in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termCounts, tokenise } from '../../../shared/analysis';

/** The reference: counts built from the regex tokeniser. */
function viaRegex(text: string): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const w of tokenise(text)) m.set(w, (m.get(w) ?? 0) + 1);
  return [...m];
}

const asciiPiece = fc.constantFrom('a', 'B', 'z', 'Q', '0', '9', "'", "''", ' ', '.', '-', '_', '\n', "don't", "'tis", "ISVA's", 'x1', '@');

describe('termCounts ASCII fast path', () => {
  it('matches the regex tokeniser on ASCII text (words, inner apostrophes, digits, punctuation)', () => {
    fc.assert(
      fc.property(fc.array(asciiPiece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect([...termCounts(text)]).toEqual(viaRegex(text));
      }),
      { numRuns: 500 },
    );
  });

  it('still handles non-ASCII text (curly apostrophes, accented letters) through the regex', () => {
    const text = 'Café didn’t help; the café DIDN’T call ’em back';
    expect([...termCounts(text)]).toEqual(viaRegex(text));
    expect(termCounts(text).get("didn't")).toBe(2);
    expect(termCounts(text).get('café')).toBe(2);
  });

  it('treats a trailing or doubled apostrophe as a word boundary', () => {
    expect([...termCounts("officers' time, rock''n")]).toEqual([['officers', 1], ['time', 1], ['rock', 1], ['n', 1]]);
  });
});
