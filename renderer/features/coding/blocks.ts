import type { SpeakerTurn } from '../../../shared/model';

/** A paragraph of the viewer: a speaker turn, or text outside any turn (speaker null). */
export interface TextBlock {
  /** First offset shown: for a turn, just after its speaker label (shown apart, in the left column). */
  start: number;
  end: number;
  speaker: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TIME = String.raw`(?:[\[(]?\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?[\])]?)`;

/**
 * Where the utterance starts in a turn whose text begins with its label (importers keep
 * transcripts verbatim, labels included: "Name:", "**Name**:", "[00:01] Name:", "Name (00:01)",
 * "P3 - "). If the label is not recognised, the whole turn is shown.
 */
export function utteranceStart(text: string, turn: SpeakerTurn): number {
  const head = text.slice(turn.start, Math.min(turn.end, turn.start + turn.speaker.length + 40));
  const label = new RegExp(
    String.raw`^\s*(?:${TIME}\s*[-–—]?\s*)?(?:\*\*)?${escape(turn.speaker)}(?:\*\*)?\s*(?:${TIME})?\s*(?:\*\*)?\s*[:\-–—]?(?:\*\*)?[ \t]*\n?`,
    'iu',
  );
  const m = label.exec(head);
  return m ? turn.start + m[0].length : turn.start;
}

/**
 * Lays the text out as blocks: one per speaker turn (clamped, overlaps dropped, label moved to
 * the speaker column), plus any non-blank text between turns (trimmed). A document without
 * turns is one block.
 */
export function layoutBlocks(text: string, turns: readonly SpeakerTurn[]): TextBlock[] {
  const len = text.length;
  const blocks: TextBlock[] = [];
  const pushGap = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ start, end, speaker: null });
  };
  let pos = 0;
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  for (const t of sorted) {
    const start = Math.max(pos, Math.min(t.start, len));
    const end = Math.min(Math.max(t.end, start), len);
    if (end <= start) continue;
    pushGap(pos, start);
    const body = Math.min(end, utteranceStart(text, { ...t, start, end }));
    blocks.push({ start: body, end, speaker: t.speaker });
    pos = end;
  }
  pushGap(pos, len);
  if (blocks.length === 0 && len > 0 && turns.length === 0) blocks.push({ start: 0, end: len, speaker: null });
  return blocks;
}
