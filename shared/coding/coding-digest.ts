/**
 * A project's codings in one compact, columnar record (the "coding digest"), so that reading every
 * coding of a big project is one keyed read instead of one IndexedDB record per coding (a million
 * codings cost about 13 s as records on a 2-core machine, against well under a second as a digest).
 * The coding records stay the truth; the digest is a derived copy kept current by a journal of
 * coding changes (renderer/db/coding-journal.ts). Pure: no DOM, no Dexie.
 *
 * Form: each text field as a dictionary of its distinct values plus an index per coding (ids,
 * documents, codes, coders and dates repeat a great deal); offsets as unsigned integers where they
 * fit. Codings are kept in id order, the order a read of the records by project gives.
 */
import type { Coding } from '../model';
import { slotHash } from '../hash';

/**
 * Strings stored as one text and where each ends (IndexedDB copies one long string far faster than
 * a million short ones, and reading it back makes one string, not a million).
 */
export interface JoinedStrings {
  text: string;
  ends: Uint32Array;
}

/** One text field: its distinct values, and for each coding the index of its value. */
export interface DigestColumn {
  values: JoinedStrings;
  at: Uint32Array;
}

export interface CodingDigest {
  projectId: string;
  /** The newest journal entry this digest includes (0: none). */
  seq: number;
  ids: JoinedStrings;
  documentId: DigestColumn;
  codeId: DigestColumn;
  coderId: DigestColumn;
  createdAt: DigestColumn;
  start: Uint32Array | Float64Array;
  end: Uint32Array | Float64Array;
}

/** One journal entry's change to codings: records written (whole) and ids deleted, in that order of effect. */
export interface CodingChange {
  written: readonly Coding[];
  deleted: readonly string[];
}

export function joinStrings(list: readonly string[]): JoinedStrings {
  const ends = new Uint32Array(list.length);
  let end = 0;
  for (let i = 0; i < list.length; i++) ends[i] = end += list[i]!.length;
  return { text: list.join(''), ends };
}

export function splitStrings({ text, ends }: JoinedStrings): string[] {
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) out[i] = text.slice(start, (start = ends[i]!));
  return out;
}

/** The i-th of joined strings. */
export function joinedAt({ text, ends }: JoinedStrings, i: number): string {
  return text.slice(i === 0 ? 0 : ends[i - 1]!, ends[i]!);
}

/** Where `value` is among joined strings in ascending order, or -1 (a binary search: no string made but the few compared). */
export function joinedPosition(j: JoinedStrings, value: string): number {
  let lo = 0;
  let hi = j.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (joinedAt(j, mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < j.ends.length && joinedAt(j, lo) === value ? lo : -1;
}

/**
 * A lookup of distinct joined strings by value, in any order: their place, or -1. An open-addressed
 * table of places over the joined text (four bytes a slot, half full at most), where a Map of the
 * strings held a string and an entry for each: at 875,000 document ids, 8 MB against about 60 MB,
 * built without making a string.
 */
export function joinedLookup(j: JoinedStrings): (value: string) => number {
  const { text, ends } = j;
  const n = ends.length;
  let size = 2;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    let h = slotHash(text, i === 0 ? 0 : ends[i - 1]!, ends[i]!) & mask;
    while (table[h] !== -1) h = (h + 1) & mask;
    table[h] = i;
  }
  return (value) => {
    for (let h = slotHash(value) & mask, i = table[h]!; i !== -1; h = (h + 1) & mask, i = table[h]!) {
      const from = i === 0 ? 0 : ends[i - 1]!;
      if (ends[i]! - from !== value.length) continue;
      let k = 0;
      while (k < value.length && text.charCodeAt(from + k) === value.charCodeAt(k)) k++;
      if (k === value.length) return i;
    }
    return -1;
  };
}

/** Why these joined strings cannot be split (null when they can). */
function joinedDamage(j: JoinedStrings | undefined): string | null {
  if (!j || typeof j.text !== 'string' || !(j.ends instanceof Uint32Array)) return 'missing';
  let last = 0;
  for (const e of j.ends) {
    if (e < last) return 'out of order';
    last = e;
  }
  return last === j.text.length ? null : 'not the length of their text';
}

/** A field of each coding (`field` reads it: one small function per field keeps each loop's property access monomorphic). */
export function column<T>(codings: readonly T[], field: (c: T) => string): DigestColumn {
  const index = new Map<string, number>();
  const at = new Uint32Array(codings.length);
  const distinct: string[] = [];
  let last: string | undefined;
  let k = 0;
  for (let i = 0; i < codings.length; i++) {
    const v = field(codings[i]!);
    if (v !== last) {
      last = v;
      const known = index.get(v);
      if (known === undefined) {
        k = distinct.length;
        index.set(v, k);
        distinct.push(v);
      } else k = known;
    }
    at[i] = k;
  }
  return { values: joinStrings(distinct), at };
}

function offsets(values: readonly number[]): Uint32Array | Float64Array {
  const fits = values.every((v) => v >= 0 && v <= 0xffffffff && Number.isInteger(v));
  return fits ? Uint32Array.from(values) : Float64Array.from(values);
}

const byId = (a: Coding, b: Coding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether a list's ids rise strictly from first to last (the order the store reads codings in). */
export function inIdOrder(list: readonly { id: string }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.id >= list[i]!.id) return false;
  return true;
}

/** The digest of these codings (all of `projectId`; sorted by id here if they are not already). */
export function digestCodings(projectId: string, seq: number, codings: readonly Coding[]): CodingDigest {
  const sorted = inIdOrder(codings) ? codings : [...codings].sort(byId);
  return {
    projectId,
    seq,
    ids: joinStrings(sorted.map((c) => c.id)),
    documentId: column(sorted, (c) => c.documentId),
    codeId: column(sorted, (c) => c.codeId),
    coderId: column(sorted, (c) => c.coderId),
    createdAt: column(sorted, (c) => c.createdAt),
    start: offsets(sorted.map((c) => c.start)),
    end: offsets(sorted.map((c) => c.end)),
  };
}

/** Why a stored digest cannot be read (null when it can): every column as long as the ids, every index in range. */
export function digestDamage(d: CodingDigest): string | null {
  const ids = joinedDamage(d.ids);
  if (ids) return `its ids are ${ids}`;
  const n = d.ids.ends.length;
  for (const name of ['documentId', 'codeId', 'coderId', 'createdAt'] as const) {
    const c = d[name];
    const values = joinedDamage(c?.values);
    if (values) return `the values of its ${name} column are ${values}`;
    if (!(c.at instanceof Uint32Array) || c.at.length !== n) return `its ${name} column is damaged`;
    for (let i = 0; i < n; i++) if (c.at[i]! >= c.values.ends.length) return `its ${name} column points past its values`;
  }
  if (!ArrayBuffer.isView(d.start) || d.start.length !== n || !ArrayBuffer.isView(d.end) || d.end.length !== n) return 'its offsets are damaged';
  return null;
}

/** The codings a digest holds, in id order. Codings of the same document share its id string (and so for codes, coders and dates). */
export function digestToCodings(d: CodingDigest): Coding[] {
  const ids = splitStrings(d.ids);
  const [doc, code, coder, at] = [d.documentId, d.codeId, d.coderId, d.createdAt].map((c) => splitStrings(c.values));
  const { documentId: docAt, codeId: codeAt, coderId: coderAt, createdAt: dateAt } = d;
  const out = new Array<Coding>(ids.length);
  for (let i = 0; i < out.length; i++)
    out[i] = {
      id: ids[i]!,
      projectId: d.projectId,
      documentId: doc![docAt.at[i]!]!,
      codeId: code![codeAt.at[i]!]!,
      start: d.start[i]!,
      end: d.end[i]!,
      coderId: coder![coderAt.at[i]!]!,
      createdAt: at![dateAt.at[i]!]!,
    };
  return out;
}

/**
 * `codings` (one project's, in id order) after these changes, in order: a written record replaces
 * the coding with its id or is added (if it is this project's; a coding moved to another project
 * leaves), a deleted id goes. The result is in id order. Changes to other projects' codings are
 * ignored. One copy of the codings plus a binary search per changed id; none when nothing changed.
 */
export function applyCodingChanges(codings: Coding[], projectId: string, changes: readonly CodingChange[]): Coding[] {
  const latest = new Map<string, Coding | null>();
  for (const ch of changes) {
    for (const c of ch.written) latest.set(c.id, c.projectId === projectId ? c : null);
    for (const id of ch.deleted) latest.set(id, null);
  }
  if (!latest.size) return codings; // (no copy: a read with nothing journalled since its digest is the common case)
  // the positions of the changed ids (binary search: the codings are in id order), then one pass that copies the runs between them
  const changed = [...latest.keys()].sort();
  const out: Coding[] = [];
  let from = 0;
  for (const id of changed) {
    const at = idPosition(codings, id, from);
    for (let i = from; i < at; i++) out.push(codings[i]!);
    const now = latest.get(id);
    if (now) out.push(now);
    from = codings[at]?.id === id ? at + 1 : at;
  }
  for (let i = from; i < codings.length; i++) out.push(codings[i]!);
  return out;
}

/** In a list in id order, the first place at or after `from` whose id is not below `id` (where `id` is, or would go). */
export function idPosition(list: readonly { id: string }[], id: string, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
