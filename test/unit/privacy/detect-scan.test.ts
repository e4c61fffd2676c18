/**
 * The scan behind detectPii tries its regexes only at some positions (shared/privacy/detect.ts,
 * scanPositions). These properties pin what makes that safe: no position where a regex would match
 * is ever skipped, so the findings are those of plain global searches over the whole text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCAN_INTERNALS } from '../../../shared/privacy/detect';

const { combined, lowerPasses, lowerBeforeDigit, scanPositions, triggeredMatches } = SCAN_INTERNALS;

/** Pieces that make every alternative and every trigger word likely, in any case, glued by spaces, stops and digits. */
const PIECES = [
  'my', 'My', 'MY', 'her', 'Her', 'his', 'our', 'Their', 'called', 'named', 'name is', 'name was', 'ex', 'partner', 'daughter', 'kids', 'step', 'dad', 'son',
  'dr', 'Dr', 'DR', 'drs', 'doctor', 'Doctor', 'dortor', 'nurse', 'Nurse', 'mr', 'Mrs', 'ms', 'MS', 'miss', 'Miss', 'ask', 'Ask', 'aSK', 'ASK', 'for', 'ani', 'angela', 'an',
  'live', 'lives', 'living', 'lived', 'moved', 'moving', 'stay', 'stays', 'staying', 'reside', 'resides', 'on', 'at', 'to', 'near', 'marsh', 'lane', 'road', 'close', 'the', 'high',
  'gary', 'jade', 'riley', 'and', 'Sarah', 'Jones', 'PC', 'Flat', 'flat', 'Elm', 'Road', 'Heol', 'y', 'Nant', 'March', 'Sept', 'May', 'GIR', '0AA', 'LS6', '2AB', 'ls6', '2ab',
  'AB', 'ab', '12', '34', '56', 'C', 'c', 'yr15', 'hgk', 'AB12', 'CDE', 'LJZ', '4521', 'CR/12345/24', '47/12345/23', 'MPS-2024-123456', '07700', '900123', '+44', '(0113)', '496',
  '943', '476', '5919', 'a@b.co', '@x', 'http://a.b', 'https://x.org/y', 'www.x.com', 'x.co.uk', '.com', '1st', '3rd', 'of', '1/2/85', '14', '9a', 'Siobhán', 'Łukasz', 'ÀÉ', 'é',
];
const SEPS = [' ', ' ', ' ', '', '.', '. ', ',', ', ', '\n', '\t', '-', '/', "'", '’', ':', '(', ')', '0', '7', '_'];
const text = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ maxLength: 5 }) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/) }),
      fc.constantFrom(...SEPS),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

const matchesAt = (re: RegExp, s: string, i: number): boolean => {
  const sticky = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
  sticky.lastIndex = i;
  return sticky.test(s);
};

/** Every match of a plain global search of `re` over `s`. */
function globalMatches(re: RegExp, s: string): { index: number; text: string; groups: (string | undefined)[] }[] {
  const g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
  return [...s.matchAll(g)].map((m) => ({ index: m.index, text: m[0], groups: [...m].slice(1) }));
}

describe('detectPii scan: the positions it tries', () => {
  it('never skips a position where the combined pattern matches (a candidate, or a lower-case letter just before a digit)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const tried = new Set(scanPositions(s).candidates);
        for (let i = 0; i <= s.length; i++) {
          if (matchesAt(combined, s, i)) expect(tried.has(i) || lowerBeforeDigit(s, i), `position ${i} of ${JSON.stringify(s)}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a trigger word wherever a lower-case pass or the "ask for Angela" test can match', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = scanPositions(s);
        for (const [re, bit] of lowerPasses) {
          for (let i = 0; i < s.length; i++) {
            if (!matchesAt(re, s, i)) continue;
            const k = t.starts.indexOf(i);
            expect(k >= 0 && (t.bits[k]! & bit) !== 0, `${re.source.slice(0, 30)}… at ${i} of ${JSON.stringify(s)}`).toBe(true);
          }
        }
        if (lowerPasses[3][0].test(s)) expect(t.ask).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives each lower-case pass exactly the matches of a global search', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = scanPositions(s);
        for (const [re, bit] of lowerPasses.slice(0, 3)) {
          const fast = triggeredMatches(s, t, bit, re).map((m) => ({ index: m.index, text: m[0], groups: [...m].slice(1) }));
          expect(fast).toEqual(globalMatches(re, s));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the trigger words of a plain example, capitals and all', () => {
    const s = 'My ex gary said Dr pelly and aSK for Ani; she lives on marsh lane.';
    const t = scanPositions(s);
    expect(t.starts.map((i) => s.slice(i, i + 4))).toEqual(['My e', 'Dr p', 'aSK ', 'live']);
    expect(t.ask).toBe(true);
  });
});
