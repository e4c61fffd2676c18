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
import type { DatasetBlockRecord, DatasetRowRecord } from './schema';

/** One row's stored answers per slot (null = empty answer). */
export type StoredRowTexts = (StoredText | null)[];

/**
 * Packs rows, given in ascending row order (one dataset, or datasets in key order), into block
 * records: `add` returns the blocks it completed, `finish` the last, still open, one. A row left out
 * (or with no answer at all) is null in its block.
 */
export class BlockPacker {
  #open: DatasetBlockRecord | undefined;

  add(datasetId: string, row: number, texts: StoredRowTexts | null): DatasetBlockRecord[] {
    const { block, index } = blockOfRow(row);
    const key = datasetBlockKey(datasetId, block);
    const done: DatasetBlockRecord[] = [];
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

  finish(): DatasetBlockRecord[] {
    const last = this.#open;
    this.#open = undefined;
    return last && hasRows(last) ? [last] : [];
  }
}

const hasRows = (block: DatasetBlockRecord) => block.rows.some((r) => r !== null);

/** A row's stored answers from its block (undefined if the row has none). */
export function blockRow(block: DatasetBlockRecord | undefined, row: number): StoredRowTexts | undefined {
  if (!block) return undefined;
  return block.rows[row - block.first] ?? undefined;
}

/** Every answer in some blocks, keyed by document id (the block key starts with its dataset id). */
export function addBlockTexts(out: Map<string, StoredText>, block: DatasetBlockRecord): void {
  const datasetId = block.key.slice(0, DATASET_ID_LENGTH);
  block.rows.forEach((texts, i) => {
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
 * answer (the block is to be deleted), and how many rows with answers were rewritten.
 */
export function rewriteBlockRows(
  block: DatasetBlockRecord,
  rows: Iterable<number>,
  rewrite: (texts: StoredRowTexts, row: number) => StoredRowTexts,
): { block: DatasetBlockRecord | null; rewritten: number } {
  const next = block.rows.slice();
  let rewritten = 0;
  for (const row of rows) {
    const i = row - block.first;
    const texts = next[i];
    if (i < 0 || i >= DATASET_BLOCK_ROWS || !texts) continue;
    const out = rewrite(texts, row);
    next[i] = out.some((t) => t !== null) ? out : null;
    rewritten++;
  }
  return { block: next.some((r) => r !== null) ? { ...block, rows: next } : null, rewritten };
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
