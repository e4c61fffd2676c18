/**
 * Speaker turns in plain-text transcripts (TXT, MD, RST, text extracted from DOCX).
 *
 * Label styles recognised at the start of a line:
 *   `Name:`  `Interviewer 1:`  `INTERVIEWER:`  `admin-1:`        (style 'colon')
 *   `**Name**:`  `**Name:**`                                     (style 'bold')
 *   `[00:01:02] Name:`  `00:01 - Name:`  `(1:02) Name:`          (style 'timestamp')
 *   `Name [00:01:02]:`  `Name (00:01)`  `Name  0:03` on its own   (style 'name-timestamp')
 *   `P3 - text`  `Interviewer – text`  (ids, roles, capitals)     (style 'dash')
 *
 * Decision: the text is kept VERBATIM (only line ends normalised to LF and Unicode to NFC),
 * labels and timestamps included, so the user always sees the original — except Markdown bold
 * labels (`**Name**:`, `**Name:**`), which are markup, not words: they are cut from the text
 * (with the spaces after them) and the name lives only in the turn's speaker field. Each turn's
 * start/end cover the whole turn, label included, up to its last non-blank character;
 * the speaker's name is stored apart on the turn. Text before the first label belongs to
 * no turn. Lines without a label continue the previous turn (hard-wrapped transcripts),
 * and markers such as `[inaudible 00:05:15]` are just text.
 *
 * Guarding against false labels in wrapped prose ("So I said: no"): a label counts only if
 * its name recurs as a label, or it starts a paragraph (first line or after a blank line);
 * a few header words (Date:, Location:, Note: …) are never speakers.
 */
import { normaliseText, type SpeakerTurn } from '../model';

export interface ParsedTranscript {
  /** The normalised text (LF line ends, NFC); turn offsets are UTF-16 units into it. */
  text: string;
  turns: SpeakerTurn[];
  /** Speakers in order of first appearance. */
  speakers: string[];
  /** The dominant label style, or 'none' when no speaker labels were found. */
  style: string;
}

const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`;
const NAME = String.raw`(\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \t]${WORD}){0,3})`;
const TS = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

const PATTERNS: { style: string; re: RegExp }[] = [
  { style: 'bold', re: new RegExp(String.raw`^[ \t]*\*\*${NAME}\*\*[ \t]*:|^[ \t]*\*\*${NAME}[ \t]*:\*\*`, 'u') },
  { style: 'timestamp', re: new RegExp(String.raw`^[ \t]*[\[(]?${TS}[\])]?[ \t]*[-–—]?[ \t]*${NAME}[ \t]*:(?=\s|$)`, 'u') },
  { style: 'name-timestamp', re: new RegExp(String.raw`^[ \t]*${NAME}[ \t]*[\[(]${TS}[\])][ \t]*:?|^[ \t]*${NAME}[ \t]+${TS}[ \t]*$`, 'u') },
  { style: 'colon', re: new RegExp(String.raw`^[ \t]*${NAME}[ \t]*:(?=\s|$)`, 'u') },
  { style: 'dash', re: new RegExp(String.raw`^[ \t]*${NAME}[ \t]+[-–—][ \t]+(?=\S)`, 'u') },
];

const NOT_SPEAKERS = new Set(
  'date time location venue place subject title transcript transcription duration file filename recording audio participants attendees present note notes source ref reference page topic project study length interview session tags keywords summary'.split(' '),
);
const ROLE_WORDS = /^(interviewer|interviewee|participant|respondent|facilitator|moderator|researcher|speaker|officer|victim|survivor|int|resp|mod|fac|q|a)\b/i;

function dashLabelOk(name: string): boolean {
  return /\d/.test(name) || (name === name.toUpperCase() && /\p{Lu}/u.test(name)) || ROLE_WORDS.test(name);
}

interface Candidate {
  lineStart: number;
  /** Offset of the first non-blank character of the line. */
  start: number;
  name: string;
  style: string;
  paragraphStart: boolean;
  /** Characters of a bold label (and the spaces after it) to cut from the text at `start`. */
  cut: number;
}

function matchLabel(line: string): { name: string; style: string; length: number } | undefined {
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m.slice(1).find((g) => g !== undefined);
    if (!raw) continue;
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name.length === 0 || name.length > 40) continue;
    if (NOT_SPEAKERS.has(name.toLowerCase())) continue;
    if (style === 'dash' && !dashLabelOk(name)) continue;
    return { name, style, length: m[0].length };
  }
  return undefined;
}

/** Find speaker turns in a transcript. See the file comment for the rules. */
export function parseTranscript(text: string): ParsedTranscript {
  const norm = normaliseText(text).text;
  const candidates: Candidate[] = [];
  let prevBlank = true;
  let pos = 0;
  while (pos <= norm.length) {
    let eol = norm.indexOf('\n', pos);
    if (eol < 0) eol = norm.length;
    const line = norm.slice(pos, eol);
    const blank = line.trim() === '';
    if (!blank) {
      const hit = matchLabel(line);
      if (hit) {
        const lead = line.length - line.trimStart().length;
        const cut = hit.style === 'bold' ? hit.length - lead + (/^[ \t]*/.exec(line.slice(hit.length))?.[0].length ?? 0) : 0;
        candidates.push({ lineStart: pos, start: pos + lead, name: hit.name, style: hit.style, paragraphStart: prevBlank, cut });
      }
    }
    prevBlank = blank;
    pos = eol + 1;
  }

  // keep labels whose name recurs, or that start a paragraph; names compared case-insensitively
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.name.toLowerCase(), (counts.get(c.name.toLowerCase()) ?? 0) + 1);
  const kept = candidates.filter((c) => (counts.get(c.name.toLowerCase()) ?? 0) >= 2 || c.paragraphStart);

  const display = new Map<string, string>();
  const speakers: string[] = [];
  const styleCount = new Map<string, number>();
  const turns: SpeakerTurn[] = [];
  kept.forEach((c, i) => {
    const key = c.name.toLowerCase();
    if (!display.has(key)) {
      display.set(key, c.name);
      speakers.push(c.name);
    }
    styleCount.set(c.style, (styleCount.get(c.style) ?? 0) + 1);
    const next = kept[i + 1];
    const limit = next ? next.lineStart : norm.length;
    let end = limit;
    while (end > c.start && /\s/.test(norm[end - 1]!)) end--;
    turns.push({ speaker: display.get(key)!.slice(0, 120), start: c.start, end });
  });
  let style = 'none';
  let best = 0;
  for (const [s, n] of styleCount) if (n > best) [style, best] = [s, n];
  return { ...cutBoldLabels(norm, kept, turns), speakers, style };
}

/** The text without its bold labels, and the turns moved to match (each starting at its first kept character). */
function cutBoldLabels(text: string, kept: readonly Candidate[], turns: SpeakerTurn[]): { text: string; turns: SpeakerTurn[] } {
  if (!kept.some((c) => c.cut > 0)) return { text, turns };
  const parts: string[] = [];
  let last = 0;
  let removed = 0;
  const out = kept.map((c, i) => {
    const t = turns[i]!;
    parts.push(text.slice(last, c.start));
    const start = c.start - removed;
    removed += c.cut;
    last = c.start + c.cut;
    let s = start;
    // a label alone on its line: the turn starts at the next line's text
    while (last + (s - start) < t.end && /\s/.test(text[last + (s - start)]!)) s++;
    return { speaker: t.speaker, start: s, end: Math.max(s, t.end - removed) };
  });
  parts.push(text.slice(last));
  return { text: parts.join(''), turns: out };
}
