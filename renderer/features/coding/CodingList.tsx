import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ShownCoding } from './types';
import { snippet } from '../../../shared/coding/snippet';

interface Props {
  text: string;
  codings: readonly ShownCoding[];
  onRemove: (id: string) => void;
  /** Open the memo on a coding. */
  onMemo?: (coding: ShownCoding) => void;
  /** Ids of codings that have a memo. */
  memos?: ReadonlySet<string>;
  /** Blind mode is on: only the current coder's codings are listed. */
  blind?: boolean;
  /**
   * Render only the items near the view (the list keeps its full length for assistive technology
   * through aria-setsize/aria-posinset). 'auto' (the default) virtualises from VIRTUALISE_LIST_FROM items.
   */
  virtualise?: boolean | 'auto';
}

/** Lists with at least this many codings render only the items near the view. */
export const VIRTUALISE_LIST_FROM = 200;

const NO_MEMOS: ReadonlySet<string> = new Set();
/** A first guess at an item's height before it is measured (code name line + quote line). */
const ESTIMATE = 52;

/**
 * "Codings in this document": code, quoted snippet, coder, memo, remove. Items are memoised and
 * their snippets computed only when rendered; long lists are virtualised. The arrow keys (and
 * Home/End) move between items, so every item is reachable from the keyboard even when only
 * those near the view are in the DOM.
 */
export const CodingList = memo(function CodingList({ text, codings, onRemove, onMemo, memos = NO_MEMOS, blind = false, virtualise = 'auto' }: Props) {
  const sorted = useMemo(() => [...codings].sort((a, b) => a.start - b.start || a.end - b.end), [codings]);
  const virtual = virtualise === 'auto' ? sorted.length >= VIRTUALISE_LIST_FROM : virtualise;
  const sectionRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const current = Math.min(active, Math.max(0, sorted.length - 1));

  const virtualizer = useVirtualizer({
    count: virtual ? sorted.length : 0,
    getScrollElement: () => sectionRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    getItemKey: (i) => sorted[i]!.id,
    scrollMargin,
    initialRect: { width: 320, height: 600 },
  });

  // Where the list starts inside the scrolling section (below the heading and any hint).
  useLayoutEffect(() => {
    const section = sectionRef.current;
    const list = listRef.current;
    if (!virtual || !section || !list) return;
    const top = list.getBoundingClientRect().top - section.getBoundingClientRect().top + section.scrollTop;
    setScrollMargin((m) => (Math.abs(m - top) < 1 ? m : top));
  }, [virtual, blind, sorted.length === 0]);

  // Move focus to the item the arrow keys chose, once it is rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const el = listRef.current?.querySelector<HTMLElement>(`li[data-index="${current}"]`);
    if (el) {
      focusPending.current = false;
      el.focus();
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!(e.target instanceof HTMLLIElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    const from = Number(e.target.dataset.index ?? current);
    const to = e.key === 'ArrowDown' ? from + 1 : e.key === 'ArrowUp' ? from - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? sorted.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(sorted.length - 1, to));
    focusPending.current = true;
    setActive(next);
    if (virtual) virtualizer.scrollToIndex(next, { align: 'auto' });
    else listRef.current?.querySelector<HTMLElement>(`li[data-index="${next}"]`)?.focus();
  };

  const row = (i: number) => {
    const c = sorted[i]!;
    return (
      <CodingRow
        key={c.id}
        coding={c}
        text={text}
        index={i}
        total={sorted.length}
        tabbable={i === current}
        hasMemo={memos.has(c.id)}
        onMemo={onMemo}
        onRemove={onRemove}
        onFocusItem={setActive}
        measure={virtual ? virtualizer.measureElement : undefined}
      />
    );
  };

  let items;
  let style;
  if (virtual) {
    const shown = virtualizer.getVirtualItems();
    const total = virtualizer.getTotalSize();
    const first = shown[0];
    const last = shown[shown.length - 1];
    style = { paddingTop: first ? first.start - scrollMargin : 0, paddingBottom: last ? Math.max(0, total - (last.end - scrollMargin)) : total };
    items = shown.map((v) => row(v.index));
  } else {
    items = sorted.map((_, i) => row(i));
  }

  return (
    <section ref={sectionRef} className="coding-list" aria-labelledby="coding-list-title" data-virtual={virtual ? 'true' : undefined}>
      <h2 id="coding-list-title" className="pane-title">
        Codings in this document <span className="count">({codings.length})</span>
      </h2>
      {blind && <p className="hint">Blind mode: only your own codings are shown.</p>}
      {sorted.length === 0 ? (
        <p className="empty">No codings yet. Select some text, then choose a code.</p>
      ) : (
        <ul ref={listRef} aria-labelledby="coding-list-title" style={style} onKeyDown={onKeyDown}>
          {items}
        </ul>
      )}
    </section>
  );
});

interface RowProps {
  coding: ShownCoding;
  text: string;
  index: number;
  total: number;
  /** The list's one tab stop (the arrow keys move it). */
  tabbable: boolean;
  hasMemo: boolean;
  onMemo?: (coding: ShownCoding) => void;
  onRemove: (id: string) => void;
  onFocusItem: (index: number) => void;
  measure?: (el: Element | null) => void;
}

const CodingRow = memo(function CodingRow({ coding: c, text, index, total, tabbable, hasMemo, onMemo, onRemove, onFocusItem, measure }: RowProps) {
  const quote = useMemo(() => snippet(text.slice(c.start, c.end), 70), [text, c.start, c.end]);
  return (
    <li
      ref={measure}
      data-index={index}
      className="coding-list__item"
      aria-setsize={total}
      aria-posinset={index + 1}
      tabIndex={tabbable ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusItem(index);
      }}
    >
      <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
      <div className="coding-list__body">
        <span className="coding-list__code">{c.codeName}</span>
        <q className="coding-list__quote">{quote}</q>
      </div>
      <abbr className="coding-list__coder" title={`Coded by ${c.coderName}`}>
        {c.coderInitials}
      </abbr>
      {onMemo && (
        <button
          type="button"
          className={hasMemo ? 'memo-button memo-button--has' : 'memo-button'}
          aria-label={`${hasMemo ? 'Edit the memo' : 'Add a memo'} on coding “${c.codeName}” of “${quote}”`}
          title={hasMemo ? 'This coding has a memo: open it' : 'Add a memo to this coding'}
          onClick={() => onMemo(c)}
        >
          {hasMemo ? '✎' : '+✎'}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={`Remove coding “${c.codeName}” from “${quote}”`} title="Remove this coding" onClick={() => onRemove(c.id)}>
        ×
      </button>
    </li>
  );
});
