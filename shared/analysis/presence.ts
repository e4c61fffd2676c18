/** Which codes (rolled up to their ancestors, or as coded) each document or person has, in scope. */
import type { AnalysisIndex } from './prepare';
import type { Scope } from './scope';

/** Compressed rows: the items of row r are items[start[r] .. start[r+1]-1]. */
export interface Csr {
  start: Int32Array;
  items: Int32Array;
}

class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Distinct codes per document (rolled up: each coding adds its code and all its ancestors). */
export function docCodeSets(index: AnalysisIndex, scope: Scope, rollUp = true): Csr {
  const nDocs = index.documents.length;
  const { code } = index.codings;
  const { codingIn } = scope;
  const stamp = new Int32Array(index.codes.length).fill(-1);
  const start = new Int32Array(nDocs + 1);
  const items = new IntList(index.codings.count * 2);
  for (let d = 0; d < nDocs; d++) {
    start[d] = items.length;
    if (!scope.docIn[d]) continue;
    const b = index.docStart[d + 1]!;
    for (let k = index.docStart[d]!; k < b; k++) {
      if (!codingIn[k]) continue;
      const c = code[k]!;
      if (!rollUp) {
        if (stamp[c] !== d) {
          stamp[c] = d;
          items.push(c);
        }
        continue;
      }
      const chain = index.selfAndAncestors[c]!;
      for (let j = 0; j < chain.length; j++) {
        const a = chain[j]!;
        if (stamp[a] === d) break; // an ancestor already stamped means the rest of the chain is too
        stamp[a] = d;
        items.push(a);
      }
    }
  }
  start[nDocs] = items.length;
  return { start, items: items.done() };
}

/** Distinct codes per person, from the per-document sets. */
export function personCodeSets(index: AnalysisIndex, scope: Scope, docSets: Csr): Csr {
  const stamp = new Int32Array(index.codes.length).fill(-1);
  const start = new Int32Array(index.personCount + 1);
  const items = new IntList(docSets.items.length);
  for (let p = 0; p < index.personCount; p++) {
    start[p] = items.length;
    if (!scope.personIn[p]) continue;
    const b = index.personStart[p + 1]!;
    for (let i = index.personStart[p]!; i < b; i++) {
      const d = index.personDocs[i]!;
      const e = docSets.start[d + 1]!;
      for (let j = docSets.start[d]!; j < e; j++) {
        const c = docSets.items[j]!;
        if (stamp[c] !== p) {
          stamp[c] = p;
          items.push(c);
        }
      }
    }
  }
  start[index.personCount] = items.length;
  return { start, items: items.done() };
}

/** How many rows of a CSR contain each code. */
export function countRows(csr: Csr, nCodes: number): Int32Array {
  const out = new Int32Array(nCodes);
  for (let i = 0; i < csr.items.length; i++) out[csr.items[i]!]!++;
  return out;
}
