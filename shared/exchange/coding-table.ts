/**
 * Hash sets for merge, in typed arrays with open addressing. Merge looks up millions of codings;
 * a JavaScript Set or Map of that size costs several times more (string keys to build and hash,
 * and a table that is slow to grow and unfriendly to the cache).
 */
import { slotHash } from '../hash';

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/** A set of coding identities: document, code and coder as small integers, start and end. */
export class CodingTable {
  private doc: Int32Array;
  private code: Int32Array;
  private coder: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  private slots: Int32Array;
  private size = 0;
  private mask: number;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = Math.max(16, expected);
    this.doc = new Int32Array(n);
    this.code = new Int32Array(n);
    this.coder = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
  }

  get length(): number {
    return this.size;
  }

  private static hash(a: number, b: number, c: number, d: number, e: number): number {
    return mix(mix(mix(mix(mix(0x9747b28c, a), b), c), d), e) >>> 0;
  }

  /** The entry number of this identity if present; otherwise it is added (as entry `length - 1`) and -1 returned. */
  addOrFind(doc: number, code: number, coder: number, start: number, end: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = CodingTable.hash(doc, code, coder, start, end) & mask;
    for (;;) {
      const k = slots[i]!;
      if (k < 0) break;
      if (this.doc[k] === doc && this.code[k] === code && this.coder[k] === coder && this.start[k] === start && this.end[k] === end) return k;
      i = (i + 1) & mask;
    }
    const k = this.size++;
    if (k >= this.doc.length) this.grow();
    this.doc[k] = doc;
    this.code[k] = code;
    this.coder[k] = coder;
    this.start[k] = start;
    this.end[k] = end;
    slots[i] = k;
    if (this.size * 2 > slots.length) this.rehash();
    return -1;
  }

  private grow(): void {
    const more = (a: Int32Array) => {
      const n = new Int32Array(a.length * 2);
      n.set(a);
      return n;
    };
    this.doc = more(this.doc);
    this.code = more(this.code);
    this.coder = more(this.coder);
    this.start = more(this.start);
    this.end = more(this.end);
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let k = 0; k < this.size; k++) {
      let i = CodingTable.hash(this.doc[k]!, this.code[k]!, this.coder[k]!, this.start[k]!, this.end[k]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = k;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A set of id strings, entries numbered in the order added. */
export class IdTable {
  private slots: Int32Array;
  private mask: number;
  readonly ids: string[] = [];

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  has(id: string): boolean {
    let i = slotHash(id) & this.mask;
    for (;;) {
      const k = this.slots[i]!;
      if (k < 0) return false;
      if (this.ids[k] === id) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** Add an id known to be absent. */
  add(id: string): void {
    let i = slotHash(id) & this.mask;
    while (this.slots[i]! >= 0) i = (i + 1) & this.mask;
    this.slots[i] = this.ids.length;
    this.ids.push(id);
    if (this.ids.length * 2 > this.slots.length) {
      const cap = this.slots.length * 2;
      this.slots = new Int32Array(cap).fill(-1);
      this.mask = cap - 1;
      for (let k = 0; k < this.ids.length; k++) {
        let j = slotHash(this.ids[k]!) & this.mask;
        while (this.slots[j]! >= 0) j = (j + 1) & this.mask;
        this.slots[j] = k;
      }
    }
  }
}
