/**
 * Rows of one height (with, optionally, a few rows of another height, such as a list's group
 * headers) in a scrolling element: which are in view, where each one is, and where to scroll to
 * bring one into view, worked out from the scroll position alone. A virtualiser that measures its
 * rows keeps an object per row and makes them all again whenever the count or a padding changes:
 * 500,000 of them in a large survey's grid (12 ms and a collection each time, which made the
 * grid's first render after a coding a main-thread task of over 100 ms), 875,000 in the Code
 * workspace's document list. Here a render costs the same whatever the count.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface FixedRows {
  /** Rows in all. */
  count: number;
  /** Every row's height in px (but the tall ones'). */
  rowHeight: number;
  /** Rows of another height: their indexes, ascending, and their height. */
  tall?: { at: readonly number[]; height: number };
  /** Space above the first row that scrolls with the rows (a table's header row). */
  offset: number;
  /** The top of the view covered by something that stays (a sticky header), and the bottom (a scrollbar): a row scrolled to clears both. */
  coverTop: number;
  coverBottom: number;
  /** Rows drawn beyond each edge of the view. */
  overscan: number;
}

export type RowAlign = 'auto' | 'start' | 'center';

/** How many of the tall rows come before row `index`. */
function tallBefore(o: FixedRows, index: number): number {
  const at = o.tall?.at ?? [];
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const extra = (o: FixedRows) => (o.tall ? o.tall.height - o.rowHeight : 0);

/** Where row `index` starts, from the top of the scrolled content. */
export function rowStart(o: FixedRows, index: number): number {
  return o.offset + index * o.rowHeight + tallBefore(o, index) * extra(o);
}

/** Row `index`'s height. */
export function rowHeightOf(o: FixedRows, index: number): number {
  const at = o.tall?.at;
  if (!at) return o.rowHeight;
  const k = tallBefore(o, index);
  return at[k] === index ? o.tall!.height : o.rowHeight;
}

/** The row at `y` px from the top of the scrolled content (the first before, the last after). */
export function rowAt(o: FixedRows, y: number): number {
  if (o.count <= 0) return 0;
  const at = o.tall?.at ?? [];
  // the last tall row that starts at or above y
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o.offset + at[mid]! * o.rowHeight + mid * extra(o) <= y) lo = mid + 1;
    else hi = mid;
  }
  let index: number;
  if (lo === 0) index = Math.floor((y - o.offset) / o.rowHeight);
  else {
    const t = at[lo - 1]!;
    const start = o.offset + t * o.rowHeight + (lo - 1) * extra(o);
    const end = start + o.tall!.height;
    index = y < end ? t : t + 1 + Math.floor((y - end) / o.rowHeight);
  }
  return Math.max(0, Math.min(o.count - 1, index));
}

/** The whole height of the scrolled content. */
export function totalHeight(o: FixedRows): number {
  return o.count > 0 ? rowStart(o, o.count - 1) + rowHeightOf(o, o.count - 1) : o.offset;
}

/** The rows [first, last) to draw for this scroll position and view height (empty when there are none). */
export function visibleRows(o: FixedRows, scrollTop: number, viewHeight: number): { first: number; last: number } {
  if (o.count <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, rowAt(o, scrollTop) - o.overscan);
  const last = Math.min(o.count, Math.max(first + 1, rowAt(o, scrollTop + Math.max(0, viewHeight)) + 1 + o.overscan));
  return { first, last };
}

/**
 * The scroll position that brings row `index` into view, clear of what covers the view's edges:
 * 'auto' wholly in view, moving as little as it can (null when it is in view already); 'start' at
 * the top; 'center' in the middle. Null when there is no such row.
 */
export function scrollToRow(o: FixedRows, index: number, scrollTop: number, viewHeight: number, align: RowAlign = 'auto'): number | null {
  if (index < 0 || index >= o.count) return null;
  const start = rowStart(o, index);
  const end = start + rowHeightOf(o, index);
  const max = Math.max(0, totalHeight(o) - viewHeight);
  const clamp = (t: number) => Math.max(0, Math.min(max, t));
  if (align === 'start') return clamp(start - o.coverTop);
  if (align === 'center') return clamp(start - (viewHeight - (end - start)) / 2);
  if (start - o.coverTop < scrollTop) return clamp(start - o.coverTop);
  if (end > scrollTop + viewHeight - o.coverBottom) return clamp(end - viewHeight + o.coverBottom);
  return null;
}

/**
 * The rows in view of `scrollRef`'s element, kept up to date as it scrolls or is resized, its
 * scroll position, and a way to scroll a row into view. `initialHeight` stands for the view's
 * height until the element has one (before layout, or where there is none, as in jsdom).
 */
export function useFixedRows(
  scrollRef: RefObject<HTMLElement | null>,
  o: FixedRows,
  initialHeight = 0,
): { first: number; last: number; scrollTop: number; scrollTo: (index: number, align?: RowAlign) => void } {
  const [view, setView] = useState({ top: 0, height: 0 });
  // (after every render: the scrolling element may come and go, as a list shows "No documents" and then its rows)
  const attached = useRef<{ el: HTMLElement; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (attached.current?.el === el) return;
    attached.current?.stop();
    attached.current = null;
    if (!el) return;
    const read = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    resized?.observe(el);
    attached.current = {
      el,
      stop: () => {
        el.removeEventListener('scroll', read);
        resized?.disconnect();
      },
    };
  });
  useLayoutEffect(
    () => () => {
      attached.current?.stop();
      attached.current = null;
    },
    [],
  );
  const { count, rowHeight, tall, offset, coverTop, coverBottom, overscan } = o;
  const scrollTo = useCallback(
    (index: number, align: RowAlign = 'auto') => {
      const el = scrollRef.current;
      if (!el) return;
      const top = scrollToRow({ count, rowHeight, ...(tall ? { tall } : {}), offset, coverTop, coverBottom, overscan }, index, el.scrollTop, el.clientHeight || initialHeight, align);
      if (top === null || top === el.scrollTop) return;
      // (scrollTo fires a scroll event where there is layout; jsdom has neither)
      if (typeof el.scrollTo === 'function') el.scrollTo({ top });
      else el.scrollTop = top;
      // the rows in view follow in the same render as whatever asked for the scroll (the row to
      // focus is drawn with it), not a frame later when the scroll event comes
      setView({ top: el.scrollTop, height: el.clientHeight });
    },
    [scrollRef, count, rowHeight, tall, offset, coverTop, coverBottom, overscan, initialHeight],
  );
  return { ...visibleRows(o, view.top, view.height || initialHeight), scrollTop: view.top, scrollTo };
}
