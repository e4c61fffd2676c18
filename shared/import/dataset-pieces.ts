/**
 * A survey dataset's personal columns — record ids, participants' pseudonyms and attribute values,
 * response-level attribute values — kept as JSON text in pieces of at most PIECE_VALUES values,
 * each piece one column's values from an index on. Why text, and why pieces:
 *
 * - IndexedDB turns a stored record back into objects in one task on the thread that reads it. A
 *   500,000-row survey's columns are millions of small strings: reading them as arrays held the
 *   window's main thread for 0.5–0.8 s. A few hundred strings of JSON come back in milliseconds.
 * - JSON text is parsed a piece at a time, so the window can yield between pieces.
 * - An encrypted project seals each piece through its codec (its text is the plaintext), so the
 *   same layout serves both, and a decryption never holds a whole column at once either.
 *
 * Pure: no codec, no store. The renderer's dataset-seal.ts encodes the texts and opens them.
 */
import type { AttributeValue } from '../model';

/** Values per piece: about 2–5 ms of JSON.parse each on a small machine. */
export const PIECE_VALUES = 20_000;

/** The personal columns of a dataset (what an encrypted project seals). */
export interface DatasetParts {
  recordIds: string[];
  pseudonyms: string[];
  attributes: Record<string, AttributeValue[]>;
  responseAttributes?: Record<string, AttributeValue[]>;
}

/** One piece: a column's name, the index of its first value, and its values as JSON text (a list, or a shorter form: see pieceText). */
export interface PieceText {
  column: string;
  from: number;
  text: string;
}

const RECORD_IDS = 'recordIds';
const PSEUDONYMS = 'pseudonyms';
const ATTRIBUTE = 'attributes:';
const RESPONSE = 'responseAttributes:';

/** The columns in a fixed order, each with its values. */
function columnsOf(parts: DatasetParts): [string, readonly unknown[]][] {
  const out: [string, readonly unknown[]][] = [
    [RECORD_IDS, parts.recordIds],
    [PSEUDONYMS, parts.pseudonyms],
  ];
  for (const [id, values] of Object.entries(parts.attributes)) out.push([ATTRIBUTE + id, values]);
  for (const [id, values] of Object.entries(parts.responseAttributes ?? {})) out.push([RESPONSE + id, values]);
  return out;
}

/**
 * A piece's text. A list of values is its JSON (`[…]`), except two cases written shorter, as a
 * JSON object (`{…}`; a reader tells them by the first character, and reads every older piece,
 * which is always a list, as before):
 * - pseudonyms that are the record ids, value for value (every row its own participant, named by
 *   its record id: the common survey without a participant column): `{"sameAs":"recordIds"}`, one
 *   piece for the whole column, instead of the same text twice;
 * - attribute values that repeat (categories): the distinct values once and each value's index,
 *   `{"values":[…],"at":[…]}` — "North" 100,000 times is a 1-character index each, not 8
 *   characters. Used when a piece has at most a quarter as many distinct values as values.
 * A 500,000-row survey's stored parts went from 22 MB of text to about 9 MB: the record the window
 * reads when such a project opens is half the size (turning it back into objects is one task).
 */
const SAME_AS_RECORD_IDS = JSON.stringify({ sameAs: RECORD_IDS });

function pieceText(column: string, values: readonly unknown[]): string {
  if (column === RECORD_IDS || column === PSEUDONYMS) return JSON.stringify(values);
  const index = new Map<unknown, number>();
  const at: number[] = [];
  for (const v of values) {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    at.push(i);
  }
  return values.length > 0 && index.size * 4 <= values.length ? JSON.stringify({ values: [...index.keys()], at }) : JSON.stringify(values);
}

const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The parts as pieces; every column has at least one piece (an empty column is `[]`), so none is lost. */
export function partsToPieces(parts: DatasetParts, size = PIECE_VALUES): PieceText[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`piece size ${size} must be a positive whole number`);
  const out: PieceText[] = [];
  for (const [column, values] of columnsOf(parts)) {
    if (column === PSEUDONYMS && values.length > 0 && sameValues(parts.pseudonyms, parts.recordIds)) {
      out.push({ column, from: 0, text: SAME_AS_RECORD_IDS });
      continue;
    }
    let from = 0;
    do {
      out.push({ column, from, text: pieceText(column, values.slice(from, from + size)) });
      from += size;
    } while (from < values.length);
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const NEEDS_JSON = /[\\\u0000-\u001f]/;

/**
 * A list of strings as JSON.stringify writes it, read without interning its values; undefined if
 * the text is anything else (null, a number, an escaped character: the caller parses it as JSON).
 *
 * Why not JSON.parse: V8 interns every string value of up to 10 characters it parses (puts it in
 * its table of unique strings), so a 500,000-row survey's record ids and pseudonyms made a
 * million-entry string table, which every full garbage collection walks on the main thread — 53–58
 * ms a collection once those strings' pages are compacted, the bulk of the longest task when such
 * a project is opened. A slice of fewer than 13 characters is a fresh copy, never interned (longer
 * ones share the piece's text). Values repeated across rows (attributes) keep JSON.parse: for them
 * one interned string per distinct value is what saves memory.
 */
export function stringList(text: string): string[] | undefined {
  if (text === '[]') return [];
  const end = text.length - 1;
  // [ … ] with no escape and no raw control character (which JSON.stringify would have escaped)
  if (text.charCodeAt(0) !== 91 || text.charCodeAt(end) !== 93 || NEEDS_JSON.test(text)) return undefined;
  const out: string[] = [];
  let at = 1;
  for (;;) {
    if (text.charCodeAt(at) !== 34) return undefined; // a value that is not a string
    const close = text.indexOf('"', at + 1);
    if (close < 0) return undefined;
    out.push(text.slice(at + 1, close));
    const next = text.charCodeAt(close + 1);
    if (close + 1 === end && next === 93) return out;
    if (next !== 44) return undefined; // ,
    at = close + 2;
  }
}

/**
 * Puts pieces back together, one at a time (so a caller may yield between them). Pieces must come
 * column by column in index order, as partsToPieces makes them; anything else is reported as damage
 * rather than guessed at.
 */
export class PartsAssembler {
  readonly #columns = new Map<string, unknown[]>();
  readonly #where: string;

  /** `where` names the dataset in error messages. */
  constructor(where: string) {
    this.#where = where;
  }

  add(piece: PieceText): void {
    const { column, from } = piece;
    if (column !== RECORD_IDS && column !== PSEUDONYMS && !column.startsWith(ATTRIBUTE) && !column.startsWith(RESPONSE)) throw new Error(`${this.#where}: a stored piece names an unknown column "${column}"`);
    const values = this.#columns.get(column) ?? [];
    if (from !== values.length) throw new Error(`${this.#where}: the stored column "${column}" is damaged (a piece starts at ${from}, expected ${values.length})`);
    let parsed: unknown;
    try {
      parsed = (column === RECORD_IDS || column === PSEUDONYMS ? stringList(piece.text) : undefined) ?? JSON.parse(piece.text);
    } catch {
      throw new Error(`${this.#where}: the stored column "${column}" is damaged (the piece from ${from} is not readable)`);
    }
    const list = Array.isArray(parsed) ? parsed : this.#unpacked(column, from, parsed);
    // (a loop, not push(...list): a spread of 20,000 arguments is close to engines' limits)
    for (let i = 0; i < list.length; i++) values.push(list[i]);
    this.#columns.set(column, values);
  }

  /** The values of a piece written as an object (see pieceText); anything else is damage. */
  #unpacked(column: string, from: number, parsed: unknown): readonly unknown[] {
    const damaged = (what: string) => new Error(`${this.#where}: the stored column "${column}" is damaged (the piece from ${from} ${what})`);
    if (typeof parsed !== 'object' || parsed === null) throw damaged('is not a list');
    const o = parsed as Record<string, unknown>;
    if (column === PSEUDONYMS && o.sameAs === RECORD_IDS) {
      const recordIds = this.#columns.get(RECORD_IDS);
      if (from !== 0 || !recordIds) throw damaged('names the record ids, which are not there');
      return recordIds;
    }
    const { values, at } = o;
    if (column === RECORD_IDS || column === PSEUDONYMS || !Array.isArray(values) || !Array.isArray(at)) throw damaged('is not a list');
    const out = new Array<unknown>(at.length);
    for (let i = 0; i < at.length; i++) {
      const k = at[i];
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= values.length) throw damaged(`points at value ${String(k)}, which it does not have`);
      out[i] = values[k];
    }
    return out;
  }

  /** The parts; record ids and pseudonyms must both have been given. */
  parts(): DatasetParts {
    const recordIds = this.#columns.get(RECORD_IDS);
    const pseudonyms = this.#columns.get(PSEUDONYMS);
    if (!recordIds || !pseudonyms) throw new Error(`${this.#where}: the stored ${recordIds ? 'pseudonyms are' : 'record ids are'} missing`);
    const attributes: [string, AttributeValue[]][] = [];
    const responseAttributes: [string, AttributeValue[]][] = [];
    for (const [column, values] of this.#columns) {
      if (column.startsWith(ATTRIBUTE)) attributes.push([column.slice(ATTRIBUTE.length), values as AttributeValue[]]);
      else if (column.startsWith(RESPONSE)) responseAttributes.push([column.slice(RESPONSE.length), values as AttributeValue[]]);
    }
    // (fromEntries: an id such as "__proto__" stays a key of its own, as it was written)
    return {
      recordIds: recordIds as string[],
      pseudonyms: pseudonyms as string[],
      attributes: Object.fromEntries(attributes),
      ...(responseAttributes.length > 0 ? { responseAttributes: Object.fromEntries(responseAttributes) } : {}),
    };
  }
}

/** All at once. */
export function piecesToParts(pieces: Iterable<PieceText>, where = 'A survey table'): DatasetParts {
  const a = new PartsAssembler(where);
  for (const p of pieces) a.add(p);
  return a.parts();
}
