/** Counts beside each code in the codebook: codings, documents, participants — own and rolled up to parents. */
import type { Code, Coding, DocumentMeta } from '../model';
import { CodingIndex } from './coding-index';

export interface CodeCounts {
  codings: number;
  documents: number;
  participants: number;
}

/** The codebook's counts: each code's own, and rolled up over its subcodes. */
export interface CodeCountMaps {
  own: ReadonlyMap<string, CodeCounts>;
  rolled: ReadonlyMap<string, CodeCounts>;
}

/** A coded document's participant (null or undefined: none, or no such document). */
export type ParticipantOf = (documentId: string) => string | null | undefined;

/**
 * Coded documents' participants as small integers (-1: none), the same integer for the same
 * participant: the counts worker's, where a survey answer's participant is its table's row's
 * (no participant id made for each of 875,000 answers, nor held in a set per code).
 */
export interface ParticipantKeys {
  keyOf(documentId: string): number;
}

/** A lookup of participant ids as keys (lists and tests: a key per distinct id, given as met). */
function keysOf(participantOf: ParticipantOf): ParticipantKeys {
  const ids = new Map<string, number>();
  return {
    keyOf(documentId) {
      const p = participantOf(documentId);
      if (!p) return -1;
      let k = ids.get(p);
      if (k === undefined) ids.set(p, (k = ids.size));
      return k;
    },
  };
}

/** Bits set per code (a set of small integers that grows as it needs). */
class Bits {
  #words = new Uint32Array(64);
  /** Set bit k; true if it was not set. */
  add(k: number): boolean {
    const w = k >>> 5;
    if (w >= this.#words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.#words.length * 2));
      grown.set(this.#words);
      this.#words = grown;
    }
    const bit = 1 << (k & 31);
    if (this.#words[w]! & bit) return false;
    this.#words[w]! |= bit;
    return true;
  }
}

/** One figure being counted: documents by the last document counted (codings come document by document), participants as bits. */
class Tally {
  n = 0;
  docs = 0;
  parts = 0;
  #lastDoc = -1;
  #people: Bits | null = null;
  add(doc: number, person: number): void {
    this.n++;
    if (doc !== this.#lastDoc) {
      this.#lastDoc = doc;
      this.docs++;
    }
    if (person >= 0 && (this.#people ??= new Bits()).add(person)) this.parts++;
  }
}

/**
 * Each coding's code, document by document (every coding of a document together, the document
 * numbered in the order met): an index gives its codings answer by answer; a list is grouped first.
 */
function eachByDocument(codings: readonly Pick<Coding, 'documentId' | 'codeId'>[] | CodingIndex, visit: (doc: number, documentId: string, codeId: string) => void): void {
  let doc = -1;
  let last: string | undefined;
  const step = (documentId: string, codeId: string) => {
    if (documentId !== last) {
      last = documentId;
      doc++;
    }
    visit(doc, documentId, codeId);
  };
  if (codings instanceof CodingIndex) return codings.forEachCoding(step);
  const byDoc = new Map<string, string[]>();
  for (const c of codings) (byDoc.get(c.documentId) ?? byDoc.set(c.documentId, []).get(c.documentId)!).push(c.codeId);
  for (const [documentId, codes] of byDoc) for (const codeId of codes) step(documentId, codeId);
}

/**
 * `own` counts a code's own codings; `rolled` counts distinct documents/participants over the code
 * and all its descendants (a parent's figure is a union, not a sum). The coded documents'
 * participants come from a list of documents, a lookup of ids, or participant keys (the counts
 * worker's, which reads a survey answer's participant from its table without making its id).
 * Memory is a few integers per code and a bit per participant per code: no set of document or
 * participant ids (at a million codings those sets held well over 100 MB while they were counted).
 */
export function codeCounts(
  codes: readonly Code[],
  codings: readonly Pick<Coding, 'documentId' | 'codeId' | 'coderId'>[] | CodingIndex,
  documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[] | ParticipantOf | ParticipantKeys,
): { own: Map<string, CodeCounts>; rolled: Map<string, CodeCounts> } {
  const keys = typeof documents === 'function' ? keysOf(documents) : 'keyOf' in documents ? documents : keysOf(participantsOfList(documents));
  const at = new Map(codes.map((c, i) => [c.id, i]));
  // each code's line up to the top (itself first), once; a cycle stops where it repeats
  const lines = codes.map((c) => {
    const line: number[] = [];
    for (let id: string | null | undefined = c.id; id !== null && id !== undefined && at.has(id) && !line.includes(at.get(id)!); id = codes[at.get(id)!]!.parentId) line.push(at.get(id)!);
    return line;
  });
  const own = codes.map(() => new Tally());
  const rolled = codes.map(() => new Tally());
  // (a document's participant is looked up once)
  let lastDoc = -1;
  let person = -1;
  eachByDocument(codings, (doc, documentId, codeId) => {
    const c = at.get(codeId);
    if (c === undefined) return;
    if (doc !== lastDoc) {
      lastDoc = doc;
      person = keys.keyOf(documentId);
    }
    own[c]!.add(doc, person);
    for (const a of lines[c]!) rolled[a]!.add(doc, person);
  });
  const toCounts = (tallies: Tally[]) => new Map(codes.map((code, i) => [code.id, { codings: tallies[i]!.n, documents: tallies[i]!.docs, participants: tallies[i]!.parts }]));
  return { own: toCounts(own), rolled: toCounts(rolled) };
}

/** The participants of a list of documents, by document id. */
function participantsOfList(documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[]): ParticipantOf {
  const participantOf = new Map(documents.map((d) => [d.id, d.participantId]));
  return (documentId) => participantOf.get(documentId);
}
