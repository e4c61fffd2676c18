/**
 * The survey grid's pure model: one row per response with its participant's attributes and the
 * codes applied to it; sorting, filtering and the code palette. No DOM, no store: tested in jsdom
 * (test/renderer/grid) and cheap enough for 100,000 rows (sort keys are precomputed once).
 */
import type { AttributeValue, Code, Coding, DocumentMeta, Participant, Variable } from '../model';
import { buildCodeTree, flattenTree } from './tree';

export interface GridRow {
  /** The response document's id. */
  id: string;
  title: string;
  recordId: string;
  pseudonym: string;
  length: number;
  attributes: Record<string, AttributeValue>;
}

/** A row as the UI shows it: the row plus the distinct codes applied to it (first-applied order). */
export interface GridRowData extends GridRow {
  codeIds: string[];
  /** `${codeId} ${coderId}` of each whole-response coding (what the number keys toggle). */
  whole: string[];
}

export function rowData(r: GridRow, index: CodingIndex): GridRowData {
  const list = index.get(r.id) ?? [];
  return { ...r, codeIds: codesOf(index, r.id), whole: list.filter((c) => c.start === 0 && c.end === r.length).map((c) => `${c.codeId} ${c.coderId}`) };
}

/** A coding as the grid needs it. */
export type GridCoding = Pick<Coding, 'id' | 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>;

/** Codings of each response, keyed by document id. */
export type CodingIndex = Map<string, GridCoding[]>;

/** 'title', 'participant', 'codes' (number of distinct codes), or `var:<variable id>`. */
export type SortKey = string;
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface GridFilters {
  /** Keep rows whose attribute (by variable id) shows exactly this value. */
  attribute?: { variableId: string; value: string };
  /** Keep rows that have (or do not have) a coding of this code, by any coder. */
  code?: { codeId: string; has: boolean };
}

/** One row per document of kind 'response', in the order given. */
export function buildRows(documents: readonly DocumentMeta[], participants: readonly Participant[]): GridRow[] {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const rows: GridRow[] = [];
  for (const d of documents) {
    if (d.kind !== 'response') continue;
    const p = d.participantId ? byId.get(d.participantId) : undefined;
    rows.push({ id: d.id, title: d.title, recordId: d.recordId ?? '', pseudonym: p?.pseudonym ?? '', length: d.length, attributes: d.attributes ? { ...p?.attributes, ...d.attributes } : (p?.attributes ?? {}) });
  }
  return rows;
}

export function indexCodings(codings: readonly GridCoding[]): CodingIndex {
  const index: CodingIndex = new Map();
  for (const c of codings) {
    const list = index.get(c.documentId);
    if (list) list.push(c);
    else index.set(c.documentId, [c]);
  }
  return index;
}

/** The distinct codes applied to a response, in first-applied order. */
export function codesOf(index: CodingIndex, rowId: string): string[] {
  const list = index.get(rowId);
  return list ? [...new Set(list.map((c) => c.codeId))] : [];
}

/** How an attribute value reads in a cell and in the filter list ('' when missing). */
export function showValue(v: AttributeValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

export function filterRows(rows: readonly GridRow[], filters: GridFilters, index: CodingIndex): GridRow[] {
  return [...filterOrder(rows, filters, index)].map((i) => rows[i]!);
}

/** Positions (into `rows`) of the rows the filters keep, in input order. */
export function filterOrder(rows: readonly GridRow[], filters: GridFilters, index: CodingIndex): Int32Array {
  const { attribute, code } = filters;
  const out = new Int32Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (attribute && showValue(r.attributes[attribute.variableId]) !== attribute.value) continue;
    if (code) {
      const has = index.get(r.id)?.some((c) => c.codeId === code.codeId) ?? false;
      if (has !== code.has) continue;
    }
    out[n++] = i;
  }
  return out.slice(0, n);
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Sorts rows by a column. Numbers sort numerically, text with a natural en-GB collation, empty
 * values last in either direction; ties keep the input order (stable).
 */
export function sortRows(rows: readonly GridRow[], sort: SortState, index: CodingIndex, variables: readonly Variable[]): GridRow[] {
  const all = Int32Array.from(rows, (_, i) => i);
  return [...sortOrder(rows, all, sort, index, variables)].map((i) => rows[i]!);
}

/** `order` (positions into `rows`) sorted as sortRows sorts rows; ties keep their order in `order`. */
export function sortOrder(rows: readonly GridRow[], order: Int32Array, sort: SortState, index: CodingIndex, variables: readonly Variable[]): Int32Array {
  const variable = sort.key.startsWith('var:') ? variables.find((v) => `var:${v.id}` === sort.key) : undefined;
  const keyOf = (r: GridRow): string | number | null => {
    if (sort.key === 'title') return r.recordId || r.title;
    if (sort.key === 'participant') return r.pseudonym || null;
    if (sort.key === 'codes') return codesOf(index, r.id).length;
    if (!variable) return null;
    const v = r.attributes[variable.id];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'number') return v;
    if (variable.type === 'number' && String(v).trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return showValue(v);
  };
  // Text keys are ranked once (distinct values sorted with the collator; attributes have few),
  // so the row sort compares numbers only. Digit-only text (record ids) compares as numbers.
  const n = order.length;
  const raw: (string | number | null)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const key = keyOf(rows[order[k]!]!);
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

/** The grid's shown rows: positions into `rows` after filtering, in sorted order. */
export function viewOrder(rows: readonly GridRow[], filters: GridFilters, sort: SortState, index: CodingIndex, variables: readonly Variable[]): Int32Array {
  return sortOrder(rows, filterOrder(rows, filters, index), sort, index, variables);
}

/** Whether the view depends on codings (so must be recomputed when they change). */
export const viewNeedsCodings = (filters: GridFilters, sort: SortState) => sort.key === 'codes' || filters.code !== undefined;

/** Distinct shown values of an attribute, sorted, at most `limit` (the filter offers them as a list). */
export function distinctValues(rows: readonly GridRow[], variableId: string, limit = 200): { values: string[]; truncated: boolean } {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = showValue(r.attributes[variableId]);
    if (v !== '') seen.add(v);
    if (seen.size > limit) break;
  }
  const values = [...seen].sort(collator.compare);
  return { values: values.slice(0, limit), truncated: values.length > limit };
}

/** The codes the number keys 1–9 apply: the chosen ids that still exist, else the first nine codes in codebook order. */
export function paletteCodes(codes: readonly Code[], chosen: readonly string[] | undefined): Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const picked = (chosen ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  if (picked.length > 0) return picked.slice(0, 9);
  return flattenTree(buildCodeTree(codes))
    .map((n) => n.code)
    .slice(0, 9);
}

/** The current coder's whole-response coding of a code, if any (the one a number key toggles). */
export function wholeResponseCoding(index: CodingIndex, row: Pick<GridRow, 'id' | 'length'>, codeId: string, coderId: string): GridCoding | undefined {
  return index.get(row.id)?.find((c) => c.codeId === codeId && c.coderId === coderId && c.start === 0 && c.end === row.length);
}

/** Responses (among `rows`) with at least one coding of each code: one pass over the rows' codings. */
export function responseCounts(rows: readonly GridRow[], index: CodingIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const list = index.get(r.id);
    if (!list) continue;
    if (list.length === 1) counts.set(list[0]!.codeId, (counts.get(list[0]!.codeId) ?? 0) + 1);
    else for (const id of new Set(list.map((c) => c.codeId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
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
