import type { SpeakerTurn } from '../../../shared/model';

/** A paragraph of the viewer: a speaker turn, or text outside any turn (speaker null). */
export interface TextBlock {
  /** First offset shown: for a turn, just after its speaker label (shown apart, in the left column). */
  start: number;
  end: number;
  speaker: string | null;
  /** True for the second and later chunks of a long block (see chunkBlocks): no speaker label again. */
  continued?: boolean;
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

/** The longest a rendered chunk may be, in UTF-16 units: a huge paragraph never renders at once. */
export const CHUNK_CHARS = 3000;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Where to end a chunk that starts at `from` and must end by `limit`: the last line break in the
 * second half of the window, else the last sentence end, else the last white space, else `limit`
 * itself (moved back one unit rather than split a surrogate pair).
 */
function chunkEnd(text: string, from: number, limit: number): number {
  const half = from + Math.floor((limit - from) / 2);
  // Search only the window: lastIndexOf would scan back to the start of a huge paragraph.
  for (let i = limit - 1; i >= half; i--) if (text.charCodeAt(i) === 10) return i + 1;
  for (let i = limit - 1; i >= half; i--) {
    const ch = text[i];
    if ((ch === ' ' || ch === '\t') && /[.!?…]/.test(text[i - 1] ?? '')) return i + 1;
  }
  for (let i = limit - 1; i >= half; i--) if (/\s/.test(text[i]!)) return i + 1;
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/**
 * Splits blocks longer than `max` units into consecutive chunks of about `max / 2`–`max` units,
 * cut at line breaks, sentence ends or white space where possible. Chunks cover their block
 * exactly (no gaps, no overlaps), so offsets are unchanged; later chunks are `continued`.
 */
export function chunkBlocks(text: string, blocks: readonly TextBlock[], max = CHUNK_CHARS): TextBlock[] {
  if (max < 2) throw new Error(`chunkBlocks: a chunk must allow at least 2 characters (got ${max})`);
  const out: TextBlock[] = [];
  for (const b of blocks) {
    if (b.end - b.start <= max) {
      out.push(b);
      continue;
    }
    let from = b.start;
    let first = true;
    while (from < b.end) {
      const to = b.end - from <= max ? b.end : chunkEnd(text, from, from + max);
      out.push(first ? { start: from, end: to, speaker: b.speaker } : { start: from, end: to, speaker: b.speaker, continued: true });
      first = false;
      from = to;
    }
  }
  return out;
}

/** Index of the block containing `offset` (blocks sorted and disjoint), or the nearest one after it; -1 if none. */
export function blockIndexAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length ? lo : blocks.length - 1;
}
