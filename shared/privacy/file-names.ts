/**
 * Personal data in a file name used as a title ("Interview_Jane_Smith_2024-03.txt" → the title
 * "Interview_Jane_Smith_2024-03"). File names have no sentences and often no spaces or capitals,
 * so the name is read as words first: underscores, dots and hyphens between words become spaces
 * and an all-lower-case name is read in title case. Both keep every character's offset, so the
 * findings apply to the title as it is.
 */
import { detectPii, type PiiFinding } from './detect';

const titleCase = (s: string): string => s.replace(/(^|[\s])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/** The title read as words, offset for offset (same length as `title`). */
export function fileNameAsWords(title: string): string {
  let words = title.replace(/_/g, ' ').replace(/(?<=\p{L})[.-](?=\p{L})/gu, (m) => (title.includes(' ') && m === '-' ? m : ' '));
  if (words === words.toLowerCase()) words = titleCase(words);
  return words;
}

/** The personal data in a title made from a file name, at the title's own offsets. */
export function fileNameFindings(title: string, allowList?: string[]): PiiFinding[] {
  const words = fileNameAsWords(title);
  return detectPii(words, { allowList });
}
