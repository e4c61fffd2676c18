/**
 * Readability of plain-English text: the Flesch–Kincaid grade level
 *   0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 * and the reading age it implies (US grade + 5 years). The public pack aims at a reading age of
 * about 11. Syllables are counted by the `syllable` package (English rules plus exceptions).
 */
import { syllable } from 'syllable';

export const TARGET_READING_AGE = 11;

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade, 1 decimal place (null with no words). */
  grade: number | null;
  /** grade + 5, rounded to whole years (null with no words). */
  readingAge: number | null;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Sentences: runs of text ended by . ! ? (or a line break / the end); empty ones are not counted. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Readability of the given pieces of prose (each paragraph or list item ends a sentence). */
export function readability(pieces: readonly string[]): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const piece of pieces) {
    for (const s of sentencesOf(piece)) {
      const ws = wordsOf(s);
      if (ws.length === 0) continue;
      sentences++;
      words += ws.length;
      for (const w of ws) syllables += /^\p{N}+$/u.test(w) ? Math.max(1, w.length) : Math.max(1, syllable(w));
    }
  }
  if (words === 0) return { words, sentences, syllables, grade: null, readingAge: null };
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences, syllables, grade: Math.round(grade * 10) / 10, readingAge: Math.round(grade + 5) };
}

/** "Reading age about 10 (Flesch–Kincaid grade 5.2); the aim is about 11." */
export function readabilityStatement(r: Readability): string {
  if (r.readingAge === null) return 'Readability: there is no text to score.';
  const verdict = r.readingAge <= TARGET_READING_AGE + 1 ? 'within the aim of about 11' : `above the aim of about ${TARGET_READING_AGE}: simplify the wording`;
  return `Readability: reading age about ${r.readingAge} (Flesch–Kincaid grade ${r.grade!.toFixed(1)}), ${verdict}.`;
}
