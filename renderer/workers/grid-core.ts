/**
 * The survey grid's worker side: holds a project's rows (one per response, with its participant's
 * attributes) and codings, and answers the UI with the filtered, sorted order as an Int32Array of
 * row numbers plus small pages of row data on demand, so the main thread never reads, builds or
 * sorts 100,000 rows. Requests are answered one at a time, in order of arrival.
 */
import type { DocumentMeta, Participant, Variable } from '../../shared/model';
import {
  buildRows,
  distinctValues,
  indexCodings,
  responseCounts,
  rowData,
  viewNeedsCodings,
  viewOrder,
  type CodingIndex,
  type GridCoding,
  type GridFilters,
  type GridRow,
  type GridRowData,
  type SortState,
} from '../../shared/coding/grid-model';
import { errorMessage } from '../../shared/error-message';

/** What the grid reads from the store (the worker passes openChorusDb-backed reads; tests pass arrays). */
export interface GridStore {
  people(projectId: string): Promise<{ documents: DocumentMeta[]; participants: Participant[] }>;
  coding(projectId: string): Promise<{ variables: Variable[]; codings: GridCoding[] }>;
}

export type GridRequest =
  /**
   * The shown order for these filters and sort. `sizeKey` / `stepKey` come from the project's
   * change stamp: rows are re-read when sizeKey changes, codings when stepKey changes. `patch`
   * applies a coding change the UI has just saved, so counts and code filters update at once.
   */
  | {
      kind: 'view';
      dbName: string;
      projectId: string;
      sizeKey: string;
      stepKey: string;
      sort: SortState;
      filters: GridFilters;
      patch?: CodingPatch;
      /** Positions [from, to) of the new order whose row data to send with it (the visible window). */
      window?: { from: number; to: number };
    }
  /** Row data for these row numbers (as in the view's order), if the rows are still `rowsVersion`. */
  | { kind: 'rows'; rowsVersion: number; rows: number[] }
  /** Distinct shown values of an attribute, for the filter list. */
  | { kind: 'values'; rowsVersion: number; variableId: string };

export interface CodingPatch {
  add?: GridCoding;
  removeId?: string;
}

export interface GridView {
  /** Bumps whenever the rows are re-read (row numbers from an older version mean nothing). */
  rowsVersion: number;
  /** Bumps whenever the codings change (cached codeIds from an older version are stale). */
  codingsVersion: number;
  /** All responses in the project. */
  total: number;
  /** Row numbers shown, in order. */
  order: Int32Array;
  /** Same key = same order (the UI keeps its old array and skips a re-render). */
  orderKey: string;
  /** Responses with each code, over all responses: [code id, count]. */
  counts: [string, number][];
}

/** Row data by row number, as of these versions. */
export interface RowPage {
  rowsVersion: number;
  codingsVersion: number;
  rows: { row: number; data: GridRowData }[];
}

export type GridReply =
  | { ok: true; kind: 'view'; view: GridView; rows: RowPage }
  | { ok: true; kind: 'rows'; rows: RowPage }
  | { ok: true; kind: 'values'; values: string[]; truncated: boolean }
  /** `stale`: the rows changed since the request's rowsVersion; ask again after the next view. */
  | { ok: false; stale: boolean; message: string };

interface State {
  source: string;
  store: GridStore;
  sizeKey: string | null;
  stepKey: string | null;
  rows: GridRow[];
  rowsVersion: number;
  variables: Variable[];
  codings: GridCoding[];
  index: CodingIndex;
  codingsVersion: number;
  counts: { key: string; value: [string, number][] } | null;
  view: { key: string; order: Int32Array } | null;
}

export function gridHandler(open: (dbName: string) => Promise<GridStore>): (req: GridRequest) => Promise<GridReply> {
  let state: State | null = null;
  let versions = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const sync = async (req: Extract<GridRequest, { kind: 'view' }>): Promise<State> => {
    const source = `${req.dbName}\u0000${req.projectId}`;
    if (!state || state.source !== source) {
      state = { source, store: await open(req.dbName), sizeKey: null, stepKey: null, rows: [], rowsVersion: 0, variables: [], codings: [], index: new Map(), codingsVersion: 0, counts: null, view: null };
    }
    const s = state;
    // Both reads start together, so the store fetches one while this thread decodes the other.
    const people = s.sizeKey !== req.sizeKey ? s.store.people(req.projectId) : null;
    const coding = s.stepKey !== req.stepKey ? s.store.coding(req.projectId) : null;
    const [p, c] = await Promise.all([people, coding]);
    if (p) {
      s.rows = buildRows(p.documents, p.participants);
      s.rowsVersion = ++versions;
      s.sizeKey = req.sizeKey;
    }
    if (c) {
      s.variables = c.variables;
      if (!sameCodings(s.codings, c.codings)) setCodings(s, c.codings);
      s.stepKey = req.stepKey;
    }
    return s;
  };

  const setCodings = (s: State, codings: GridCoding[]) => {
    s.codings = codings;
    s.index = indexCodings(codings);
    s.codingsVersion = ++versions;
  };

  const view = async (req: Extract<GridRequest, { kind: 'view' }>): Promise<GridReply> => {
    const s = await sync(req);
    if (req.patch) {
      const { add, removeId } = req.patch;
      let next = removeId !== undefined && s.codings.some((c) => c.id === removeId) ? s.codings.filter((c) => c.id !== removeId) : s.codings;
      if (add && !next.some((c) => c.id === add.id)) next = [...next, add];
      if (next !== s.codings) setCodings(s, next);
    }
    const codingsPart = viewNeedsCodings(req.filters, req.sort) ? s.codingsVersion : '';
    const key = `${s.rowsVersion}|${codingsPart}|${JSON.stringify(req.sort)}|${JSON.stringify(req.filters)}|${s.variables.map((v) => `${v.id}:${v.type}`).join()}`;
    if (s.view?.key !== key) s.view = { key, order: viewOrder(s.rows, req.filters, req.sort, s.index, s.variables) };
    const countsKey = `${s.rowsVersion}|${s.codingsVersion}`;
    if (s.counts?.key !== countsKey) s.counts = { key: countsKey, value: [...responseCounts(s.rows, s.index)] };
    const order = s.view.order;
    const from = Math.max(0, req.window?.from ?? 0);
    const to = Math.min(order.length, req.window?.to ?? 0);
    return {
      ok: true,
      kind: 'view',
      view: { rowsVersion: s.rowsVersion, codingsVersion: s.codingsVersion, total: s.rows.length, order, orderKey: key, counts: s.counts.value },
      rows: page(s, from < to ? [...order.subarray(from, to)] : []),
    };
  };

  const page = (s: State, rows: readonly number[]): RowPage => ({
    rowsVersion: s.rowsVersion,
    codingsVersion: s.codingsVersion,
    rows: rows.flatMap((row) => {
      const r = s.rows[row];
      return r ? [{ row, data: rowData(r, s.index) }] : [];
    }),
  });

  const answer = async (req: GridRequest): Promise<GridReply> => {
    if (req.kind === 'view') return view(req);
    const s = state;
    if (!s || s.rowsVersion !== req.rowsVersion) return { ok: false, stale: true, message: 'The responses changed; showing the new ones.' };
    if (req.kind === 'values') return { ok: true, kind: 'values', ...distinctValues(s.rows, req.variableId) };
    return { ok: true, kind: 'rows', rows: page(s, req.rows) };
  };

  return (req) => {
    const reply = queue.then(
      () => answer(req),
      () => answer(req),
    );
    queue = reply.catch(() => undefined);
    return reply.catch((e: unknown) => ({ ok: false as const, stale: false, message: errorMessage(e) }));
  };
}

/** Same codings (the re-read after a patched change usually finds exactly what was patched). */
function sameCodings(a: readonly GridCoding[], b: readonly GridCoding[]): boolean {
  if (a.length !== b.length) return false;
  const key = (c: GridCoding) => `${c.id}|${c.documentId}|${c.codeId}|${c.coderId}|${c.start}|${c.end}`;
  const seen = new Set(a.map(key));
  return b.every((c) => seen.has(key(c)));
}
