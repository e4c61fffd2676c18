import { Fragment, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SpeakerTurn } from '../../../shared/model';
import { blockIndexAt, chunkBlocks, layoutBlocks, type TextBlock } from './blocks';
import { pointToOffset, rangeToOffsets } from './rangeOffsets';
import { bucketByBlock, reuseBuckets } from './segments';
import { TextBlockView } from './TextBlockView';
import type { ShownCoding } from './types';
import { useKeyboardSelection } from './useKeyboardSelection';
import { snapToWords, type TextSpan } from './words';
import './textPane.css';

interface Props {
  text: string;
  turns: readonly SpeakerTurn[];
  codings: readonly ShownCoding[];
  selection: TextSpan | null;
  onSelect: (span: TextSpan | null) => void;
  /** The user asked to code the selection (Enter, or a finished mouse selection). */
  onRequestCode: () => void;
  paneRef?: RefObject<HTMLDivElement | null>;
  /**
   * Render only the chunks near the viewport (the pane becomes its own scroll area). 'auto'
   * (the default) virtualises documents longer than VIRTUALISE_FROM characters.
   */
  virtualise?: boolean | 'auto';
  /** Accessible name of the pane (default "Document text"). */
  label?: string;
  /** Passages folded behind a content note until opened (wellbeing setting); display only. */
  folds?: readonly Fold[];
  onShowFold?: (key: string) => void;
}

/** A folded passage: its place, what the note says, and its key for opening it. */
export interface Fold {
  start: number;
  end: number;
  note: string;
  key: string;
}
const NO_FOLDS: readonly Fold[] = [];

/** Documents at least this long (UTF-16 units, ≈ 10,000 words) are virtualised by default. */
export const VIRTUALISE_FROM = 60_000;

const sameShown = (a: ShownCoding, b: ShownCoding) =>
  a === b ||
  (a.id === b.id && a.start === b.start && a.end === b.end && a.codeId === b.codeId && a.colour === b.colour && a.codeName === b.codeName);

/** A first guess at a chunk's height before it is measured: ~90 characters a line of 27 px. */
const estimateHeight = (b: TextBlock) => Math.max(1, Math.ceil((b.end - b.start) / 90)) * 27 + 6;

/**
 * The document text, selectable with the mouse (native selection, snapped to words and then
 * shown as our own highlight) or with the keyboard (see useKeyboardSelection). Long blocks are
 * cut into chunks (blocks.ts chunkBlocks); codings are indexed by chunk once per change
 * (segments.ts bucketByBlock), and unchanged chunks keep their props so they do not re-render.
 */
export function TextPane({ text, turns, codings, selection, onSelect, onRequestCode, paneRef, virtualise = 'auto', label, folds = NO_FOLDS, onShowFold }: Props) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = paneRef ?? ownRef;
  const blocks = useMemo(() => layoutBlocks(text, turns), [text, turns]);
  const chunks = useMemo(() => chunkBlocks(text, blocks), [text, blocks]);
  const virtual = virtualise === 'auto' ? text.length >= VIRTUALISE_FROM : virtualise;
  const prevBuckets = useRef<ShownCoding[][] | null>(null);
  const buckets = useMemo(() => reuseBuckets(prevBuckets.current, bucketByBlock(chunks, codings), sameShown), [chunks, codings]);
  useEffect(() => {
    prevBuckets.current = buckets;
  }, [buckets]);
  const { onKeyDown, placeCaret } = useKeyboardSelection(text, blocks, onSelect, () => {
    if (selection) onRequestCode();
  });

  const virtualizer = useVirtualizer({
    count: virtual ? chunks.length : 0,
    getScrollElement: () => ref.current,
    estimateSize: (i) => estimateHeight(chunks[i]!),
    overscan: 2,
    getItemKey: (i) => chunks[i]!.start,
  });

  // Keep the moving end of the selection in view (the end that changed since last time).
  const lastSelection = useRef<TextSpan | null>(null);
  useEffect(() => {
    const prev = lastSelection.current;
    lastSelection.current = selection;
    const root = ref.current;
    if (!selection || !root) return;
    const atStart = prev !== null && prev.end === selection.end && prev.start !== selection.start;
    const el = atStart
      ? root.querySelector<HTMLElement>(`[data-start="${selection.start}"]`)
      : root.querySelector<HTMLElement>(`[data-end="${selection.end}"]`);
    if (el) el.scrollIntoView?.({ block: 'nearest' });
    else if (virtual) virtualizer.scrollToIndex(blockIndexAt(chunks, atStart ? selection.start : selection.end - 1), { align: 'center' });
  }, [selection, ref, virtual, virtualizer, chunks]);

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

  const view = (i: number) => {
    const b = chunks[i]!;
    return (
      <TextBlockView
        text={text}
        block={b}
        codings={buckets[i]!}
        selection={selection && selection.end > b.start && selection.start < b.end ? selection : null}
        folds={foldsIn(folds, b)}
        onShowFold={onShowFold}
      />
    );
  };

  let body;
  if (virtual) {
    const items = virtualizer.getVirtualItems();
    const total = virtualizer.getTotalSize();
    const before = items[0]?.start ?? 0;
    const after = items.length > 0 ? total - items[items.length - 1]!.end : total;
    body = (
      <>
        <div style={{ height: before }} aria-hidden="true" />
        {items.map((item) => (
          <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
            {view(item.index)}
          </div>
        ))}
        <div style={{ height: Math.max(0, after) }} aria-hidden="true" />
      </>
    );
  } else {
    body = chunks.map((b, i) => <Fragment key={b.start}>{view(i)}</Fragment>);
  }

  return (
    <div
      ref={ref}
      className={virtual ? 'text-pane text-pane--virtual' : 'text-pane'}
      tabIndex={0}
      role="region"
      aria-label={label ?? 'Document text'}
      aria-describedby="text-pane-help"
      data-virtual={virtual ? 'true' : undefined}
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
    >
      <p id="text-pane-help" className="visually-hidden">
        Select text with the mouse, or with the arrow keys: Shift and an arrow extends the selection by a word, Enter
        opens the quick-code box. Press question mark for all keyboard shortcuts.
        {virtual && ' This long document shows only the part near where you are reading; use the arrow keys to move through it.'}
      </p>
      {body}
    </div>
  );
}

/** The folds overlapping a block (the same empty list when none, so unchanged blocks do not re-render). */
function foldsIn(folds: readonly Fold[], b: TextBlock): readonly Fold[] {
  if (folds.length === 0) return NO_FOLDS;
  const mine = folds.filter((f) => f.end > b.start && f.start < b.end);
  return mine.length === 0 ? NO_FOLDS : mine;
}
