/**
 * Text sizing without layout (jsdom has none): widths are estimated from per-character classes of a
 * sans-serif font, which is close enough to truncate labels and wrap notes.
 */
import type { Selection } from 'd3';

const NARROW = new Set("ijlI.,:;'!|()[]{}ftr ".split(''));
const WIDE = new Set('mwMW@%'.split(''));

/** Estimated rendered width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) w += 0.3;
    else if (WIDE.has(ch)) w += 0.86;
    else if (ch >= 'A' && ch <= 'Z') w += 0.67;
    else if (ch >= '0' && ch <= '9') w += 0.56;
    else w += 0.53;
  }
  return w * fontSize;
}

/**
 * The width a drawn <text> takes: measured by the browser where there is layout (the estimate can
 * be short for wide fonts, so labels placed after it overlapped), never less than the estimate
 * (jsdom, and charts drawn off-screen for export, measure 0).
 */
export function drawnTextWidth(node: SVGTextElement | null, text: string, fontSize: number): number {
  const estimate = textWidth(text, fontSize);
  let measured = 0;
  try {
    measured = typeof node?.getComputedTextLength === 'function' ? node.getComputedTextLength() : 0;
  } catch {
    measured = 0;
  }
  return Math.max(estimate, Number.isFinite(measured) ? measured : 0);
}

/** `text` shortened with an ellipsis to fit `maxWidth` (unchanged when it fits). */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + '…', fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** Greedy word wrap to lines no wider than `maxWidth`. */
export function wrap(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((l) => truncate(l, maxWidth, fontSize));
}

/**
 * Write user text into a <text> element, shortened to `maxWidth`; when shortened, the full text goes
 * in a <title> child (a tooltip). Always .text(), never .html(): user text is data, not markup.
 */
export function setLabel<E extends SVGTextElement>(sel: Selection<E, unknown, null, undefined>, full: string, maxWidth: number, fontSize: number): void {
  const shown = truncate(full, maxWidth, fontSize);
  sel.text(shown);
  if (shown !== full) sel.append('title').text(full);
}
