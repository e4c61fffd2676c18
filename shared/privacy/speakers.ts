/**
 * Speaker labels as personal data. A transcript's label ("Ms Nield", "MR JONES", "Sam") names a
 * person as surely as the text does, and it is stored apart from the text (on every turn), so the
 * anonymisation gate scans it on its own and then finds every mention of that name in the text,
 * so that one decision covers the label and the mentions, and one pseudonym is given to both.
 *
 * Decisions:
 * - A label is a name slot: besides what detectPii finds in it, a label of one to four
 *   capitalised words with no digits and no role word ("Interviewer", "Participant 3", "INT",
 *   "Facilitator", "The Judge") is taken as a person's name (confidence 0.7).
 * - Mentions in the text: the name as found in the label, as written, in capitals ("MS
 *   ANNA-LOUISE MARSH-REESE (affirmed)") or in title case, and its last part after a title ("Ms
 *   Marsh-Reese") when the label's name has two or more parts. Never in lower case: a label
 *   "Will" must not take every "will" of the text.
 */
import { detectPii, type PiiFinding } from './detect';
import { NOT_NAMES, TITLES } from './stopwords';

const ROLE_WORDS = new Set(
  `interviewer interviewee participant respondent facilitator moderator researcher speaker officer victim survivor int resp mod fac
  judge chair chairman chairperson chairwoman clerk counsel witness court coroner panel member members audience all both everyone group
  unknown unidentified male female man woman voice voices caller operator handler translator interpreter narrator host guest
  teacher student doctor nurse parent child client advocate isva idva solicitor barrister prosecutor defence defense prosecution usher
  registrar inspector sergeant constable detective the mum dad mother father other others staff family friend partner
  note notes transcriber recorder crosstalk inaudible`.split(/\s+/),
);

const BARE_NAME = /^[\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){0,3}$/u;

/** The person names in one speaker label (offsets into the label). */
export function speakerLabelNames(label: string, allowList?: string[]): PiiFinding[] {
  const found = detectPii(label, { allowList });
  if (found.some((f) => f.type === 'person')) return found;
  const trimmed = label.trim();
  if (trimmed.length < 2 || !BARE_NAME.test(trimmed)) return found;
  const words = trimmed.split(/\s+/);
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1).toLowerCase();
  if (words.some((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.'’]/g, '')) || NOT_NAMES.has(w) || NOT_NAMES.has(cap(w)))) return found;
  // a leading title stays outside the name ("Sister Mary" → "Mary"), as in the text
  let start = label.indexOf(trimmed);
  const first = words[0]!.replace(/\.$/, '');
  if (words.length > 1 && (TITLES.has(first) || TITLES.has(cap(first)))) start = label.indexOf(words[1]!, start + words[0]!.length);
  const end = label.indexOf(trimmed) + trimmed.length;
  if (allowList?.some((t) => t.trim().toLowerCase() === label.slice(start, end).toLowerCase())) return found;
  return [...found.filter((f) => f.end <= start || f.start >= end), { type: 'person' as const, start, end, confidence: 0.7 }].sort((a, b) => a.start - b.start);
}

/** Who a name is, for pseudonyms and grouping: case folded, spacing collapsed. */
export function nameIdentity(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE_WORDS = [...new Set([...TITLES].flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]))].map(escape).join('|');
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/**
 * Every mention of a speaker's name in `text` (spans never overlap; longest first at a tie): the
 * name as written, in capitals or in title case — not in lower case, where a label such as "Will"
 * or "Hope" would take every "will" and "hope" of the text.
 */
export function nameMentions(text: string, name: string): { start: number; end: number }[] {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return [];
  const forms = (p: string[]): string => [...new Set([p.join(' '), p.join(' ').toUpperCase(), titleCase(p.join(' '))])].map((f) => f.split(' ').map(escape).join('\\s+')).join('|');
  const last = parts[parts.length - 1]!;
  const alts = [`(${forms(parts)})`];
  // "Ms Marsh-Reese" for "Anna-Louise Marsh-Reese": the surname after a title
  if (parts.length > 1 && last.length > 2) alts.push(`(?:(?<![\\p{L}\\p{N}])(?:${TITLE_WORDS})\\.?\\s+)(${forms([last])})`);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    const g = m[1] ?? m[2]!;
    const start = m.index + m[0].length - g.length;
    out.push({ start, end: start + g.length });
  }
  return out;
}
