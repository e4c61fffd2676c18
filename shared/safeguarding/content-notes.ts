/**
 * Content notes (an analyst's own wellbeing setting): which passages of a text to fold until the
 * analyst chooses to read them — every safeguarding flag's passage, what the detector finds now,
 * and sentences describing serious violence or abuse even when told as past. Folding is display
 * only: the text, its offsets and its codings are unchanged. Pure.
 */
import { detectSafeguarding, sentenceSpans, normaliseForCues, CATEGORY_LABELS, SAFEGUARD_CATEGORIES, type SafeguardCategory } from './detect';

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
  type Raw = { start: number; end: number; category?: SafeguardCategory };
  const raw: Raw[] = flagged.filter((f) => f.end > f.start && f.end <= text.length).map((f) => ({ start: f.start, end: f.end, category: f.category }));
  for (const f of detectSafeguarding(text)) raw.push({ start: f.start, end: f.end, category: f.category });
  const norm = normaliseForCues(text);
  for (const s of sentenceSpans(norm)) if (DISTRESSING.test(norm.slice(s.start, s.end))) raw.push({ start: s.start, end: s.end });
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; categories: Set<SafeguardCategory>; distressing: boolean }[] = [];
  for (const r of raw) {
    const last = merged.at(-1);
    // overlapping passages, or neighbours with only white space between them, become one fold
    const into = last && (r.start <= last.end || text.slice(last.end, r.start).trim() === '') ? last : undefined;
    const m = into ?? { start: r.start, end: r.end, categories: new Set<SafeguardCategory>(), distressing: false };
    if (!into) merged.push(m);
    m.end = Math.max(m.end, r.end);
    if (r.category) m.categories.add(r.category);
    else m.distressing = true;
  }
  return merged.map((m) => {
    const cats = SAFEGUARD_CATEGORIES.filter((c) => m.categories.has(c)).map((c) => CATEGORY_LABELS[c].toLocaleLowerCase('en-GB'));
    const parts = [cats.length ? `possible disclosure (${cats.join(', ')})` : '', m.distressing && !cats.length ? 'distressing content' : ''].filter(Boolean);
    return { start: m.start, end: m.end, note: parts.join('; ') };
  });
}

/** A fold's key within a document (to remember which the analyst opened). */
export const foldKey = (documentId: string, f: Pick<FoldRange, 'start' | 'end'>) => `${documentId}:${f.start}:${f.end}`;
