/**
 * The survey grid's pure row model: one row per survey response (a row of an imported table, or
 * the answers of one record stored one by one), one column per free-text question holding that
 * response's answer (a document), and its participant's attributes in the order they had in the
 * imported file. Sorting, filtering and counting run over 100,000 rows (sort keys precomputed).
 * Used by the grid worker (renderer/workers/grid-core.ts); no DOM, no store.
 */
import type { AttributeValue, Code, DocumentMeta, Participant, Source, Variable, VariableType } from '../model';
import { datasetAnswerPlace, datasetAttributeSets, datasetDocumentId, datasetRowKey, PLACE_SLOTS, type Dataset } from '../import/dataset';
import { buildCodeTree } from '../coding/tree';
import { RETRACTED_LABEL } from '../governance/retraction';
import type { CodingIndex, IndexedCoding } from '../coding/coding-index';

/** One answer: its response document. */
export interface GridAnswer {
  id: string;
  length: number;
}

export interface GridRow {
  /** Stable key: the dataset row's key, or source, participant and record id for stored answers. */
  key: string;
  sourceId: string;
  recordId: string;
  pseudonym: string;
  /** The participant's values by variable id. */
  attributes: Readonly<Record<string, AttributeValue>>;
  /** Per question (index into GridModel.questions): the answer, or undefined where unanswered. */
  answers: (GridAnswer | undefined)[];
}

/** A free-text question: answers from several surveys share a column when the question's name matches. */
export interface GridQuestion {
  /** `q:<name>`: stable across re-reads. */
  key: string;
  name: string;
  description: string;
}

/** An attribute column: variables of several surveys share one when their names match. */
export interface GridAttribute {
  /** `attr:<name>`. */
  key: string;
  name: string;
  type: VariableType;
  variableIds: string[];
}

/** A source with survey responses, and the columns its responses use (file order). */
export interface GridSurvey {
  id: string;
  name: string;
  rows: number;
  questions: string[];
  attributes: string[];
  /** Some response names a participant other than its own record (else a Participant column says nothing new). */
  participants: boolean;
}

export interface GridModel {
  /** Responses in all. */
  count: number;
  questions: GridQuestion[];
  attributes: GridAttribute[];
  surveys: GridSurvey[];
  /**
   * Response `i` (0 ≤ i < count) as an object, made when asked. A survey table's responses are
   * read from its columns, not kept as objects: at 500,000 responses an object per response, with
   * its answers and their ids, kept 750 bytes a response (375 MB).
   */
  row(i: number): GridRow;
  /** Response `i`'s source, record id, pseudonym and participant's values, read without making the row. */
  sourceId(i: number): string;
  recordId(i: number): string;
  pseudonym(i: number): string;
  values(i: number): Readonly<Record<string, AttributeValue>>;
  /** The length of response `i`'s answer to question `q` (an index into `questions`), or -1 where it is unanswered. */
  answerLength(i: number, q: number): number;
  /**
   * The row that shows this answer, or -1 when no row does. A survey table's answer is placed
   * from its id (the table and row it names), so no map of every answer is kept: only of the
   * answers stored one by one.
   */
  answerRow(documentId: string): number;
}

/** Every row of a model, made (for small models and tests: a survey's rows are made a page at a time). */
export function gridRows(model: GridModel): GridRow[] {
  return Array.from({ length: model.count }, (_, i) => model.row(i));
}

const NO_VALUES: Readonly<Record<string, AttributeValue>> = Object.freeze({});

/** A model with no rows. */
export const EMPTY_GRID: GridModel = {
  count: 0,
  questions: [],
  attributes: [],
  surveys: [],
  row: (i) => {
    throw new RangeError(`no row ${i}`);
  },
  sourceId: () => '',
  recordId: () => '',
  pseudonym: () => '',
  values: () => NO_VALUES,
  answerLength: () => -1,
  answerRow: () => -1,
};

export interface GridInput {
  sources: readonly Pick<Source, 'id' | 'name'>[];
  variables: readonly Variable[];
  /** Survey tables as stored (their answers are derived documents). */
  datasets: readonly Dataset[];
  /** Documents stored one by one (the demo, REFI-QDA imports, older stores); only responses count. */
  documents: readonly DocumentMeta[];
  participants: readonly Participant[];
}

/** A survey table's rows in the grid, read from the table's columns (only those the grid shows are kept, not the table). */
interface TablePart {
  /** The grid rows [start, end). */
  start: number;
  end: number;
  id: string;
  sourceId: string;
  /** By grid row − start: the table's row. */
  rowOf: Int32Array;
  /** By the table's row: its grid row, -1 where none (a retracted participant's). */
  rowAt: Int32Array;
  /** Answers a row has (the table's fields), and the question of each. */
  slots: number;
  questionOf: Int32Array;
  /** By question: the slot, -1 where the table has no such question (made once every question is known). */
  slotOf: Int32Array;
  recordIds: readonly string[];
  participantOf: Int32Array;
  lengths: Int32Array;
  pseudonyms: readonly string[];
  /** By participant: its values (shared between participants with the same ones). */
  people: readonly Readonly<Record<string, AttributeValue>>[];
}

/** Responses stored one by one, as objects (there are few: the demo, REFI-QDA imports, older stores). */
interface StoredPart {
  start: number;
  end: number;
  rows: GridRow[];
}

/**
 * The grid's rows and columns. Datasets come first, oldest import first, each in file row order;
 * then stored responses, grouped by source, participant and record id in the order given.
 * Attribute columns follow each table's file order (the key order of its stored attribute
 * columns, which an import writes in file order); for stored participants, the key order of
 * their attributes (also file order for anything Chorus imported), first seen first.
 */
export function buildGrid(input: GridInput): GridModel {
  const questions: GridQuestion[] = [];
  const questionAt = new Map<string, number>();
  const attributes: GridAttribute[] = [];
  const attributeAt = new Map<string, number>();
  const variableById = new Map(input.variables.map((v) => [v.id, v]));
  const sourceName = new Map(input.sources.map((s) => [s.id, s.name]));
  const surveys = new Map<string, { rows: number; questions: Set<string>; attributes: Set<string>; participants: boolean }>();
  const survey = (sourceId: string) => {
    let s = surveys.get(sourceId);
    if (!s) surveys.set(sourceId, (s = { rows: 0, questions: new Set(), attributes: new Set(), participants: false }));
    return s;
  };
  const question = (name: string, description: string): number => {
    let q = questionAt.get(name);
    if (q === undefined) {
      q = questions.length;
      questionAt.set(name, q);
      questions.push({ key: `q:${name}`, name, description });
    }
    return q;
  };
  const attribute = (variableId: string): GridAttribute | undefined => {
    const v = variableById.get(variableId);
    if (!v) return undefined;
    let a = attributeAt.get(v.name);
    if (a === undefined) {
      a = attributes.length;
      attributeAt.set(v.name, a);
      attributes.push({ key: `attr:${v.name}`, name: v.name, type: v.type, variableIds: [] });
    }
    const col = attributes[a]!;
    if (!col.variableIds.includes(v.id)) {
      col.variableIds.push(v.id);
      if (col.type !== v.type) col.type = 'text';
    }
    return col;
  };

  const tables: TablePart[] = [];
  let count = 0;
  const datasets = [...input.datasets].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  for (const ds of datasets) {
    const s = survey(ds.sourceId);
    const questionOf = Int32Array.from(ds.fields, (f) => question(f.name, f.description));
    for (const q of questionOf) s.questions.add(questions[q]!.key);
    for (const vid of Object.keys(ds.participants.attributes)) {
      const col = attribute(vid);
      if (col) s.attributes.add(col.key);
    }
    const R = ds.recordIds.length;
    const rowAt = new Int32Array(R).fill(-1);
    const rowOf = new Int32Array(R);
    const { pseudonyms } = ds.participants;
    let n = 0;
    for (let r = 0; r < R; r++) {
      if (isRetractedRow(ds, r)) continue;
      rowAt[r] = count + n;
      rowOf[n++] = r;
      if (!s.participants) {
        const pseudonym = pseudonyms[ds.participantOf[r]!] ?? '';
        if (pseudonym !== '' && pseudonym !== ds.recordIds[r]) s.participants = true;
      }
    }
    s.rows += n;
    tables.push({
      start: count,
      end: count + n,
      id: ds.id,
      sourceId: ds.sourceId,
      rowOf: n === R ? rowOf : rowOf.slice(0, n),
      rowAt,
      slots: ds.fields.length,
      questionOf,
      slotOf: new Int32Array(0),
      recordIds: ds.recordIds,
      participantOf: ds.participantOf,
      lengths: ds.lengths,
      pseudonyms,
      people: datasetAttributeSets(ds),
    });
    count += n;
  }

  const people = new Map(input.participants.map((p) => [p.id, p]));
  const stored: StoredPart = { start: count, end: count, rows: [] };
  /** Rows of answers stored one by one, by record, with their place in the grid. */
  const grouped = new Map<string, { row: GridRow; at: number }>();
  /** Answers stored one by one: the grid row of each. */
  const storedAt = new Map<string, number>();
  for (const d of input.documents) {
    if (d.kind !== 'response') continue;
    const recordId = d.recordId ?? d.title;
    const key = `${d.sourceId}\u0000${d.participantId ?? ''}\u0000${recordId}`;
    const s = survey(d.sourceId);
    let entry = grouped.get(key);
    if (!entry) {
      const p = d.participantId ? people.get(d.participantId) : undefined;
      const made: GridRow = { key, sourceId: d.sourceId, recordId, pseudonym: p?.pseudonym ?? '', attributes: p?.attributes ?? NO_VALUES, answers: [] };
      for (const vid of Object.keys(made.attributes)) {
        const col = attribute(vid);
        if (col) s.attributes.add(col.key);
      }
      grouped.set(key, (entry = { row: made, at: stored.end++ }));
      stored.rows.push(made);
      s.rows++;
      if (!s.participants && made.pseudonym !== '' && made.pseudonym !== made.recordId) s.participants = true;
    }
    const { row, at } = entry;
    const q = question(d.field ?? 'Response', d.fieldDescription ?? '');
    s.questions.add(questions[q]!.key);
    if (!row.answers[q]) {
      row.answers[q] = { id: d.id, length: d.length };
      storedAt.set(d.id, at);
    }
  }
  count = stored.end;
  for (const t of tables) {
    t.slotOf = new Int32Array(questions.length).fill(-1);
    t.questionOf.forEach((q, slot) => (t.slotOf[q] = slot));
  }

  // the part of row i: the last one asked for, else a search (there are few parts)
  let last: TablePart | undefined = tables[0];
  const tableOf = (i: number): TablePart | undefined => {
    if (last && i >= last.start && i < last.end) return last;
    if (i >= stored.start) return undefined;
    let lo = 0;
    let hi = tables.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tables[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    return (last = tables[lo]);
  };
  const check = (i: number) => {
    if (!(i >= 0 && i < count)) throw new RangeError(`row ${i} is not in the grid (${count} rows)`);
  };
  const storedRow = (i: number) => stored.rows[i - stored.start]!;
  const row = (i: number): GridRow => {
    check(i);
    const t = tableOf(i);
    if (!t) return storedRow(i);
    const r = t.rowOf[i - t.start]!;
    const answers: (GridAnswer | undefined)[] = [];
    for (let slot = 0; slot < t.slots; slot++) {
      const length = t.lengths[r * t.slots + slot]!;
      if (length >= 0) answers[t.questionOf[slot]!] = { id: datasetDocumentId(t.id, r, slot), length };
    }
    const p = t.participantOf[r]!;
    return { key: datasetRowKey(t.id, r), sourceId: t.sourceId, recordId: t.recordIds[r]!, pseudonym: t.pseudonyms[p] ?? '', attributes: t.people[p] ?? NO_VALUES, answers };
  };

  return {
    count,
    questions,
    attributes,
    surveys: [...surveys].map(([id, s]) => ({ id, name: sourceName.get(id) ?? 'Unnamed source', rows: s.rows, questions: [...s.questions], attributes: [...s.attributes], participants: s.participants })),
    row,
    sourceId: (i) => {
      check(i);
      return tableOf(i)?.sourceId ?? storedRow(i).sourceId;
    },
    recordId: (i) => {
      check(i);
      const t = tableOf(i);
      return t ? t.recordIds[t.rowOf[i - t.start]!]! : storedRow(i).recordId;
    },
    pseudonym: (i) => {
      check(i);
      const t = tableOf(i);
      return t ? (t.pseudonyms[t.participantOf[t.rowOf[i - t.start]!]!] ?? '') : storedRow(i).pseudonym;
    },
    values: (i) => {
      check(i);
      const t = tableOf(i);
      return t ? (t.people[t.participantOf[t.rowOf[i - t.start]!]!] ?? NO_VALUES) : storedRow(i).attributes;
    },
    answerLength: (i, q) => {
      check(i);
      const t = tableOf(i);
      if (!t) return storedRow(i).answers[q]?.length ?? -1;
      const slot = q >= 0 && q < t.slotOf.length ? t.slotOf[q]! : -1;
      return slot < 0 ? -1 : t.lengths[t.rowOf[i - t.start]! * t.slots + slot]!;
    },
    answerRow: (documentId) => {
      const at = storedAt.size > 0 ? storedAt.get(documentId) : undefined;
      if (at !== undefined) return at;
      for (const t of tables) {
        const place = datasetAnswerPlace(documentId, t.id);
        if (place < 0) continue;
        const r = Math.floor(place / PLACE_SLOTS);
        const slot = place % PLACE_SLOTS;
        // (a row shows an answer only if it was given: a blank one is no answer of the row)
        return r < t.rowAt.length && slot < t.slots && t.lengths[r * t.slots + slot]! >= 0 ? t.rowAt[r]! : -1;
      }
      return -1;
    },
  };
}

export { CodingIndex, indexCodings } from '../coding/coding-index';
/** A coding as the grid needs it. */
export type GridCoding = IndexedCoding;

/** The distinct codes applied to an answer, in first-applied order. */
export function codesOf(index: CodingIndex, documentId: string): string[] {
  const out = new Set<string>();
  index.eachCode(documentId, (c) => void out.add(c));
  return [...out];
}

/** The distinct codes applied to any answer of a response, question by question. */
export function rowCodes(row: GridRow, index: CodingIndex): string[] {
  const out = new Set<string>();
  for (const a of row.answers) if (a) index.eachCode(a.id, (c) => void out.add(c));
  return [...out];
}

/** The current coder's whole-answer coding of a code, if any (the one a number key toggles). */
export function wholeAnswerCoding(index: CodingIndex, answer: GridAnswer, codeId: string, coderId: string): GridCoding | undefined {
  return index.get(answer.id)?.find((c) => c.codeId === codeId && c.coderId === coderId && c.start === 0 && c.end === answer.length);
}

/** How an attribute value reads in a cell and in the filter list ('' when missing). */
export function showValue(v: AttributeValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/** A response's value in an attribute column (from its participant's values): its first variable that has one. */
export function attributeValue(values: Readonly<Record<string, AttributeValue>>, column: GridAttribute): AttributeValue {
  for (const id of column.variableIds) {
    const v = values[id];
    if (v !== undefined && v !== null) return v;
  }
  return null;
}

/** 'row' (file order), 'record', 'participant', 'codes' (distinct codes), `q:<name>` (answer length) or `attr:<name>`. */
export type SortKey = string;
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface GridFilters {
  /** Keep responses of this source. */
  source?: string;
  /** Keep responses whose attribute (by column key) shows exactly this value. */
  attribute?: { column: string; value: string };
  /** Keep responses with (or without) a coding of this code on any answer, by any coder. */
  code?: { codeId: string; has: boolean };
}

/** Row numbers of the rows the filters keep, in row order. `kept`: the answers' places, as responseCounts keeps them. */
export function filterOrder(model: GridModel, filters: GridFilters, index: CodingIndex, kept?: AnswerRows): Int32Array {
  const { source, attribute, code } = filters;
  const column = attribute ? model.attributes.find((a) => a.key === attribute.column) : undefined;
  const coded = code ? rowsWithCode(model, index, code.codeId, kept) : undefined;
  const out = new Int32Array(model.count);
  let n = 0;
  for (let i = 0; i < model.count; i++) {
    if (source !== undefined && model.sourceId(i) !== source) continue;
    if (attribute && showValue(column ? attributeValue(model.values(i), column) : null) !== attribute.value) continue;
    if (code && (coded![i] === 1) !== code.has) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** By row: 1 where an answer of the row has a coding of this code (by any coder). */
export function rowsWithCode(model: GridModel, index: CodingIndex, codeId: string, kept?: AnswerRows): Uint8Array {
  const p = answerRows(model, index, kept);
  const out = new Uint8Array(model.count);
  index.forEachAnswer((doc, codes, k) => {
    if (!codes.includes(codeId)) return;
    const row = placeOf(p, model, doc, k);
    if (row >= 0) out[row] = 1;
  });
  return out;
}

/** By row: how many distinct codes its answers have (by any coder). */
export function codeCountsByRow(model: GridModel, index: CodingIndex, kept?: AnswerRows): Int32Array {
  const out = new Int32Array(model.count);
  eachRowCode(model, index, kept, (row) => out[row]!++);
  return out;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * `order` (row numbers) sorted by a column. Numbers sort numerically, text with a natural en-GB
 * collation, empty values last in either direction; ties keep their order (stable).
 */
export function sortOrder(model: GridModel, order: Int32Array, sort: SortState, index: CodingIndex, kept?: AnswerRows): Int32Array {
  if (sort.key === 'row') return sort.dir === 'asc' ? order.slice() : order.slice().reverse();
  const column = sort.key.startsWith('attr:') ? model.attributes.find((a) => a.key === sort.key) : undefined;
  const q = sort.key.startsWith('q:') ? model.questions.findIndex((x) => x.key === sort.key) : -1;
  const codeCounts = sort.key === 'codes' ? codeCountsByRow(model, index, kept) : undefined;
  const keyOf = (i: number): string | number | null => {
    if (sort.key === 'record') return model.recordId(i) || null;
    if (sort.key === 'participant') return model.pseudonym(i) || null;
    if (codeCounts) return codeCounts[i]!;
    if (q >= 0) {
      const length = model.answerLength(i, q);
      return length >= 0 ? length : null;
    }
    if (!column) return null;
    const v = attributeValue(model.values(i), column);
    if (v === null || v === '') return null;
    if (typeof v === 'number') return v;
    if (column.type === 'number' && String(v).trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return showValue(v);
  };
  // Text keys are ranked once (distinct values sorted with the collator), so the row sort
  // compares numbers only. Digit-only text (record ids) compares as numbers.
  const n = order.length;
  const raw: (string | number | null)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const key = keyOf(order[k]!);
    raw[k] = typeof key === 'string' && /^\d{1,15}$/.test(key) ? Number(key) : key;
  }
  const texts = [...new Set(raw.filter((k): k is string => typeof k === 'string'))].sort(collator.compare);
  const rank = new Map(texts.map((t, i) => [t, i]));
  // Class: 0 number, 1 text, 2 empty (last in either direction); then the number or text rank.
  const cls = new Uint8Array(n);
  const num = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const key = raw[k];
    if (key === null || key === undefined) cls[k] = 2;
    else if (typeof key === 'string') {
      cls[k] = 1;
      num[k] = rank.get(key)!;
    } else num[k] = key;
  }
  const sign = sort.dir === 'asc' ? 1 : -1;
  const idx = Int32Array.from({ length: n }, (_, k) => k);
  idx.sort((a, b) => {
    const ca = cls[a]!;
    const cb = cls[b]!;
    if (ca === 2 || cb === 2) return ca === cb ? a - b : ca === 2 ? 1 : -1;
    const c = ca === cb ? num[a]! - num[b]! : ca - cb;
    return c !== 0 ? sign * c : a - b;
  });
  return idx.map((k) => order[k]!);
}

/** The grid's shown rows: row numbers after filtering, in sorted order. `kept`: the answers' places, as responseCounts keeps them. */
export function viewOrder(model: GridModel, filters: GridFilters, sort: SortState, index: CodingIndex, kept?: AnswerRows): Int32Array {
  return sortOrder(model, filterOrder(model, filters, index, kept), sort, index, kept);
}

/** Whether the view depends on codings (so must be recomputed when they change). */
export const viewNeedsCodings = (filters: GridFilters, sort: SortState) => sort.key === 'codes' || filters.code !== undefined;

/** Distinct shown values of an attribute column, sorted, at most `limit` (the filter offers them as a list). */
export function distinctValues(model: GridModel, columnKey: string, limit = 200): { values: string[]; truncated: boolean } {
  const column = model.attributes.find((a) => a.key === columnKey);
  const seen = new Set<string>();
  if (column) {
    for (let i = 0; i < model.count; i++) {
      const v = showValue(attributeValue(model.values(i), column));
      if (v !== '') seen.add(v);
      if (seen.size > limit) break;
    }
  }
  const values = [...seen].sort(collator.compare);
  return { values: values.slice(0, limit), truncated: values.length > limit };
}

/**
 * Where an index's answers are in a model's rows, worked out once per answer (model.answerRow)
 * and kept for as long as both the model and the index are the same, with the counts' working
 * arrays (kept too: made afresh for each count, a million codings' worth of them kept the
 * collector busy).
 */
export interface AnswerRows {
  model: GridModel;
  index: CodingIndex;
  /** By the answer's place in the index's columns: its row, -1 for none, -2 not yet worked out. */
  rows: Int32Array;
  /** Each coding counted as (row, code); the pairs grouped by row; where each row's pairs start. */
  pairRow: Int32Array;
  pairCode: Int32Array;
  byRow: Int32Array;
  start: Int32Array;
}

/** Places for this model and index: `kept` when it is theirs, else new (nothing worked out yet). */
export function answerRows(model: GridModel, index: CodingIndex, kept?: AnswerRows | null): AnswerRows {
  if (kept && kept.model === model && kept.index === index) return kept;
  const none = new Int32Array(0);
  return { model, index, rows: new Int32Array(index.columnAnswers).fill(-2), pairRow: none, pairCode: none, byRow: none, start: new Int32Array(model.count + 1) };
}

/** `a` with room for at least `n` (the same array while it has, else a larger one with its contents). */
function room(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** An answer's row: worked out once per answer in the index's columns (`k`), kept in `p`. */
function placeOf(p: AnswerRows, model: GridModel, doc: string, k: number): number {
  if (k < 0) return model.answerRow(doc);
  let row = p.rows[k]!;
  if (row === -2) row = p.rows[k] = model.answerRow(doc);
  return row;
}

/**
 * Calls `visit` once for each code on any answer of each row (by any coder), row by row, and
 * gives the codes' ids (`code` indexes them). Read from the codings, answer by answer, each answer
 * placed in its row once (kept between calls: an index changes with each coding, but its
 * columns' answers stay where they are), not by looking up every answer of every row: at 500,000
 * responses and 1,000,000 codings that lookup took 0.8–1.1 s after each coding.
 */
function eachRowCode(model: GridModel, index: CodingIndex, kept: AnswerRows | undefined, visit: (row: number, code: number) => void): string[] {
  const p = answerRows(model, index, kept);
  const codeIds: string[] = [];
  const codeAt = new Map<string, number>();
  // each coding as (row, code), answer by answer
  let n = 0;
  index.forEachAnswer((doc, codes, k) => {
    const row = placeOf(p, model, doc, k);
    if (row < 0) return;
    if (n + codes.length > p.pairRow.length) {
      p.pairRow = room(p.pairRow, n + codes.length);
      p.pairCode = room(p.pairCode, n + codes.length);
    }
    for (const codeId of codes) {
      let c = codeAt.get(codeId);
      if (c === undefined) codeAt.set(codeId, (c = codeIds.push(codeId) - 1));
      p.pairRow[n] = row;
      p.pairCode[n++] = c;
    }
  });
  // the pairs grouped by row (a counting sort), then each row's distinct codes visited once
  const R = model.count;
  const { pairRow, pairCode, start } = p;
  const byRow = (p.byRow = room(p.byRow, n));
  start.fill(0);
  for (let i = 0; i < n; i++) start[pairRow[i]! + 1]!++;
  for (let r = 0; r < R; r++) start[r + 1]! += start[r]!;
  for (let i = 0; i < n; i++) byRow[start[pairRow[i]!]!++] = pairCode[i]!;
  // (start[r] is now where row r's pairs end: row r's are byRow[end of r−1 .. start[r]))
  const seenIn = new Int32Array(codeIds.length).fill(-1);
  let from = 0;
  for (let r = 0; r < R; r++) {
    const to = start[r]!;
    for (let i = from; i < to; i++) {
      const c = byRow[i]!;
      if (seenIn[c] !== r) {
        seenIn[c] = r;
        visit(r, c);
      }
    }
    from = to;
  }
  return codeIds;
}

/** Responses with at least one coding of each code on any answer (eachRowCode). */
export function responseCounts(model: GridModel, index: CodingIndex, kept?: AnswerRows): Map<string, number> {
  let count: Int32Array = new Int32Array(64);
  const codeIds = eachRowCode(model, index, kept, (_, c) => {
    count = room(count, c + 1);
    count[c]!++;
  });
  const counts = new Map<string, number>();
  for (let c = 0; c < codeIds.length; c++) counts.set(codeIds[c]!, count[c] ?? 0);
  return counts;
}

/** Codes as the quick-code picker lists them, in codebook order, with their ancestors' names as a path. */
export function codeOptions(codes: readonly Code[]): { id: string; name: string; path: string; colour: string }[] {
  const out: { id: string; name: string; path: string; colour: string }[] = [];
  const walk = (nodes: ReturnType<typeof buildCodeTree>, above: string[]) => {
    for (const n of nodes) {
      const path = [...above, n.code.name];
      out.push({ id: n.code.id, name: n.code.name, colour: n.code.colour, path: path.join(' › ') });
      walk(n.children, path);
    }
  };
  walk(buildCodeTree(codes), []);
  return out;
}

/** Longest record id among the rows (the record id column is sized to it). */
export function longestRecordId(model: GridModel): number {
  let n = 0;
  for (let i = 0; i < model.count; i++) n = Math.max(n, model.recordId(i).length);
  return n;
}


/** A row whose participant was retracted (blanked: no answers, record id replaced): not a row of the grid. */
function isRetractedRow(ds: Dataset, r: number): boolean {
  if (ds.recordIds[r] !== RETRACTED_LABEL) return false;
  const F = ds.fields.length;
  for (let s = 0; s < F; s++) if (ds.lengths[r * F + s]! >= 0) return false;
  return true;
}
