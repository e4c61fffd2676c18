/**
 * Survey answers stored in blocks of DATASET_BLOCK_ROWS rows (schema v7, issue 13): packing rows
 * into block records, reading rows back out of them, rewriting rows inside them (a purge) and the
 * v6 → v7 upgrade that moves one-record-per-row stores into blocks. IndexedDB costs per record, not
 * per byte, so a 100,000-row survey is about a hundred records. Stored texts are moved as they are
 * (never decoded here), so everything in this file is safe inside a Dexie transaction.
 */
import type { Table } from 'dexie';
import { blockOfRow, DATASET_BLOCK_ROWS, DATASET_ID_LENGTH, datasetBlockKey, datasetRowKey, rowAnswerId, rowOfKey } from '../../shared/import/dataset';
import type { StoredText } from './codec';
import type { DatasetBlockRecord, DatasetRowRecord, PackedRows } from './schema';

/** One row's stored answers per slot (null = empty answer). */
export type StoredRowTexts = (StoredText | null)[];

/** A block being gathered: its key, first row and rows (null: a row without any answer). */
interface OpenBlock<R> {
  key: string;
  first: number;
  rows: (R | null)[];
}

/** Whether any row of a block has an answer (a block without one is not written). */
const hasRows = (block: OpenBlock<unknown>) => block.rows.some((r) => r !== null);

/**
 * Rows of answers (per slot, null = empty answer), given in ascending row order, gathered into
 * their blocks: each block as it completes. A row without any answer is null in its block.
 */
class RowBlocks<R extends readonly unknown[]> {
  #open: OpenBlock<R> | undefined;

  add(datasetId: string, row: number, texts: R | null): OpenBlock<R>[] {
    const { block, index } = blockOfRow(row);
    const key = datasetBlockKey(datasetId, block);
    const done: OpenBlock<R>[] = [];
    if (this.#open?.key !== key) {
      if (this.#open && key < this.#open.key) throw new Error(`survey rows out of order: block ${key} after block ${this.#open.key}`);
      if (this.#open && hasRows(this.#open)) done.push(this.#open);
      this.#open = { key, first: block * DATASET_BLOCK_ROWS, rows: [] };
    }
    const rows = this.#open.rows;
    if (index < rows.length) throw new Error(`survey rows out of order: row ${row} after row ${this.#open.first + rows.length - 1}`);
    while (rows.length < index) rows.push(null);
    rows.push(texts && texts.some((t) => t !== null) ? texts : null);
    return done;
  }

  finish(): OpenBlock<R>[] {
    const last = this.#open;
    this.#open = undefined;
    return last && hasRows(last) ? [last] : [];
  }
}

/**
 * Packs rows of stored texts, given in ascending row order (one dataset, or datasets in key order),
 * into block records of that form: `add` returns the blocks it completed, `finish` the last, still
 * open, one. A row left out (or with no answer at all) is null in its block.
 */
export class BlockPacker {
  readonly #blocks = new RowBlocks<StoredRowTexts>();

  add(datasetId: string, row: number, texts: StoredRowTexts | null): DatasetBlockRecord[] {
    return this.#blocks.add(datasetId, row, texts);
  }

  finish(): DatasetBlockRecord[] {
    return this.#blocks.finish();
  }
}

/**
 * Packs a plain project's rows of answer texts (null = empty answer), given in ascending row order,
 * into packed block records (PackedRows: a few strings and their answers' lengths a block). Measured in Chromium,
 * 100 blocks of 1,000 two-answer rows: the add calls that copy them into IndexedDB take 120–170 ms
 * packed, 380–440 ms as rows of stored-text objects.
 */
export class PlainBlockPacker {
  readonly #blocks = new RowBlocks<readonly (string | null)[]>();

  /** `pieceChars`: see PACKED_PIECE_CHARS. */
  constructor(private readonly pieceChars = PACKED_PIECE_CHARS) {}

  add(datasetId: string, row: number, texts: readonly (string | null)[] | null): DatasetBlockRecord[] {
    return this.#blocks.add(datasetId, row, texts).map((b) => this.#pack(b));
  }

  finish(): DatasetBlockRecord[] {
    return this.#blocks.finish().map((b) => this.#pack(b));
  }

  #pack(b: OpenBlock<readonly (string | null)[]>): DatasetBlockRecord {
    let slots = 0;
    for (const r of b.rows) if (r && r.length > slots) slots = r.length;
    return { key: b.key, first: b.first, packed: packRows(b.rows, slots, this.pieceChars) };
  }
}

/**
 * Characters a piece of packed text holds at most (unless one answer is longer): 32,768 two-byte
 * characters is 64 KiB, under V8's large-object size, so the pieces are made and let go in the young
 * generation (a block's text as one string of a megabyte went to the large-object space, which only
 * a full collection empties: 90 MB more at the commit's peak for a 100,000-row survey).
 */
export const PACKED_PIECE_CHARS = 32_768;

/** Rows of answer texts (null: empty answer, or a row without any) as PackedRows. */
export function packRows(rows: readonly (readonly (string | null)[] | null)[], slots: number, pieceChars = PACKED_PIECE_CHARS): PackedRows {
  const lengths = new Array<number>(rows.length * slots).fill(-1);
  const texts: string[] = [];
  const counts: number[] = [];
  let parts: string[] = [];
  let chars = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r) continue;
    for (let slot = 0; slot < slots; slot++) {
      const t = r[slot];
      if (t === null || t === undefined) continue;
      lengths[i * slots + slot] = t.length;
      if (chars > 0 && chars + t.length > pieceChars) {
        texts.push(parts.join(''));
        counts.push(parts.length);
        parts = [];
        chars = 0;
      }
      parts.push(t);
      chars += t.length;
    }
  }
  if (parts.length > 0) {
    texts.push(parts.join(''));
    counts.push(parts.length);
  }
  return { slots, lengths, texts, counts };
}

/** Where each answer of a packed block is: its piece and its start in it (made once a block object). */
const placesOf = new WeakMap<PackedRows, { piece: Int32Array; start: Int32Array }>();
function places(p: PackedRows): { piece: Int32Array; start: Int32Array } {
  let out = placesOf.get(p);
  if (!out) {
    out = { piece: new Int32Array(p.lengths.length), start: new Int32Array(p.lengths.length) };
    // the answers in order, `counts[piece]` of them to each piece
    let piece = 0;
    let left = p.counts[0] ?? 0;
    let at = 0;
    for (let i = 0; i < p.lengths.length; i++) {
      const n = p.lengths[i]!;
      if (n < 0) continue;
      while (left === 0 && piece < p.counts.length - 1) {
        left = p.counts[++piece]!;
        at = 0;
      }
      out.piece[i] = piece;
      out.start[i] = at;
      at += n;
      left--;
    }
    placesOf.set(p, out);
  }
  return out;
}

/** Answer `k` (row × slots + slot) of a packed block, or undefined when it has none. */
function packedText(p: PackedRows, k: number): string | undefined {
  const n = p.lengths[k]!;
  if (n < 0) return undefined;
  const at = places(p);
  const s = at.start[k]!;
  return p.texts[at.piece[k]!]!.slice(s, s + n);
}

/** Answer `k` (row × slots + slot) of a packed block as a stored text, or undefined when it has none. */
function packedAnswer(p: PackedRows, k: number): StoredText | undefined {
  const text = packedText(p, k);
  return text === undefined ? undefined : { v: 0, text };
}

/** Row `i` of a packed block as stored texts (undefined: no such row, or none of its answers). */
function packedRow(p: PackedRows, i: number): StoredRowTexts | undefined {
  const { slots, lengths } = p;
  if (i < 0 || (i + 1) * slots > lengths.length) return undefined;
  let out: StoredRowTexts | undefined;
  for (let slot = 0; slot < slots; slot++) {
    const t = packedAnswer(p, i * slots + slot);
    if (t) (out ??= new Array<StoredText | null>(slots).fill(null))[slot] = t;
  }
  return out;
}

/** A block's rows as stored texts, whichever its form (null: a row without answers). */
export function blockRows(block: DatasetBlockRecord): (StoredRowTexts | null)[] {
  if (!block.packed) return block.rows;
  const n = block.packed.lengths.length / block.packed.slots;
  return Array.from({ length: n }, (_, i) => packedRow(block.packed!, i) ?? null);
}

/** A row's stored answers from its block (undefined if the row has none). */
export function blockRow(block: DatasetBlockRecord | undefined, row: number): StoredRowTexts | undefined {
  if (!block) return undefined;
  if (block.packed) return packedRow(block.packed, row - block.first);
  return block.rows[row - block.first] ?? undefined;
}

/** One answer's stored text from its block (undefined if it has none): no row is made around it. */
export function blockAnswer(block: DatasetBlockRecord | undefined, row: number, slot: number): StoredText | undefined {
  if (!block) return undefined;
  const i = row - block.first;
  if (!block.packed) return block.rows[i]?.[slot] ?? undefined;
  const p = block.packed;
  if (i < 0 || slot < 0 || slot >= p.slots || (i + 1) * p.slots > p.lengths.length) return undefined;
  return packedAnswer(p, i * p.slots + slot);
}

/**
 * A row's answer as a plain text: a packed block's, or a stored text that is not encrypted; undefined
 * when the answer is encrypted (read it with blockAnswer) or there is none. Makes no stored-text
 * object (a reader of a whole survey asks this 875,000 times).
 */
export function blockPlainAnswer(block: DatasetBlockRecord | undefined, row: number, slot: number): string | undefined {
  if (!block?.packed) {
    const stored = blockAnswer(block, row, slot);
    return stored?.v === 0 ? stored.text : undefined;
  }
  const p = block.packed;
  const i = row - block.first;
  if (i < 0 || slot < 0 || slot >= p.slots || (i + 1) * p.slots > p.lengths.length) return undefined;
  return packedText(p, i * p.slots + slot);
}

/** Every answer in some blocks, keyed by document id (the block key starts with its dataset id). */
export function addBlockTexts(out: Map<string, StoredText>, block: DatasetBlockRecord): void {
  const datasetId = block.key.slice(0, DATASET_ID_LENGTH);
  blockRows(block).forEach((texts, i) => {
    if (texts) addRowTexts(out, datasetRowKey(datasetId, block.first + i), texts);
  });
}

/** One row's answers, keyed by document id. */
export function addRowTexts(out: Map<string, StoredText>, rowKey: string, texts: StoredRowTexts): void {
  for (let slot = 0; slot < texts.length; slot++) {
    const stored = texts[slot];
    if (stored) out.set(rowAnswerId(rowKey, slot), stored);
  }
}

/**
 * A block with some of its rows rewritten (`rewrite` gets a row's texts, returns the new ones; an
 * all-empty result makes the row null). Returns the new block, or null when no row is left with an
 * answer (the block is to be deleted), and how many rows with answers were rewritten. A packed block
 * stays packed while every text in it is plain.
 */
export function rewriteBlockRows(
  block: DatasetBlockRecord,
  rows: Iterable<number>,
  rewrite: (texts: StoredRowTexts, row: number) => StoredRowTexts,
): { block: DatasetBlockRecord | null; rewritten: number } {
  const next = blockRows(block).slice();
  let rewritten = 0;
  for (const row of rows) {
    const i = row - block.first;
    const texts = next[i];
    if (i < 0 || i >= DATASET_BLOCK_ROWS || !texts) continue;
    const out = rewrite(texts, row);
    next[i] = out.some((t) => t !== null) ? out : null;
    rewritten++;
  }
  if (!next.some((r) => r !== null)) return { block: null, rewritten };
  const { key, first } = block;
  if (block.packed && next.every((r) => !r || r.every((t) => t === null || t.v === 0))) {
    const plain = next.map((r) => r && r.map((t) => (t === null ? null : (t as { text: string }).text)));
    return { block: { key, first, packed: packRows(plain, block.packed.slots) }, rewritten };
  }
  return { block: { key, first, rows: next }, rewritten };
}

/**
 * The v7 upgrade: every stored row of answers into its block, in one pass over the rows in key
 * (dataset, row) order, a page at a time so a large store is never in memory whole. Runs in the
 * upgrade transaction: only Dexie is awaited, and stored texts are moved as they are (never
 * decoded). The rows table is left empty.
 */
export async function moveRowsToBlocks(rows: Table<DatasetRowRecord, string>, blocks: Table<DatasetBlockRecord, string>): Promise<void> {
  const packer = new BlockPacker();
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? rows.toCollection() : rows.where(':id').above(after)).limit(DATASET_BLOCK_ROWS).toArray();
    if (page.length === 0) break;
    const complete: DatasetBlockRecord[] = [];
    for (const r of page) complete.push(...packer.add(r.key.slice(0, DATASET_ID_LENGTH), rowOfKey(r.key), r.texts));
    if (complete.length) await blocks.bulkPut(complete);
    after = page[page.length - 1]!.key;
  }
  const last = packer.finish();
  if (last.length) await blocks.bulkPut(last);
  await rows.clear();
}
