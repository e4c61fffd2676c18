import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentUnits, spansOverlapping } from '../../../shared/analysis/units';

const texts = (text: string, unit: 'sentence' | 'paragraph' | 'document') => segmentUnits(text, unit).map((u) => text.slice(u.start, u.end));

describe('segmentUnits', () => {
  it('splits sentences at terminal punctuation, keeping closing quotes', () => {
    expect(texts('They came. Nobody called back! Why? "It was late." Then…  Silence.', 'sentence')).toEqual([
      'They came.',
      'Nobody called back!',
      'Why?',
      '"It was late."',
      'Then…',
      'Silence.',
    ]);
  });

  it('does not split after abbreviations, initials, ranks or before lower case', () => {
    expect(texts('PC. Jones and Dr. Patel met Mr. J. Smith at 3 p.m. on Monday. It was e.g. fine. Then i.e. nothing.', 'sentence')).toEqual([
      'PC. Jones and Dr. Patel met Mr. J. Smith at 3 p.m. on Monday.',
      'It was e.g. fine.',
      'Then i.e. nothing.',
    ]);
    expect(texts('The officer said wait. then left.', 'sentence')).toEqual(['The officer said wait. then left.']);
    expect(texts('Did they call? No. Never. See No. 5 above.', 'sentence')).toEqual(['Did they call?', 'No.', 'Never.', 'See No. 5 above.']);
  });

  it('never lets a sentence cross a line break', () => {
    expect(texts('No full stop here\nNext line. Two', 'sentence')).toEqual(['No full stop here', 'Next line.', 'Two']);
  });

  it('splits paragraphs on line breaks and trims, skipping blank lines', () => {
    expect(texts('  First para.\n\n \nSecond para. Still second.\n', 'paragraph')).toEqual(['First para.', 'Second para. Still second.']);
    expect(texts('  whole\n text  ', 'document')).toEqual(['whole\n text']);
    expect(segmentUnits('   \n ', 'document')).toEqual([]);
  });

  it('rejects an unknown unit', () => {
    expect(() => segmentUnits('x', 'word' as 'sentence')).toThrow(/unknown unit "word"/);
  });

  it('units are trimmed, sorted, disjoint, and cover every non-space character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '!', '?', '\n', '"', 'é', 'Mr', 'e.g') , maxLength: 80 }), fc.constantFrom('sentence' as const, 'paragraph' as const, 'document' as const), (text, unit) => {
        const units = segmentUnits(text, unit);
        let prev = 0;
        const covered = new Uint8Array(text.length);
        for (const u of units) {
          expect(u.start).toBeGreaterThanOrEqual(prev);
          expect(u.end).toBeGreaterThan(u.start);
          expect(/\s/.test(text[u.start]!)).toBe(false);
          expect(/\s/.test(text[u.end - 1]!)).toBe(false);
          if (unit !== 'document') expect(text.slice(u.start, u.end)).not.toContain('\n');
          covered.fill(1, u.start, u.end);
          prev = u.end;
        }
        for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expect(covered[i]).toBe(1);
      }),
    );
  });
});

describe('spansOverlapping', () => {
  it('gives, in order, exactly the spans a range overlaps: for units apart (searched) and for turns that overlap (each tested) (property)', () => {
    const span = fc.tuple(fc.nat(60), fc.nat(15)).map(([start, n]) => ({ start, end: start + 1 + n }));
    // units apart, as sentences are, or any spans sorted by start, as turns may be
    const apart = fc.array(fc.tuple(fc.nat(5), fc.nat(10)), { maxLength: 12 }).map((gaps) => {
      let at = 0;
      return gaps.map(([gap, n]) => ({ start: (at += gap), end: (at += 1 + n) }));
    });
    const any = fc.array(span, { maxLength: 12 }).map((s) => s.sort((a, b) => a.start - b.start));
    fc.assert(
      fc.property(fc.oneof(apart, any), fc.array(fc.tuple(fc.nat(80), fc.nat(20)), { minLength: 1, maxLength: 10 }), (spans, ranges) => {
        const overlapping = spansOverlapping(spans);
        for (const [start, n] of ranges) {
          const end = start + n;
          const seen: number[] = [];
          overlapping(start, end, (u, s) => {
            expect(s).toBe(spans[u]);
            seen.push(u);
          });
          expect(seen).toEqual(spans.flatMap((s, u) => (start < s.end && end > s.start ? [u] : [])));
        }
      }),
      { numRuns: 500 },
    );
  });
});
