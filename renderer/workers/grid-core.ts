/**
 * The survey grid's worker side: holds a project's survey responses (one row per response, one
 * answer per question; shared/grid/rows.ts) and codings, and answers the UI with the filtered,
 * sorted order as an Int32Array of row numbers plus small pages of row data (answer text
 * included) on demand, so the main thread never reads, builds or sorts 100,000 rows. Requests
 * are answered one at a time, in order of arrival.
 */
import {
  answerRows,
  attributeValue,
  buildGrid,
  CodingIndex,
  codesOf,
  distinctValues,
  EMPTY_GRID,
  longestRecordId,
  responseCounts,
  rowCodes,
  showValue,
  viewNeedsCodings,
  viewOrder,
  type AnswerRows,
  type GridCoding,
  type GridFilters,
  type GridInput,
  type GridModel,
  type GridQuestion,
  type GridSurvey,
  type SortState,
} from '../../shared/grid/rows';
import { errorMessage } from '../../shared/error-message';
import type { CodingChange } from '../../shared/coding/coding-digest';
import type { CodingColumns } from '../../shared/coding/coding-index';

/** Codings as the grid reads them: columns, the changes after them (any project's), and the journal entry they are current to. */
export interface GridCodingsRead {
  digest: CodingColumns;
  changes: readonly CodingChange[];
  seq: number;
}

/** What the grid reads from the store (the worker passes openChorusDb-backed reads; tests pass arrays). */
export interface GridStore {
  survey(projectId: string): Promise<GridInput>;
  /** Every coding of the project, as columns (never an object per coding). */
  codings(projectId: string): Promise<GridCodingsRead>;
  /** The coding changes after journal entry `since` (any project's); null when they are not all kept (read the codings whole). */
  codingChanges(since: number): Promise<{ changes: readonly CodingChange[]; seq: number } | null>;
  /** The texts of these documents, in order. */
  texts(ids: readonly string[]): Promise<string[]>;
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
  /** Distinct shown values of an attribute column, for the filter list. */
  | { kind: 'values'; rowsVersion: number; column: string };

export interface CodingPatch {
  add?: GridCoding;
  removeId?: string;
}

/** The grid's columns, as of a rows version. */
export interface GridColumns {
  questions: GridQuestion[];
  /** Attribute columns in file order. */
  attributes: { key: string; name: string }[];
  /** Sources with survey responses (the source filter lists them when there are several). */
  surveys: GridSurvey[];
  /** Characters in the longest record id (the record id column is sized to it). */
  recordIdLength: number;
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
  /** Responses with each code on any answer, over all responses: [code id, count]. */
  counts: [string, number][];
  columns: GridColumns;
}

/** One answer as a cell shows it. */
export interface GridCell {
  /** The answer's document id. */
  id: string;
  length: number;
  /** The start of its text (at most CELL_TEXT characters; the detail pane shows all of it). */
  text: string;
  codeIds: string[];
  /** `${codeId} ${coderId}` of each whole-answer coding (what the number keys toggle). */
  whole: string[];
}

/** A response as the UI shows it. */
export interface GridRowData {
  key: string;
  sourceId: string;
  recordId: string;
  pseudonym: string;
  /** Shown value per attribute column (as in GridColumns.attributes). */
  values: string[];
  /** Per question (as in GridColumns.questions): the answer, or null where unanswered. */
  cells: (GridCell | null)[];
  /** Distinct codes on any answer. */
  codeIds: string[];
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

/** Characters of an answer sent to its cell (two lines show far fewer; the tooltip shows these). */
export const CELL_TEXT = 600;
const TEXT_CACHE = 5000;

interface State {
  source: string;
  store: GridStore;
  sizeKey: string | null;
  stepKey: string | null;
  model: GridModel;
  columns: GridColumns;
  rowsVersion: number;
  index: CodingIndex;
  /** The journal entry the index is current to (-1: not read yet). */
  codingsSeq: number;
  codingsVersion: number;
  counts: { key: string; value: [string, number][] } | null;
  /** Where the index's answers are in the model's rows, kept from one count to the next (answerRows). */
  placed: AnswerRows | null;
  view: { key: string; order: Int32Array } | null;
  /** Cell texts by document id (most recently used last). */
  texts: Map<string, string>;
}

/** Codings changed since the index was read past which it is read whole again. */
const WHOLE_AFTER = 10_000;
const changedCodings = (changes: readonly CodingChange[]) => changes.reduce((n, c) => n + c.written.length + c.deleted.length, 0);

const EMPTY_CODINGS: CodingColumns = {
  ids: { text: '', ends: new Uint32Array(0) },
  documentId: { values: { text: '', ends: new Uint32Array(0) }, at: new Uint32Array(0) },
  codeId: { values: { text: '', ends: new Uint32Array(0) }, at: new Uint32Array(0) },
  coderId: { values: { text: '', ends: new Uint32Array(0) }, at: new Uint32Array(0) },
  start: new Uint32Array(0),
  end: new Uint32Array(0),
};

function columnsOf(model: GridModel): GridColumns {
  return {
    questions: model.questions,
    attributes: model.attributes.map((a) => ({ key: a.key, name: a.name })),
    surveys: model.surveys,
    recordIdLength: longestRecordId(model),
  };
}

export function gridHandler(open: (dbName: string) => Promise<GridStore>): (req: GridRequest) => Promise<GridReply> {
  let state: State | null = null;
  let versions = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const sync = async (req: Extract<GridRequest, { kind: 'view' }>): Promise<State> => {
    const source = `${req.dbName}\u0000${req.projectId}`;
    if (!state || state.source !== source) {
      state = {
        source, store: await open(req.dbName), sizeKey: null, stepKey: null, model: EMPTY_GRID, columns: columnsOf(EMPTY_GRID), rowsVersion: 0,
        index: new CodingIndex(EMPTY_CODINGS), codingsSeq: -1, codingsVersion: 0, counts: null, placed: null, view: null, texts: new Map(),
      };
    }
    const s = state;
    // Both reads start together, so the store fetches one while this thread decodes the other.
    // Codings: the changes since the index was read, when they are all kept; else every coding again.
    const survey = s.sizeKey !== req.sizeKey ? s.store.survey(req.projectId) : null;
    const coding = s.stepKey !== req.stepKey ? (s.codingsSeq >= 0 ? s.store.codingChanges(s.codingsSeq) : Promise.resolve(null)) : undefined;
    const [p, tail] = await Promise.all([survey, coding]);
    // (a big change, such as a merge of codes, is read whole: the index holds changed answers apart, as objects)
    const whole = tail === null || (tail && changedCodings(tail.changes) > WHOLE_AFTER) ? await s.store.codings(req.projectId) : null;
    if (p) {
      s.placed = null;
      s.model = buildGrid(p);
      s.columns = columnsOf(s.model);
      s.rowsVersion = ++versions;
      s.sizeKey = req.sizeKey;
      s.texts.clear();
    }
    if (whole) {
      // (the old index goes before the new one is built, with the places worked out for it)
      s.index = new CodingIndex(EMPTY_CODINGS);
      s.placed = null;
      const index = new CodingIndex(whole.digest);
      index.apply(req.projectId, whole.changes);
      s.index = index;
      s.codingsSeq = whole.seq;
      s.codingsVersion = ++versions;
    } else if (tail) {
      // (the re-read after a change the UI has patched in usually finds exactly that change: nothing moves)
      if (s.index.apply(req.projectId, tail.changes)) s.codingsVersion = ++versions;
      s.codingsSeq = tail.seq;
    }
    if (tail !== undefined) s.stepKey = req.stepKey;
    return s;
  };

  const view = async (req: Extract<GridRequest, { kind: 'view' }>): Promise<GridReply> => {
    const s = await sync(req);
    if (req.patch) {
      const { add, removeId } = req.patch;
      // (as the store has it: the removal first, then the coding added)
      const change = [{ written: [], deleted: removeId !== undefined ? [removeId] : [] }, { written: add ? [add] : [], deleted: [] }];
      if (s.index.apply(req.projectId, change)) s.codingsVersion = ++versions;
    }
    const codingsPart = viewNeedsCodings(req.filters, req.sort) ? s.codingsVersion : '';
    const key = `${s.rowsVersion}|${codingsPart}|${JSON.stringify(req.sort)}|${JSON.stringify(req.filters)}`;
    // (the answers' places are kept from one view to the next while the rows and the index are the same)
    s.placed = answerRows(s.model, s.index, s.placed);
    if (s.view?.key !== key) s.view = { key, order: viewOrder(s.model, req.filters, req.sort, s.index, s.placed) };
    const countsKey = `${s.rowsVersion}|${s.codingsVersion}`;
    if (s.counts?.key !== countsKey) {
      s.counts = { key: countsKey, value: [...responseCounts(s.model, s.index, s.placed)] };
    }
    const order = s.view.order;
    const from = Math.max(0, req.window?.from ?? 0);
    const to = Math.min(order.length, req.window?.to ?? 0);
    return {
      ok: true,
      kind: 'view',
      view: { rowsVersion: s.rowsVersion, codingsVersion: s.codingsVersion, total: s.model.count, order, orderKey: key, counts: s.counts.value, columns: s.columns },
      rows: await page(s, from < to ? [...order.subarray(from, to)] : []),
    };
  };

  /** The texts of these answers, from the cache or one store read for the rest. */
  const cellTexts = async (s: State, ids: string[]): Promise<Map<string, string>> => {
    const missing = ids.filter((id) => !s.texts.has(id));
    if (missing.length > 0) {
      const texts = await s.store.texts(missing);
      missing.forEach((id, i) => s.texts.set(id, texts[i]!.slice(0, CELL_TEXT)));
    }
    const out = new Map<string, string>();
    for (const id of ids) {
      const t = s.texts.get(id)!;
      s.texts.delete(id);
      s.texts.set(id, t);
      out.set(id, t);
    }
    if (s.texts.size > TEXT_CACHE) {
      let drop = s.texts.size - TEXT_CACHE;
      for (const k of s.texts.keys()) {
        if (drop-- <= 0) break;
        s.texts.delete(k);
      }
    }
    return out;
  };

  const page = async (s: State, rowNumbers: readonly number[]): Promise<RowPage> => {
    const { model } = s;
    const rows = rowNumbers.flatMap((row) => (Number.isInteger(row) && row >= 0 && row < model.count ? [{ row, r: model.row(row) }] : []));
    const texts = await cellTexts(s, rows.flatMap(({ r }) => r.answers.flatMap((a) => (a ? [a.id] : []))));
    const { index } = s;
    return {
      rowsVersion: s.rowsVersion,
      codingsVersion: s.codingsVersion,
      rows: rows.map(({ row, r }) => {
        const cells = model.questions.map((_, q): GridCell | null => {
          const a = r.answers[q];
          if (!a) return null;
          const list = index.get(a.id) ?? [];
          return { id: a.id, length: a.length, text: texts.get(a.id) ?? '', codeIds: codesOf(index, a.id), whole: list.filter((c) => c.start === 0 && c.end === a.length).map((c) => `${c.codeId} ${c.coderId}`) };
        });
        const values = model.attributes.map((col) => showValue(attributeValue(r.attributes, col)));
        return { row, data: { key: r.key, sourceId: r.sourceId, recordId: r.recordId, pseudonym: r.pseudonym, values, cells, codeIds: rowCodes(r, index) } };
      }),
    };
  };

  const answer = async (req: GridRequest): Promise<GridReply> => {
    if (req.kind === 'view') return view(req);
    const s = state;
    if (!s || s.rowsVersion !== req.rowsVersion) return { ok: false, stale: true, message: 'The responses changed; showing the new ones.' };
    if (req.kind === 'values') return { ok: true, kind: 'values', ...distinctValues(s.model, req.column) };
    return { ok: true, kind: 'rows', rows: await page(s, req.rows) };
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
