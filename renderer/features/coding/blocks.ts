import type { SpeakerTurn } from '../../../shared/model';

/** A paragraph of the viewer: a speaker turn, or text outside any turn (speaker null). */
export interface TextBlock {
  start: number;
  end: number;
  speaker: string | null;
}

/**
 * Lays the text out as blocks: one per speaker turn (clamped, overlaps dropped), plus any
 * non-blank text between turns. A document without turns is one block.
 */
export function layoutBlocks(text: string, turns: readonly SpeakerTurn[]): TextBlock[] {
  const len = text.length;
  const blocks: TextBlock[] = [];
  const pushGap = (start: number, end: number): void => {
    if (end > start && /\S/.test(text.slice(start, end))) blocks.push({ start, end, speaker: null });
  };
  let pos = 0;
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  for (const t of sorted) {
    const start = Math.max(pos, Math.min(t.start, len));
    const end = Math.min(Math.max(t.end, start), len);
    if (end <= start) continue;
    pushGap(pos, start);
    blocks.push({ start, end, speaker: t.speaker });
    pos = end;
  }
  pushGap(pos, len);
  if (blocks.length === 0 && len > 0) blocks.push({ start: 0, end: len, speaker: null });
  return blocks;
}
