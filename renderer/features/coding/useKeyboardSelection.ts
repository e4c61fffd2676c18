import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { TextBlock } from './blocks';
import type { TextSpan } from './words';

interface Caret {
  anchor: number;
  focus: number;
}

/** Every word of the shown text, as parallel typed arrays (a 500,000-word document stays compact). */
interface WordIndex {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  blockOf: Int32Array;
  /** First and last word index of each block (last < first for a block without words). */
  blockFirst: Int32Array;
  blockLast: Int32Array;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*/gu;

/** The same words as words.ts findWords, block by block, without an object per word. */
export function buildWordIndex(text: string, blocks: readonly TextBlock[]): WordIndex {
  let cap = 1024;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let blockOf = new Int32Array(cap);
  const blockFirst = new Int32Array(blocks.length);
  const blockLast = new Int32Array(blocks.length);
  let n = 0;
  blocks.forEach((b, bi) => {
    blockFirst[bi] = n;
    const re = new RegExp(WORD.source, WORD.flags);
    re.lastIndex = b.start;
    const slice = text.slice(0, b.end);
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (n === cap) {
        cap *= 2;
        const grow = (a: Int32Array) => {
          const g = new Int32Array(cap);
          g.set(a);
          return g;
        };
        starts = grow(starts);
        ends = grow(ends);
        blockOf = grow(blockOf);
      }
      starts[n] = m.index;
      ends[n] = m.index + m[0].length;
      blockOf[n] = bi;
      n++;
    }
    blockLast[bi] = n - 1;
  });
  return { count: n, starts, ends, blockOf, blockFirst, blockLast };
}

/** Index of the first word ending after `offset` (binary search), or `count` if none. */
function firstWordEndingAfter(w: WordIndex, offset: number): number {
  let lo = 0;
  let hi = w.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (w.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A keyboard selection model for read-only text: the selection is a run of whole words.
 * Arrows move by word, Up/Down by turn, Home/End to the turn's ends; Shift extends.
 * Enter asks for the quick-code box, Escape clears. Offsets, not DOM nodes, so it works across
 * the chunks of a virtualised pane. The word index is built on first use, not on open.
 */
export function useKeyboardSelection(
  text: string,
  blocks: readonly TextBlock[],
  onSelect: (span: TextSpan | null) => void,
  onEnter: () => void,
) {
  const index = useRef<{ text: string; blocks: readonly TextBlock[]; words: WordIndex } | null>(null);
  const caret = useRef<Caret | null>(null);
  useEffect(() => {
    caret.current = null;
  }, [text, blocks]);
  const words = useCallback(() => {
    const cached = index.current;
    if (cached && cached.text === text && cached.blocks === blocks) return cached.words;
    index.current = { text, blocks, words: buildWordIndex(text, blocks) };
    return index.current.words;
  }, [text, blocks]);

  const select = useCallback(
    (c: Caret) => {
      caret.current = c;
      const w = words();
      const a = Math.min(c.anchor, c.focus);
      const b = Math.max(c.anchor, c.focus);
      if (a >= 0 && b < w.count) onSelect({ start: w.starts[a]!, end: w.ends[b]! });
    },
    [words, onSelect],
  );

  /** Put the keyboard caret on the words a mouse selection (or click) covered. */
  const placeCaret = useCallback(
    (span: TextSpan) => {
      const w = words();
      const first = firstWordEndingAfter(w, span.start);
      if (first >= w.count) return;
      let last = first;
      while (last + 1 < w.count && w.starts[last + 1]! < span.end) last++;
      caret.current = { anchor: first, focus: last };
    },
    [words],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        onEnter();
        return;
      }
      if (e.key === 'Escape') {
        caret.current = null;
        onSelect(null);
        return;
      }
      if (!['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
      const w = words();
      if (w.count === 0) return;
      const last = w.count - 1;
      const cur = caret.current;
      const f = cur?.focus ?? -1;
      const block = cur ? w.blockOf[f]! : -1;
      let next: number;
      switch (e.key) {
        case 'ArrowRight':
          next = cur ? Math.min(last, f + 1) : 0;
          break;
        case 'ArrowLeft':
          next = cur ? Math.max(0, f - 1) : 0;
          break;
        case 'ArrowDown': {
          next = last;
          if (cur) {
            for (let b = block + 1; b < w.blockFirst.length; b++)
              if (w.blockFirst[b]! <= w.blockLast[b]!) {
                next = w.blockFirst[b]!;
                break;
              }
          } else next = 0;
          break;
        }
        case 'ArrowUp': {
          let prev = 0;
          for (let b = block - 1; b >= 0; b--)
            if (w.blockFirst[b]! <= w.blockLast[b]!) {
              prev = w.blockFirst[b]!;
              break;
            }
          next = cur ? prev : 0;
          break;
        }
        case 'Home':
          next = cur ? w.blockFirst[block]! : 0;
          break;
        default: // End
          next = cur ? w.blockLast[block]! : last;
      }
      e.preventDefault();
      select({ anchor: e.shiftKey && cur ? cur.anchor : next, focus: next });
    },
    [words, select, onSelect, onEnter],
  );

  return { onKeyDown, placeCaret };
}
