import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listCodes, projectChangeStamp, type ChorusDb } from '../../db/api';
import type { Code } from '../../../shared/model';
import { gridKeys, gridService, leaveGrid, type GridService } from '../../workers/grid-client';
import { withCodingAdded } from './rowPatch';
import type { CodingPatch, GridColumns, GridReply, GridRowData, GridView, RowPage } from '../../workers/grid-core';
import type { GridCoding, GridFilters, SortState } from '../../../shared/grid/rows';

export interface GridViewState {
  /** No view has arrived yet. */
  loading: boolean;
  /** A newer sort or filter is being computed (the shown order is the previous one). */
  busy: boolean;
  /** All responses, and the row numbers shown in order. */
  total: number;
  order: Int32Array;
  /** The sort and filters `order` reflects. */
  applied: { sort: SortState; filters: GridFilters };
  /** Responses with each code, over all responses. */
  counts: ReadonlyMap<string, number>;
  columns: GridColumns;
  codes: Code[];
  rowsVersion: number;
  /** The data of the row shown at this position, if fetched (possibly with codes one change old). */
  rowAt: (position: number) => GridRowData | undefined;
  /** Make sure the rows at positions [from, to) are fetched; the table calls it as it scrolls. */
  want: (from: number, to: number) => void;
  /** The data of the row shown at this position, fetched if need be (undefined if the view changed meanwhile). */
  fetchRow: (position: number) => Promise<GridRowData | undefined>;
  /**
   * Paint a coding in the rows shown now, before it is saved (the number key's stripe at the key
   * press), and on every row that arrives meanwhile, until the function returned is called once
   * the save has settled: with `false` (nothing was added) the paint is taken off.
   */
  show: (add: GridCoding) => (keep: boolean) => void;
  /** Apply a coding change just saved to the store; resolves when counts and order reflect it. */
  patch: (change: CodingPatch) => Promise<void>;
  /** Distinct values of an attribute column, for the filter list. */
  values: (column: string) => Promise<{ values: string[]; truncated: boolean }>;
}

/** A row as the worker sent it with the codings not yet saved painted on it (and the worker's own row kept, if any were). */
function withPainted(base: GridRowData, adds: ReadonlySet<GridCoding>, codingsVersion: number): { data: GridRowData; codingsVersion: number; base?: GridRowData } {
  let data = base;
  for (const add of adds) data = withCodingAdded(data, add) ?? data;
  return data === base ? { data, codingsVersion } : { data, codingsVersion, base };
}

const NONE: never[] = [];
const NO_COLUMNS: GridColumns = { questions: [], attributes: [], surveys: [], recordIdLength: 0 };
const EMPTY = new Int32Array(0);
/** Rows fetched beyond the asked window, so a scroll step usually finds its rows already here. */
const PAD = 40;
const CACHE_LIMIT = 20_000;


/**
 * The survey grid's data, computed in a worker (renderer/workers/grid-core.ts): the main thread
 * holds only the shown order (an Int32Array of row numbers), the code counts, and the rows near
 * the viewport, fetched as the user scrolls. A cheap live change stamp (renderer/db/changeStamp.ts)
 * tells the worker when to re-read responses (counts change) or codings (every undoable step).
 */
export function useGridView(db: ChorusDb, projectId: string, sort: SortState, filters: GridFilters, service: GridService = gridService()): GridViewState {
  const stamp = useLiveQuery(() => projectChangeStamp(db, projectId), [db, projectId]);
  const keys = stamp ? gridKeys(stamp) : null;
  const sizeKey = keys?.sizeKey ?? null;
  const stepKey = keys?.stepKey ?? null;
  const [codes, setCodes] = useState<Code[] | null>(null);
  const [current, setCurrent] = useState<{ view: GridView; sort: SortState; filters: GridFilters; seq: number } | null>(null);
  const [, setTick] = useState(0);
  /** Rows fetched, by row number: `data` as shown; `base` the worker's own row when codings not yet saved are painted on it. */
  const cache = useRef(new Map<number, { data: GridRowData; codingsVersion: number; base?: GridRowData }>());
  /** Codings painted before they are saved (`show`): painted on every row stored until their save settles. */
  const painted = useRef(new Set<GridCoding>());
  const pending = useRef(new Set<number>());
  const seq = useRef(0);
  const applied = useRef(0);
  /** The positions last asked for (the visible window), sent with each new view. */
  const windowRef = useRef({ from: 0, to: 60 });
  const viewRef = useRef<GridView | null>(null);

  useEffect(() => {
    if (stepKey === null) return;
    let live = true;
    void listCodes(db, projectId).then((list) => {
      if (live) setCodes(list);
    });
    return () => {
      live = false;
    };
  }, [db, projectId, stepKey]);

  const store = useCallback((page: RowPage) => {
    const view = viewRef.current;
    if (!view || page.rowsVersion !== view.rowsVersion) return;
    const c = cache.current;
    for (const { row, data } of page.rows) {
      c.delete(row);
      c.set(row, withPainted(data, painted.current, page.codingsVersion));
      pending.current.delete(row);
    }
    if (c.size > CACHE_LIMIT) {
      let drop = c.size - CACHE_LIMIT;
      for (const k of c.keys()) {
        if (drop-- <= 0) break;
        c.delete(k);
      }
    }
  }, []);

  const accept = useCallback(
    (reply: GridReply, mySeq: number, sortNow: SortState, filtersNow: GridFilters) => {
      if (!reply.ok || reply.kind !== 'view' || mySeq < applied.current) return;
      applied.current = mySeq;
      const old = viewRef.current;
      const view = old && old.orderKey === reply.view.orderKey && old.rowsVersion === reply.view.rowsVersion ? { ...reply.view, order: old.order } : reply.view;
      if (!old || old.rowsVersion !== view.rowsVersion) {
        cache.current.clear();
        pending.current.clear();
      }
      viewRef.current = view;
      store(reply.rows);
      setCurrent({ view, sort: sortNow, filters: filtersNow, seq: mySeq });
    },
    [store],
  );

  const request = useCallback(
    async (patch?: CodingPatch) => {
      if (sizeKey === null || stepKey === null) return;
      const mySeq = ++seq.current;
      const w = windowRef.current;
      const reply = await service.call({ kind: 'view', dbName: db.name, projectId, sizeKey, stepKey, sort, filters, patch, window: { from: Math.max(0, w.from - PAD), to: w.to + PAD } });
      if (!reply.ok && !reply.stale) console.error(`Survey grid: ${reply.message}`);
      accept(reply, mySeq, sort, filters);
    },
    [service, db, projectId, sizeKey, stepKey, sort, filters, accept],
  );

  useEffect(() => {
    request().catch((e: unknown) => console.error(e));
  }, [request]);

  // leaving the grid: a large survey's worker is stopped once it has answered (its memory given
  // back); left before its first view arrived, the survey's size is not known: it is stopped too
  useEffect(() => () => leaveGrid(viewRef.current?.total ?? Number.POSITIVE_INFINITY, service), [service]);

  const view = current?.view ?? null;
  const want = useCallback(
    (from: number, to: number) => {
      windowRef.current = { from, to };
      const v = viewRef.current;
      if (!v) return;
      const need: number[] = [];
      let missingInView = false;
      const lo = Math.max(0, from - PAD);
      const hi = Math.min(v.order.length, to + PAD);
      for (let p = lo; p < hi; p++) {
        const row = v.order[p]!;
        const hit = cache.current.get(row);
        if (hit && hit.codingsVersion === v.codingsVersion) continue;
        if (p >= from && p < to) missingInView = true;
        if (!pending.current.has(row)) need.push(row);
      }
      // Fetch when the visible rows need it, or when the padding runs low (half of it used).
      if (need.length === 0 || (!missingInView && need.length < PAD / 2)) return;
      for (const r of need) pending.current.add(r);
      service.call({ kind: 'rows', rowsVersion: v.rowsVersion, rows: need }).then(
        (reply) => {
          for (const r of need) pending.current.delete(r);
          if (reply.ok && reply.kind === 'rows') {
            store(reply.rows);
            setTick((t) => t + 1);
          }
        },
        () => {
          for (const r of need) pending.current.delete(r);
        },
      );
    },
    // A new view (order or codings) may make cached rows stale: hand the table a new `want`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [service, store, view],
  );

  const rowAt = useCallback((position: number) => {
    const v = viewRef.current;
    const row = v?.order[position];
    return row === undefined ? undefined : cache.current.get(row)?.data;
  }, []);

  const fetchRow = useCallback(
    async (position: number) => {
      const v = viewRef.current;
      const row = v?.order[position];
      if (!v || row === undefined) return undefined;
      const hit = cache.current.get(row);
      if (hit && hit.codingsVersion === v.codingsVersion) return hit.data;
      const reply = await service.call({ kind: 'rows', rowsVersion: v.rowsVersion, rows: [row] });
      if (!reply.ok || reply.kind !== 'rows') return undefined;
      store(reply.rows);
      return reply.rows.rows[0]?.data;
    },
    [service, store],
  );

  // A coding is painted at once in the rows shown (the worker's view follows).
  const paint = useCallback((add: GridCoding) => {
    const v = viewRef.current;
    if (!v) return;
    let changed = false;
    for (const [row, hit] of cache.current) {
      const next = hit.codingsVersion === v.codingsVersion ? withCodingAdded(hit.data, add) : null;
      if (next) {
        cache.current.set(row, { data: next, codingsVersion: hit.codingsVersion, base: hit.base ?? hit.data });
        changed = true;
      }
    }
    if (changed) setTick((t) => t + 1);
  }, []);
  // A coding not saved yet: painted now and on every row page that arrives until `done` (a row
  // page from a view asked for before the save would otherwise take the stripe off again);
  // done(false) takes it off the rows, repainting them from the worker's own rows.
  const show = useCallback(
    (add: GridCoding) => {
      painted.current.add(add);
      paint(add);
      return (keep: boolean) => {
        if (!painted.current.delete(add) || keep) return;
        let changed = false;
        for (const [row, hit] of cache.current) {
          if (!hit.base) continue;
          cache.current.set(row, withPainted(hit.base, painted.current, hit.codingsVersion));
          changed = true;
        }
        if (changed) setTick((t) => t + 1);
      };
    },
    [paint],
  );
  // A coding just saved: painted at once (if it is not already), and sent to the worker.
  const patch = useCallback(
    (change: CodingPatch) => {
      if (change.add) paint(change.add);
      return request(change);
    },
    [request, paint],
  );
  const values = useCallback(
    async (column: string) => {
      const v = viewRef.current;
      if (!v) return { values: [], truncated: false };
      const reply = await service.call({ kind: 'values', rowsVersion: v.rowsVersion, column });
      return reply.ok && reply.kind === 'values' ? { values: reply.values, truncated: reply.truncated } : { values: [], truncated: false };
    },
    [service],
  );

  const counts = useMemo(() => new Map(view?.counts ?? NONE), [view?.counts]);
  return {
    loading: !view || !codes,
    busy: current !== null && (current.sort !== sort || current.filters !== filters),
    total: view?.total ?? 0,
    order: view?.order ?? EMPTY,
    applied: current ? { sort: current.sort, filters: current.filters } : { sort, filters },
    counts,
    columns: view?.columns ?? NO_COLUMNS,
    codes: codes ?? NONE,
    rowsVersion: view?.rowsVersion ?? 0,
    rowAt,
    want,
    fetchRow,
    show,
    patch,
    values,
  };
}
