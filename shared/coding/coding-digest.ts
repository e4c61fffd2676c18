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

/** One text field: its distinct values, and for each coding the index of its value. */
export interface DigestColumn {
  values: string[];
  at: Uint32Array;
}

export interface CodingDigest {
  projectId: string;
  /** The newest journal entry this digest includes (0: none). */
  seq: number;
  ids: string[];
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

function column(values: readonly string[]): DigestColumn {
  const index = new Map<string, number>();
  const at = new Uint32Array(values.length);
  const distinct: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let k = index.get(v);
    if (k === undefined) {
      k = distinct.length;
      index.set(v, k);
      distinct.push(v);
    }
    at[i] = k;
  }
  return { values: distinct, at };
}

function offsets(values: readonly number[]): Uint32Array | Float64Array {
  const fits = values.every((v) => v >= 0 && v <= 0xffffffff && Number.isInteger(v));
  return fits ? Uint32Array.from(values) : Float64Array.from(values);
}

const byId = (a: Coding, b: Coding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The digest of these codings (all of `projectId`; sorted by id here if they are not already). */
export function digestCodings(projectId: string, seq: number, codings: readonly Coding[]): CodingDigest {
  let sorted = codings;
  for (let i = 1; i < codings.length; i++)
    if (codings[i - 1]!.id >= codings[i]!.id) {
      sorted = [...codings].sort(byId);
      break;
    }
  return {
    projectId,
    seq,
    ids: sorted.map((c) => c.id),
    documentId: column(sorted.map((c) => c.documentId)),
    codeId: column(sorted.map((c) => c.codeId)),
    coderId: column(sorted.map((c) => c.coderId)),
    createdAt: column(sorted.map((c) => c.createdAt)),
    start: offsets(sorted.map((c) => c.start)),
    end: offsets(sorted.map((c) => c.end)),
  };
}

/** Why a stored digest cannot be read (null when it can): its columns must all be as long as its ids, and every index in range. */
export function digestDamage(d: CodingDigest): string | null {
  const n = d.ids?.length;
  if (!Array.isArray(d.ids)) return 'its ids are missing';
  for (const name of ['documentId', 'codeId', 'coderId', 'createdAt'] as const) {
    const c = d[name];
    if (!c || !Array.isArray(c.values) || !(c.at instanceof Uint32Array) || c.at.length !== n) return `its ${name} column is damaged`;
    for (let i = 0; i < n; i++) if (c.at[i]! >= c.values.length) return `its ${name} column points past its values`;
  }
  if (!ArrayBuffer.isView(d.start) || d.start.length !== n || !ArrayBuffer.isView(d.end) || d.end.length !== n) return 'its offsets are damaged';
  return null;
}

/** The codings a digest holds, in id order. Codings of the same document share its id string (and so for codes, coders and dates). */
export function digestToCodings(d: CodingDigest): Coding[] {
  const out = new Array<Coding>(d.ids.length);
  const { documentId: doc, codeId: code, coderId: coder, createdAt: at } = d;
  for (let i = 0; i < out.length; i++)
    out[i] = {
      id: d.ids[i]!,
      projectId: d.projectId,
      documentId: doc.values[doc.at[i]!]!,
      codeId: code.values[code.at[i]!]!,
      start: d.start[i]!,
      end: d.end[i]!,
      coderId: coder.values[coder.at[i]!]!,
      createdAt: at.values[at.at[i]!]!,
    };
  return out;
}

/**
 * `codings` (one project's, in id order) after these changes, in order: a written record replaces
 * the coding with its id or is added (if it is this project's; a coding moved to another project
 * leaves), a deleted id goes. The result is in id order. Changes to other projects' codings are
 * ignored. Linear in the codings plus the changes (the changes are sorted, then merged in).
 */
export function applyCodingChanges(codings: readonly Coding[], projectId: string, changes: readonly CodingChange[]): Coding[] {
  const latest = new Map<string, Coding | null>();
  for (const ch of changes) {
    for (const c of ch.written) latest.set(c.id, c.projectId === projectId ? c : null);
    for (const id of ch.deleted) latest.set(id, null);
  }
  if (!latest.size) return codings.slice();
  const added = [...latest.values()].filter((c): c is Coding => c !== null).sort(byId);
  const out: Coding[] = [];
  let j = 0;
  for (const c of codings) {
    while (j < added.length && added[j]!.id < c.id) out.push(added[j++]!);
    if (!latest.has(c.id)) out.push(c);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}
