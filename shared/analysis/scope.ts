/** Which documents, codings and participants an analysis covers, and how to read an attribute. */
import type { AttributeValue } from '../model';
import type { AnalysisIndex } from './prepare';

/** Bad analysis input (unknown attribute, wrong type): the message is one line naming the problem. */
export class AnalysisInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}

/** A participant attribute (REFI-QDA Variable) or a property of the participant's source. */
export type AttributeRef =
  | { type: 'participant'; variableId: string; name: string }
  | { type: 'source'; field: 'kind' | 'name'; name: string };

export const SOURCE_ATTRIBUTES = ['source kind', 'source'] as const;

/** Names accepted by `resolveAttribute`: every Variable name, then "source kind" and "source". */
export function attributeNames(index: AnalysisIndex): string[] {
  return [...index.bundle.variables.map((v) => v.name).sort(), ...SOURCE_ATTRIBUTES];
}

/** Find an attribute by Variable name or id (case-insensitive) or "source kind" / "source". */
export function resolveAttribute(index: AnalysisIndex, name: string): AttributeRef {
  const want = name.trim().toLowerCase();
  if (want === 'source kind' || want === 'source-kind' || want === 'kind') return { type: 'source', field: 'kind', name: 'source kind' };
  if (want === 'source') return { type: 'source', field: 'name', name: 'source' };
  const v = index.bundle.variables.find((x) => x.name.toLowerCase() === want || x.id.toLowerCase() === want);
  if (!v) throw new AnalysisInputError(`unknown attribute "${name}"; available: ${attributeNames(index).join(', ')}`);
  return { type: 'participant', variableId: v.id, name: v.name };
}

function valueText(v: AttributeValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v.trim() : String(v);
  return s === '' ? null : s;
}

/** A person's value of an attribute as text (null when missing or blank). */
export function personValue(index: AnalysisIndex, ref: AttributeRef, person: number): string | null {
  if (ref.type === 'participant') return valueText(index.personAttributes[person]?.[ref.variableId]);
  const s = index.sources[index.personSource[person]!];
  if (!s) return null;
  return ref.field === 'kind' ? s.kind : s.name;
}

/** Each person's value as a small integer (-1 = missing) plus the sorted distinct values. */
export function personValues(index: AnalysisIndex, ref: AttributeRef): { values: string[]; of: Int32Array } {
  const raw: Array<string | null> = new Array(index.personCount);
  const distinct = new Set<string>();
  for (let p = 0; p < index.personCount; p++) {
    const v = personValue(index, ref, p);
    raw[p] = v;
    if (v !== null) distinct.add(v);
  }
  const values = [...distinct].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
  const pos = new Map(values.map((v, i) => [v, i]));
  const of = new Int32Array(index.personCount);
  for (let p = 0; p < index.personCount; p++) {
    const v = raw[p];
    of[p] = v === null || v === undefined ? -1 : pos.get(v)!;
  }
  return { values, of };
}

export interface AnalysisFilter {
  /** Keep only documents from these sources. */
  sourceIds?: string[];
  /** Keep only codings by these coders. */
  coderIds?: string[];
  /** Keep only participants whose attribute has one of these values (compared as text). */
  where?: { attribute: string; values: Array<string | number | boolean> };
}

export interface Scope {
  /** 1 where the document is in scope. */
  docIn: Uint8Array;
  /** 1 where the coding (index position) is in scope. */
  codingIn: Uint8Array;
  /** 1 where the person has a document in scope. */
  personIn: Uint8Array;
  persons: number;
  documents: number;
}

/** Apply a filter once; analyses then test flags instead of re-reading the bundle. */
export function buildScope(index: AnalysisIndex, filter: AnalysisFilter = {}): Scope {
  const nDocs = index.documents.length;
  const docIn = new Uint8Array(nDocs);
  const personIn = new Uint8Array(index.personCount);
  let sourceOk: Uint8Array | null = null;
  if (filter.sourceIds) {
    sourceOk = new Uint8Array(index.sources.length);
    for (const id of filter.sourceIds) {
      const s = index.sourceIndex.get(id);
      if (s === undefined) throw new AnalysisInputError(`unknown source id "${id}"`);
      sourceOk[s] = 1;
    }
  }
  let personOk: ((p: number) => boolean) | null = null;
  if (filter.where) {
    const ref = resolveAttribute(index, filter.where.attribute);
    const wanted = new Set(filter.where.values.map((v) => String(v).trim()));
    personOk = (p) => {
      const v = personValue(index, ref, p);
      return v !== null && wanted.has(v);
    };
  }
  let documents = 0;
  let persons = 0;
  for (let d = 0; d < nDocs; d++) {
    const s = index.docSource[d]!;
    if (sourceOk && (s < 0 || !sourceOk[s])) continue;
    const p = index.docPerson[d]!;
    if (personOk && !personOk(p)) continue;
    docIn[d] = 1;
    documents++;
    if (!personIn[p]) {
      personIn[p] = 1;
      persons++;
    }
  }
  let coderOk: Uint8Array | null = null;
  if (filter.coderIds) {
    coderOk = new Uint8Array(index.coderIndex.size);
    for (const id of filter.coderIds) {
      const c = index.coderIndex.get(id);
      if (c === undefined) throw new AnalysisInputError(`unknown coder id "${id}"`);
      coderOk[c] = 1;
    }
  }
  const n = index.codings.count;
  const codingIn = new Uint8Array(n);
  const { doc, coder } = index.codings;
  for (let k = 0; k < n; k++) {
    if (!docIn[doc[k]!]) continue;
    if (coderOk) {
      const c = coder[k]!;
      if (c < 0 || !coderOk[c]) continue;
    }
    codingIn[k] = 1;
  }
  return { docIn, codingIn, personIn, persons, documents };
}

/** Percentage rounded to one decimal place; null when the base is zero. */
export function percent(n: number, base: number): number | null {
  return base > 0 ? Math.round((1000 * n) / base) / 10 : null;
}
