/**
 * Rows of one fixed height in a scrolling element (the survey grid): which are in view, and where
 * to scroll to bring one into view, worked out from the scroll position alone. A virtualiser that
 * measures its rows keeps an object per row and makes them all again whenever the count or the
 * header's height changes: 500,000 of them in a large survey, 12 ms and a collection each time,
 * which made opening the grid a main-thread task of over 100 ms. Here each render costs the same
 * whatever the count.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedRows {
  /** Rows in all. */
  count: number;
  /** Every row's height in px. */
  rowHeight: number;
  /** Space above the first row (the sticky header row, which covers the top of the view). */
  paddingStart: number;
  /** Space at the bottom of the view a row should clear when scrolled to (a horizontal scrollbar). */
  paddingEnd: number;
  /** Rows drawn beyond each edge of the view. */
  overscan: number;
}

/** The rows [first, last) to draw for this scroll position and view height (empty when there are none). */
export function visibleRows(o: FixedRows, scrollTop: number, viewHeight: number): { first: number; last: number } {
  if (o.count <= 0) return { first: 0, last: 0 };
  const top = Math.max(0, scrollTop - o.paddingStart);
  const bottom = Math.max(0, scrollTop + Math.max(0, viewHeight) - o.paddingStart);
  const first = Math.max(0, Math.min(o.count - 1, Math.floor(top / o.rowHeight)) - o.overscan);
  const last = Math.min(o.count, Math.max(first + 1, Math.ceil(bottom / o.rowHeight) + o.overscan));
  return { first, last };
}

/**
 * The scroll position that brings row `index` wholly into view below the header (and above
 * paddingEnd), moving as little as it can; null when it is in view already or out of range.
 */
export function scrollToRow(o: FixedRows, index: number, scrollTop: number, viewHeight: number): number | null {
  if (index < 0 || index >= o.count) return null;
  const start = o.paddingStart + index * o.rowHeight;
  const end = start + o.rowHeight;
  if (start - o.paddingStart < scrollTop) return Math.max(0, start - o.paddingStart);
  if (end > scrollTop + viewHeight - o.paddingEnd) return Math.max(0, end - viewHeight + o.paddingEnd);
  return null;
}

/** The whole height of the rows with the space above them. */
export const totalHeight = (o: FixedRows): number => o.paddingStart + Math.max(0, o.count) * o.rowHeight;

/** The rows in view of `scrollRef`'s element, kept up to date as it scrolls or is resized, and a way to scroll one into view. */
export function useFixedRows(scrollRef: RefObject<HTMLElement | null>, o: FixedRows): { first: number; last: number; scrollTo: (index: number) => void } {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resized?.disconnect();
    };
  }, [scrollRef]);
  const { count, rowHeight, paddingStart, paddingEnd, overscan } = o;
  const scrollTo = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = scrollToRow({ count, rowHeight, paddingStart, paddingEnd, overscan }, index, el.scrollTop, el.clientHeight);
      if (top !== null) el.scrollTop = top;
    },
    [scrollRef, count, rowHeight, paddingStart, paddingEnd, overscan],
  );
  return { ...visibleRows(o, view.top, view.height), scrollTo };
}
