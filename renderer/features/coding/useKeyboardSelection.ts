import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TextBlock } from './blocks';
import { findWords, type TextSpan } from './words';

interface Caret {
  anchor: number;
  focus: number;
}

/**
 * A keyboard selection model for read-only text: the selection is a run of whole words.
 * Arrows move by word, Up/Down by turn, Home/End to the turn's ends; Shift extends.
 * Enter asks for the quick-code box, Escape clears.
 */
export function useKeyboardSelection(
  text: string,
  blocks: readonly TextBlock[],
  onSelect: (span: TextSpan | null) => void,
  onEnter: () => void,
) {
  const { words, blockOf, blockFirst, blockLast } = useMemo(() => {
    const words: TextSpan[] = [];
    const blockOf: number[] = [];
    const blockFirst: number[] = [];
    const blockLast: number[] = [];
    blocks.forEach((b, bi) => {
      blockFirst[bi] = words.length;
      for (const w of findWords(text, b.start, b.end)) {
        words.push(w);
        blockOf.push(bi);
      }
      blockLast[bi] = words.length - 1;
    });
    return { words, blockOf, blockFirst, blockLast };
  }, [text, blocks]);
  const caret = useRef<Caret | null>(null);

  const select = useCallback(
    (c: Caret) => {
      caret.current = c;
      const a = words[Math.min(c.anchor, c.focus)];
      const b = words[Math.max(c.anchor, c.focus)];
      if (a && b) onSelect({ start: a.start, end: b.end });
    },
    [words, onSelect],
  );

  /** Put the keyboard caret on the words a mouse selection (or click) covered. */
  const placeCaret = useCallback(
    (span: TextSpan) => {
      const first = words.findIndex((w) => w.end > span.start);
      if (first < 0) return;
      let last = first;
      while (last + 1 < words.length && words[last + 1]!.start < span.end) last++;
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
      if (words.length === 0) return;
      const last = words.length - 1;
      const cur = caret.current;
      const f = cur?.focus ?? -1;
      const block = cur ? blockOf[f]! : -1;
      let next: number;
      switch (e.key) {
        case 'ArrowRight':
          next = cur ? Math.min(last, f + 1) : 0;
          break;
        case 'ArrowLeft':
          next = cur ? Math.max(0, f - 1) : 0;
          break;
        case 'ArrowDown':
          next = cur ? (blockFirst.slice(block + 1).find((i, k) => i <= blockLast[block + 1 + k]!) ?? last) : 0;
          break;
        case 'ArrowUp': {
          let prev = 0;
          for (let b = block - 1; b >= 0; b--)
            if (blockFirst[b]! <= blockLast[b]!) {
              prev = blockFirst[b]!;
              break;
            }
          next = cur ? prev : 0;
          break;
        }
        case 'Home':
          next = cur ? blockFirst[block]! : 0;
          break;
        case 'End':
          next = cur ? blockLast[block]! : last;
          break;
        default:
          return;
      }
      e.preventDefault();
      select({ anchor: e.shiftKey && cur ? cur.anchor : next, focus: next });
    },
    [words, blockOf, blockFirst, blockLast, select, onSelect, onEnter],
  );

  return { onKeyDown, placeCaret };
}
