import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { SpeakerTurn } from '../../../shared/model';
import { layoutBlocks } from './blocks';
import { pointToOffset, rangeToOffsets } from './rangeOffsets';
import { TextBlockView } from './TextBlockView';
import type { ShownCoding } from './types';
import { useKeyboardSelection } from './useKeyboardSelection';
import { snapToWords, type TextSpan } from './words';

interface Props {
  text: string;
  turns: readonly SpeakerTurn[];
  codings: readonly ShownCoding[];
  selection: TextSpan | null;
  onSelect: (span: TextSpan | null) => void;
  /** The user asked to code the selection (Enter, or a finished mouse selection). */
  onRequestCode: () => void;
  paneRef?: RefObject<HTMLDivElement | null>;
}

/**
 * The document text, selectable with the mouse (native selection, snapped to words and then
 * shown as our own highlight) or with the keyboard (see useKeyboardSelection).
 */
export function TextPane({ text, turns, codings, selection, onSelect, onRequestCode, paneRef }: Props) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = paneRef ?? ownRef;
  const blocks = useMemo(() => layoutBlocks(text, turns), [text, turns]);
  const { onKeyDown, placeCaret } = useKeyboardSelection(text, blocks, onSelect, () => {
    if (selection) onRequestCode();
  });

  useEffect(() => {
    if (!selection || !ref.current) return;
    const el = ref.current.querySelector<HTMLElement>(`[data-start="${selection.start}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [selection, ref]);

  const onMouseUp = () => {
    const root = ref.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (range.collapsed) {
      const at = pointToOffset(root, range.startContainer, range.startOffset);
      if (at !== null) placeCaret({ start: at, end: at });
      return;
    }
    const raw = rangeToOffsets(root, range);
    const span = raw && snapToWords(text, raw.start, raw.end);
    if (!span) return;
    sel.removeAllRanges();
    placeCaret(span);
    onSelect(span);
    onRequestCode();
  };

  return (
    <div
      ref={ref}
      className="text-pane"
      tabIndex={0}
      role="region"
      aria-label="Document text"
      aria-describedby="text-pane-help"
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
    >
      <p id="text-pane-help" className="visually-hidden">
        Select text with the mouse, or with the arrow keys: Shift and an arrow extends the selection by a word, Enter
        opens the quick-code box. Press question mark for all keyboard shortcuts.
      </p>
      {blocks.map((b) => (
        <TextBlockView
          key={b.start}
          text={text}
          block={b}
          codings={codings.filter((c) => c.end > b.start && c.start < b.end)}
          selection={selection && selection.end > b.start && selection.start < b.end ? selection : null}
        />
      ))}
    </div>
  );
}
