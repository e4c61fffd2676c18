/**
 * A project's codings by document, in columns (issue 13, item 4): what the survey grid holds and
 * the codebook's counts read. Built from a project's
 * coding digest (./coding-digest.ts) without making an object per coding, and kept
 * current by applying changes (a coding the UI has just saved, or the journal entries since the
 * index was built), so a project with millions of codings is neither held as millions of objects
 * nor read again whole after every change.
 *
 * Form: the digest's columns as read (ids joined, each text field a dictionary plus an index per
 * coding, offsets) and the codings' positions grouped by answer (a counting sort, two typed
 * arrays). Answers changed since are held apart as small lists of codings (the overlay), which
 * take the place of their part of the columns. Within an answer, codings are in id order, the
 * order a read of the store gives. Pure: no DOM, no Dexie.
 */
import { column, idPosition, joinedAt, joinedLookup, joinedPosition, joinStrings, splitStrings, type CodingChange, type DigestColumn, type JoinedStrings } from './coding-digest';
import type { Coding } from '../model';

/** A coding as the index holds it (the survey grid's IndexedCoding). */
export type IndexedCoding = Pick<Coding, 'id' | 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>;

/** The columns the index reads from a digest (a CodingDigest has them, and more). */
export interface CodingColumns {
  ids: JoinedStrings;
  documentId: DigestColumn;
  codeId: DigestColumn;
  coderId: DigestColumn;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Columns of these codings (any order; a later one with the same id replaces an earlier one). */
export function codingColumns(codings: readonly IndexedCoding[]): CodingColumns {
  const latest = new Map<string, IndexedCoding>();
  for (const c of codings) latest.set(c.id, c);
  const list = [...latest.values()].sort(byId);
  return {
    ids: joinStrings(list.map((c) => c.id)),
    documentId: column(list, (c) => c.documentId),
    codeId: column(list, (c) => c.codeId),
    coderId: column(list, (c) => c.coderId),
    start: Float64Array.from(list, (c) => c.start),
    end: Float64Array.from(list, (c) => c.end),
  };
}

const sameCoding = (a: IndexedCoding, b: IndexedCoding) =>
  a.documentId === b.documentId && a.codeId === b.codeId && a.coderId === b.coderId && a.start === b.start && a.end === b.end;

/** Answers' codings, from columns plus the changes applied since. */
export class CodingIndex {
  readonly #cols: CodingColumns;
  readonly #idEnds: Uint32Array;
  /** The documents with codings in the columns (their ids are made when asked for: a string each held for 875,000 answers was 25 MB). */
  readonly #docCount: number;
  readonly #codes: string[];
  readonly #coders: string[];
  /** Document id → its place among the columns' documents, or -1 (a table over the joined ids, not a Map of strings). */
  readonly #docAt: (documentId: string) => number;
  /** Positions of the columns' codings, grouped by document: document k's are #byDoc[#docStart[k] .. #docStart[k+1]). */
  readonly #byDoc: Uint32Array;
  readonly #docStart: Uint32Array;
  /** Answers changed since the columns: their codings now, in id order (an empty list: none left). */
  readonly #changed = new Map<string, IndexedCoding[]>();
  /** Where each coding of a changed answer is (every coding of #changed, by id). */
  readonly #changedAt = new Map<string, string>();
  /**
   * By the columns' answer place: 1 where that answer is in #changed (so a pass over the columns
   * skips it without looking its id up: a lookup per answer reads each id's string, scattered over
   * the heap, and cost 0.3 s a pass at 500,000 answers).
   */
  readonly #overridden: Uint8Array;

  constructor(cols: CodingColumns) {
    // (only the columns it reads: a digest passed whole would keep its dates, a string each for a
    // project coded by hand, for as long as the index lives)
    this.#cols = { ids: cols.ids, documentId: cols.documentId, codeId: cols.codeId, coderId: cols.coderId, start: cols.start, end: cols.end };
    this.#idEnds = cols.ids.ends;
    const docCount = cols.documentId.values.ends.length;
    this.#docCount = docCount;
    this.#codes = splitStrings(cols.codeId.values);
    this.#coders = splitStrings(cols.coderId.values);
    this.#docAt = joinedLookup(cols.documentId.values);
    // a counting sort of positions by document (positions stay in id order within each)
    const docOf = cols.documentId.at;
    const n = docOf.length;
    const start = new Uint32Array(docCount + 1);
    for (let i = 0; i < n; i++) start[docOf[i]! + 1]!++;
    for (let k = 0; k < docCount; k++) start[k + 1]! += start[k]!;
    const next = start.slice(0, docCount);
    const byDoc = new Uint32Array(n);
    for (let i = 0; i < n; i++) byDoc[next[docOf[i]!]!++] = i;
    this.#byDoc = byDoc;
    this.#docStart = start;
    this.#overridden = new Uint8Array(docCount);
  }

  /** The id of the columns' document k. */
  #doc(k: number): string {
    return joinedAt(this.#cols.documentId.values, k);
  }

  /** Whether the columns' answer at place k is overridden by #changed. */
  #isOverridden(k: number): boolean {
    return this.#overridden[k] === 1;
  }

  /** Answers with at least one coding. */
  get size(): number {
    let n = 0;
    for (let k = 0; k < this.#docCount; k++) if (this.#docStart[k + 1]! > this.#docStart[k]! && !this.#isOverridden(k)) n++;
    for (const list of this.#changed.values()) if (list.length > 0) n++;
    return n;
  }

  #id(p: number): string {
    return joinedAt(this.#cols.ids, p);
  }

  #coding(p: number): IndexedCoding {
    const c = this.#cols;
    return { id: this.#id(p), documentId: this.#doc(c.documentId.at[p]!), codeId: this.#codes[c.codeId.at[p]!]!, coderId: this.#coders[c.coderId.at[p]!]!, start: c.start[p]!, end: c.end[p]! };
  }

  /** An answer's codings, in id order (objects made for the asking: for the rows shown, not for every answer). */
  get(documentId: string): readonly IndexedCoding[] | undefined {
    const changed = this.#changed.get(documentId);
    if (changed) return changed.length > 0 ? changed : undefined;
    const k = this.#docAt(documentId);
    if (k < 0) return undefined;
    const from = this.#docStart[k]!;
    const to = this.#docStart[k + 1]!;
    if (from === to) return undefined;
    const out = new Array<IndexedCoding>(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.#coding(this.#byDoc[i]!);
    return out;
  }

  /** Calls `visit` with the code of each of an answer's codings, in id order, until it returns true (no objects made). */
  eachCode(documentId: string, visit: (codeId: string) => boolean | void): void {
    const changed = this.#changed.get(documentId);
    if (changed) {
      for (const c of changed) if (visit(c.codeId) === true) return;
      return;
    }
    const k = this.#docAt(documentId);
    if (k < 0) return;
    const codeAt = this.#cols.codeId.at;
    for (let i = this.#docStart[k]!, to = this.#docStart[k + 1]!; i < to; i++) if (visit(this.#codes[codeAt[this.#byDoc[i]!]!]!) === true) return;
  }

  /** The answer's codings as a list of its own, from here on (taken from the columns the first time). */
  #own(documentId: string): IndexedCoding[] {
    let list = this.#changed.get(documentId);
    if (!list) {
      list = [...(this.get(documentId) ?? [])];
      this.#changed.set(documentId, list);
      const k = this.#docAt(documentId);
      if (k >= 0) this.#overridden[k] = 1;
      for (const c of list) this.#changedAt.set(c.id, documentId);
    }
    return list;
  }

  /** The coding with this id as it is now, and its answer (undefined: there is none). */
  #find(id: string): IndexedCoding | undefined {
    const doc = this.#changedAt.get(id);
    if (doc !== undefined) {
      const list = this.#changed.get(doc)!;
      return list[idPosition(list, id)];
    }
    const p = joinedPosition(this.#cols.ids, id);
    if (p < 0) return undefined;
    const c = this.#coding(p);
    // an answer changed since holds all its codings: one not among them was removed
    return this.#changed.has(c.documentId) ? undefined : c;
  }

  /** Remove the coding with this id; false when there is none. */
  remove(id: string): boolean {
    const c = this.#find(id);
    if (!c) return false;
    const list = this.#own(c.documentId);
    list.splice(idPosition(list, id), 1);
    this.#changedAt.delete(id);
    return true;
  }

  /** Add a coding, or replace the one with its id; false when it is there already, as it is. */
  put(c: IndexedCoding): boolean {
    const now = this.#find(c.id);
    if (now && sameCoding(now, c)) return false;
    if (now) this.remove(c.id);
    const list = this.#own(c.documentId);
    list.splice(idPosition(list, c.id), 0, { id: c.id, documentId: c.documentId, codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end });
    this.#changedAt.set(c.id, c.documentId);
    return true;
  }

  /**
   * Journal entries (or one saved change) in order: records written replace or add (a record of
   * another project removes its id: a coding moved away), ids deleted go. True when anything changed.
   */
  apply(projectId: string, changes: readonly (CodingChange | { written: readonly IndexedCoding[]; deleted: readonly string[] })[]): boolean {
    let changed = false;
    for (const ch of changes) {
      for (const c of ch.written) {
        const ours = !('projectId' in c) || (c as Coding).projectId === projectId;
        if (ours ? this.put(c) : this.remove(c.id)) changed = true;
      }
      for (const id of ch.deleted) if (this.remove(id)) changed = true;
    }
    return changed;
  }

  /** Calls `visit` with each coding's document, code and coder, answer by answer (each answer's id made once; answers changed since last). */
  forEachCoding(visit: (documentId: string, codeId: string, coderId: string) => void): void {
    const c = this.#cols;
    for (let k = 0; k < this.#docCount; k++) {
      const from = this.#docStart[k]!;
      const to = this.#docStart[k + 1]!;
      if (from === to || this.#isOverridden(k)) continue;
      const doc = this.#doc(k);
      for (let i = from; i < to; i++) {
        const p = this.#byDoc[i]!;
        visit(doc, this.#codes[c.codeId.at[p]!]!, this.#coders[c.coderId.at[p]!]!);
      }
    }
    for (const [doc, list] of this.#changed) for (const x of list) visit(doc, x.codeId, x.coderId);
  }

  /** Answers the columns hold (the `k` forEachAnswer gives is below this). */
  get columnAnswers(): number {
    return this.#docCount;
  }

  /**
   * Calls `visit` once for each answer with codings, with their codes in id order (one array,
   * reused from call to call: copy it to keep it), answer by answer as the index groups them (no
   * coding read twice; answers changed since last). `k`: the answer's place in the columns (the
   * same answer, the same place, for as long as the index lives: a caller may keep what it works
   * out per answer by it), or -1 for an answer changed since.
   */
  forEachAnswer(visit: (documentId: string, codeIds: readonly string[], k: number) => void): void {
    const codeAt = this.#cols.codeId.at;
    const codes: string[] = [];
    for (let k = 0; k < this.#docCount; k++) {
      const from = this.#docStart[k]!;
      const to = this.#docStart[k + 1]!;
      if (from === to || this.#isOverridden(k)) continue;
      codes.length = 0;
      for (let i = from; i < to; i++) codes.push(this.#codes[codeAt[this.#byDoc[i]!]!]!);
      visit(this.#doc(k), codes, k);
    }
    for (const [doc, list] of this.#changed) {
      if (list.length === 0) continue;
      codes.length = 0;
      for (const c of list) codes.push(c.codeId);
      visit(doc, codes, -1);
    }
  }

  /** The documents with at least one coding. */
  documentIds(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.#docCount; k++) {
      if (this.#docStart[k + 1]! > this.#docStart[k]! && !this.#isOverridden(k)) out.push(this.#doc(k));
    }
    for (const [doc, list] of this.#changed) if (list.length > 0) out.push(doc);
    return out;
  }

  /** Every coding, in id order (for tests and small projects: makes an object per coding). */
  all(): IndexedCoding[] {
    const out: IndexedCoding[] = [];
    for (let p = 0; p < this.#idEnds.length; p++) if (!this.#isOverridden(this.#cols.documentId.at[p]!)) out.push(this.#coding(p));
    for (const list of this.#changed.values()) out.push(...list);
    return out.sort(byId);
  }
}

/** A list of codings or an index of them: what the counts, search and suggestions read (the workers pass an index). */
export type Codings = readonly Pick<Coding, 'documentId' | 'codeId' | 'coderId'>[] | CodingIndex;

/** Each coding's document, code and coder, from a list or an index (no objects made for an index). */
export function eachCoding(codings: Codings, visit: (documentId: string, codeId: string, coderId: string) => void): void {
  if (codings instanceof CodingIndex) codings.forEachCoding(visit);
  else for (const c of codings) visit(c.documentId, c.codeId, c.coderId);
}

/** The index of these codings (any order; tests and the window's one-answer lookups). */
export function indexCodings(codings: readonly IndexedCoding[]): CodingIndex {
  return new CodingIndex(codingColumns(codings));
}
