/** Flesch–Kincaid on sentences whose counts are known by hand. */
import { describe, expect, it } from 'vitest';
import { readability, readabilityStatement, sentencesOf } from '../../../shared/packs/readability';

describe('readability', () => {
  it('“The cat sat on the mat.”: 6 words, 1 sentence, 6 syllables → grade −1.45 → −1.5, reading age 4', () => {
    const r = readability(['The cat sat on the mat.']);
    expect(r).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(r.grade).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 0);
    expect(r.readingAge).toBe(Math.round(0.39 * 6 + 11.8 - 15.59 + 5));
  });

  it('two sentences, polysyllabic words: counts by hand (The investigation was comprehensive. Officers communicated regularly.)', () => {
    // in-ves-ti-ga-tion 5, com-pre-hen-sive 4, of-fi-cers 3, com-mu-ni-ca-ted 5, reg-u-lar-ly 4; the 1, was 1 → 23 syllables, 7 words
    const r = readability(['The investigation was comprehensive. Officers communicated regularly.']);
    expect(r).toMatchObject({ words: 7, sentences: 2, syllables: 23 });
    const grade = 0.39 * (7 / 2) + 11.8 * (23 / 7) - 15.59;
    expect(r.grade).toBe(Math.round(grade * 10) / 10);
    expect(r.readingAge).toBe(Math.round(grade + 5));
    expect(readabilityStatement(r)).toMatch(/above the aim/);
  });

  it('plain text scores younger than officialese', () => {
    const plain = readability(['You told us we did not keep in touch. Now we call you every two weeks. You can ask for a named officer.']);
    const official = readability(['Respondents indicated dissatisfaction regarding communication frequency; consequently, the organisation implemented fortnightly contact protocols.']);
    expect(plain.readingAge!).toBeLessThanOrEqual(11);
    expect(official.readingAge!).toBeGreaterThan(plain.readingAge! + 5);
  });

  it('each piece ends a sentence; no words → no score', () => {
    expect(sentencesOf('One. Two!  Three?\nFour')).toEqual(['One.', 'Two!', 'Three?', 'Four']);
    expect(readability(['Heading without a stop', 'Another']).sentences).toBe(2);
    expect(readability(['', '  ']).grade).toBeNull();
    expect(readabilityStatement(readability([]))).toMatch(/no text/);
  });
});
