/**
 * The Code view's list, held by the analysis worker: this hook asks for a list (query + view) and
 * fetches rows by page as they scroll into view, so the screen never holds or builds 100,000 rows.
 * Pages arriving redraw only the list (it subscribes to `pages`), not the filters around it, and at
 * most MAX_PAGES pages are kept (the farthest from the one asked for goes first), so the screen's
 * memory — and the garbage collector's work while scrolling — stays the same however far one scrolls.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SegmentQuery } from '../../../shared/evidence/segments';
import type { SegmentRow, SegmentView } from '../../../shared/evidence/view';
import { errorMessage } from '../../../shared/error-message';
import { analysisClient } from '../../workers/analysis-client';
import type { SegmentListInfo } from '../../workers/analysis-protocol';

export const PAGE = 100;
/** Pages kept on screen at most (3,000 rows: a few screens either way of any position). */
export const MAX_PAGES = 30;

/** Pages arrived so far, for a list to redraw when one arrives (useSyncExternalStore). */
export interface PageStore {
  subscribe(onChange: () => void): () => void;
  version(): number;
}

export interface SegmentList {
  info: SegmentListInfo | null;
  busy: boolean;
  error: string | null;
  pages: PageStore;
  /** The row at a position, or undefined while its page loads (asking for it). */
  row(i: number): SegmentRow | undefined;
}

export function useSegmentList(projectId: string, revision: string | undefined, query: SegmentQuery, view: SegmentView): SegmentList {
  const [info, setInfo] = useState<SegmentListInfo | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const pages = useRef(new Map<number, SegmentRow[] | 'loading'>());
  const key = revision === undefined ? null : JSON.stringify([revision, query, view]);
  const latest = useRef(0);
  const store = useMemo(() => {
    const listeners = new Set<() => void>();
    let version = 0;
    return {
      subscribe(onChange: () => void) {
        listeners.add(onChange);
        return () => listeners.delete(onChange);
      },
      version: () => version,
      arrived() {
        version++;
        for (const l of listeners) l();
      },
    };
  }, []);

  useEffect(() => {
    if (key === null || revision === undefined) return;
    const run = ++latest.current;
    setBusy(true);
    setError(null);
    analysisClient()
      .segments(projectId, revision, query, view)
      .then(
        (next) => {
          if (run !== latest.current) return;
          pages.current = new Map();
          setInfo(next);
          setBusy(false);
        },
        (e: unknown) => {
          if (run !== latest.current) return;
          setError(errorMessage(e));
          setBusy(false);
        },
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query, view and revision
  }, [key, projectId]);

  const row = useCallback(
    (i: number): SegmentRow | undefined => {
      if (!info) return undefined;
      const p = Math.floor(i / PAGE);
      const held = pages.current;
      const page = held.get(p);
      if (page && page !== 'loading') return page[i - p * PAGE];
      if (!page) {
        held.set(p, 'loading');
        const listId = info.listId;
        analysisClient()
          .segmentRows(listId, p * PAGE, (p + 1) * PAGE)
          .then(
            (rows) => {
              if (info.listId !== listId || pages.current !== held || held.get(p) !== 'loading') return;
              held.set(p, rows);
              evictFarthest(held, p);
              store.arrived();
            },
            () => held.delete(p), // a newer list replaced this one: it will ask again
          );
      }
      return undefined;
    },
    [info, store],
  );

  return { info, busy, error, pages: store, row };
}

/** Drop loaded pages farthest from `near` until at most MAX_PAGES are held (pages still loading stay). */
function evictFarthest(held: Map<number, SegmentRow[] | 'loading'>, near: number): void {
  if (held.size <= MAX_PAGES) return;
  const loaded = [...held].filter(([, v]) => v !== 'loading').map(([p]) => p);
  loaded.sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
  for (const p of loaded.slice(0, held.size - MAX_PAGES)) held.delete(p);
}
