/**
 * Content notes (an analyst's own wellbeing setting): which passages of a text to fold until the
 * analyst chooses to read them — every safeguarding flag's passage, what the detector finds now,
 * and sentences describing serious violence or abuse even when told as past. Folding is display
 * only: the text, its offsets and its codings are unchanged. Pure.
 */
import { detectSafeguarding, sentenceSpans, normaliseForCues, CATEGORY_LABELS, type SafeguardCategory } from './detect';

export interface FoldRange {
  start: number;
  end: number;
  /** What the note says is behind it (no words of the passage). */
  note: string;
}

/** Sentences that describe serious violence, sexual violence, self-harm or abuse (past or present). */
const DISTRESSING = /\b(?:rap(?:e|ed|ing|ist)|sexual(?:ly)? (?:assault|abus)\w*|molest\w*|strangl\w*|chok(?:ed|ing) me|suicid\w*|self[- ]?harm\w*|overdose\w*|stabb(?:ed|ing)|beat(?:en|ing)? me|punch(?:ed|ing) me|kick(?:ed|ing) me|hit me|abus(?:ed|ive|ing)|groom(?:ed|ing)|kill(?:ed|ing)? (?:me|myself|her|him)|threat(?:s|ened)? to kill|murder\w*)\b/;

/** The passages to fold, merged and in order. `flagged` are the stored flags' places on this text. */
export function contentNoteRanges(text: string, flagged: readonly { start: number; end: number; category: SafeguardCategory }[] = []): FoldRange[] {
  const raw: FoldRange[] = flagged.filter((f) => f.end > f.start && f.end <= text.length).map((f) => ({ start: f.start, end: f.end, note: `possible disclosure: ${CATEGORY_LABELS[f.category].toLocaleLowerCase('en-GB')}` }));
  for (const f of detectSafeguarding(text)) raw.push({ start: f.start, end: f.end, note: `possible disclosure: ${CATEGORY_LABELS[f.category].toLocaleLowerCase('en-GB')}` });
  const norm = normaliseForCues(text);
  for (const s of sentenceSpans(norm)) if (DISTRESSING.test(norm.slice(s.start, s.end))) raw.push({ start: s.start, end: s.end, note: 'distressing content' });
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FoldRange[] = [];
  for (const r of raw) {
    const last = out.at(-1);
    // overlapping passages, or neighbours with only white space between them, become one fold
    if (last && (r.start <= last.end || text.slice(last.end, r.start).trim() === '')) {
      last.end = Math.max(last.end, r.end);
      if (!last.note.split('; ').includes(r.note)) last.note = `${last.note}; ${r.note}`;
    } else out.push({ ...r });
  }
  return out;
}

/** A fold's key within a document (to remember which the analyst opened). */
export const foldKey = (documentId: string, f: Pick<FoldRange, 'start' | 'end'>) => `${documentId}:${f.start}:${f.end}`;
