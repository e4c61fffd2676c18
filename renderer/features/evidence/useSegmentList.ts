/**
 * The Code view's list, held by the analysis worker: this hook asks for a list (query + view) and
 * fetches rows by page as they scroll into view, so the screen never holds or builds 100,000 rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SegmentQuery } from '../../../shared/evidence/segments';
import type { SegmentRow, SegmentView } from '../../../shared/evidence/view';
import { errorMessage } from '../../../shared/error-message';
import { analysisClient } from '../../workers/analysis-client';
import type { SegmentListInfo } from '../../workers/analysis-protocol';

export const PAGE = 100;

export interface SegmentList {
  info: SegmentListInfo | null;
  busy: boolean;
  error: string | null;
  /** Counts pages arrived: a list drawn from `row` redraws when it changes. */
  version: number;
  /** The row at a position, or undefined while its page loads (asking for it). */
  row(i: number): SegmentRow | undefined;
}

export function useSegmentList(projectId: string, revision: string | undefined, query: SegmentQuery, view: SegmentView): SegmentList {
  const [info, setInfo] = useState<SegmentListInfo | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setLoaded] = useState(0);
  const pages = useRef(new Map<number, SegmentRow[] | 'loading'>());
  const key = revision === undefined ? null : JSON.stringify([revision, query, view]);
  const latest = useRef(0);

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
      const page = pages.current.get(p);
      if (page && page !== 'loading') return page[i - p * PAGE];
      if (!page) {
        pages.current.set(p, 'loading');
        const listId = info.listId;
        analysisClient()
          .segmentRows(listId, p * PAGE, (p + 1) * PAGE)
          .then(
            (rows) => {
              if (info.listId !== listId) return;
              pages.current.set(p, rows);
              setLoaded((n) => n + 1);
            },
            () => pages.current.delete(p), // a newer list replaced this one: it will ask again
          );
      }
      return undefined;
    },
    [info],
  );

  return { info, busy, error, version, row };
}
