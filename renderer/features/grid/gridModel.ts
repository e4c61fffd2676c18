/**
 * The survey grid's pure model: one row per response with its participant's attributes and the
 * codes applied to it; sorting, filtering and the code palette. No DOM, no store: tested in jsdom
 * (test/renderer/grid) and cheap enough for 100,000 rows (sort keys are precomputed once).
 */
import type { AttributeValue, Code, Coding, DocumentMeta, Participant, Variable } from '../../../shared/model';
import { buildCodeTree, flattenTree } from '../../../shared/coding/tree';

export interface GridRow {
  /** The response document's id. */
  id: string;
  title: string;
  recordId: string;
  pseudonym: string;
  length: number;
  attributes: Record<string, AttributeValue>;
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
    rows.push({ id: d.id, title: d.title, recordId: d.recordId ?? '', pseudonym: p?.pseudonym ?? '', length: d.length, attributes: p?.attributes ?? {} });
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
  const { attribute, code } = filters;
  if (!attribute && !code) return [...rows];
  return rows.filter((r) => {
    if (attribute && showValue(r.attributes[attribute.variableId]) !== attribute.value) return false;
    if (code) {
      const has = index.get(r.id)?.some((c) => c.codeId === code.codeId) ?? false;
      if (has !== code.has) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Sorts rows by a column. Numbers sort numerically, text with a natural en-GB collation, empty
 * values last in either direction; ties keep the input order (stable).
 */
export function sortRows(rows: readonly GridRow[], sort: SortState, index: CodingIndex, variables: readonly Variable[]): GridRow[] {
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
  const raw = rows.map((r) => {
    const k = keyOf(r);
    return typeof k === 'string' && /^\d{1,15}$/.test(k) ? Number(k) : k;
  });
  const texts = [...new Set(raw.filter((k): k is string => typeof k === 'string'))].sort(collator.compare);
  const rank = new Map(texts.map((t, i) => [t, i]));
  // Numbers sort before text; empty (null) last in either direction.
  const keyed = rows.map((r, i) => {
    const k = raw[i]!;
    return { r, i, empty: k === null, text: typeof k === 'string', n: typeof k === 'string' ? rank.get(k)! : (k ?? 0) };
  });
  const sign = sort.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.empty || b.empty) return a.empty === b.empty ? a.i - b.i : a.empty ? 1 : -1;
    const c = a.text === b.text ? a.n - b.n : a.text ? 1 : -1;
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((x) => x.r);
}

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
