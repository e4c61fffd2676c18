/**
 * Survey tables stored as datasets (see shared/import/dataset.ts): reading their derived
 * documents, participants and answer texts. Datasets are written once, by an import, and never
 * changed afterwards, so a read one is cached per store.
 */
import { blockKeyOfRowKey, blockOfRow, datasetBlockKey, datasetDocument, datasetDocuments, datasetParticipants, parseDatasetDocumentId, rowOfKey, type Dataset } from '../../shared/import/dataset';
import type { DocumentMeta, Participant } from '../../shared/model';
import Dexie from 'dexie';
import { decodeAll, getCodec, type StorageCodec, type StoredText } from './codec';
import { openDatasets, sameSealed } from './dataset-seal';
import { addBlockTexts, addRowTexts, blockRow } from './dataset-blocks';
import type { ChorusDb, DatasetBlockRecord, DatasetRecord } from './schema';

/** Decoded datasets by id, with the stored sealed parts they were opened from (to tell a stale entry). */
const cache = new WeakMap<ChorusDb, Map<string, { ds: Dataset; sealed?: StoredText; codec?: StorageCodec }>>();

function remember(db: ChorusDb, ds: Dataset, sealed?: StoredText): Dataset {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  // (a sealed one is remembered with the codec that opened it: once the key is dropped it is not handed out)
  m.set(ds.id, sealed ? { ds, sealed, codec: getCodec() } : { ds });
  return ds;
}

/** A cached dataset, if it is still valid (a sealed one only under the codec that opened it). */
function cached(db: ChorusDb, id: string, sealed?: StoredText): Dataset | undefined {
  const m = cache.get(db);
  const hit = m?.get(id);
  if (!hit) return undefined;
  if (hit.sealed && hit.codec !== getCodec()) {
    m!.delete(id);
    return undefined;
  }
  return sealed === undefined || sameSealed(hit.sealed, sealed) ? hit.ds : undefined;
}

/** Forget cached datasets (after a project is deleted, a purge or a re-encryption). */
export function forgetDatasets(db: ChorusDb, ids: readonly string[]): void {
  const m = cache.get(db);
  for (const id of ids) m?.delete(id);
}

/**
 * Stored records to clear datasets: plain ones as they are, sealed ones from the cache or decoded
 * (encrypted projects). Decoding is not a Dexie promise, so inside a transaction a sealed record
 * must already be cached: call `openProjectDatasets` before the transaction opens.
 */
async function opened(db: ChorusDb, records: readonly DatasetRecord[]): Promise<Dataset[]> {
  const out: (Dataset | undefined)[] = records.map((r) => (r.sealed ? cached(db, r.id, r.sealed) : r));
  const missing = records.filter((r, i) => out[i] === undefined);
  if (missing.length === 0) return records.map((r, i) => (r.sealed ? out[i]! : remember(db, out[i]!)));
  if (Dexie.currentTransaction) throw new Error('A survey table of this encrypted project was read inside a transaction before it was decoded (call openProjectDatasets first)');
  const decoded = await openDatasets(missing, getCodec());
  missing.forEach((r, i) => remember(db, decoded[i]!, r.sealed));
  return records.map((r, i) => out[i] ?? cache.get(db)!.get(r.id)!.ds);
}

export async function listDatasets(db: ChorusDb, projectId: string): Promise<Dataset[]> {
  return opened(db, await db.datasets.where('projectId').equals(projectId).toArray());
}

/** Decode (and cache) a project's sealed datasets BEFORE a transaction that reads them. */
export async function openProjectDatasets(db: ChorusDb, projectId: string): Promise<void> {
  await listDatasets(db, projectId);
}

export async function getDataset(db: ChorusDb, id: string): Promise<Dataset | undefined> {
  const hit = cached(db, id);
  if (hit) return hit; // (datasets change only by a purge or a re-encryption, which forget them)
  const rec = await db.datasets.get(id);
  return rec ? (await opened(db, [rec]))[0] : undefined;
}

export const datasetsDocuments = (datasets: readonly Dataset[]): DocumentMeta[] => datasets.flatMap(datasetDocuments);
export const datasetsParticipants = (datasets: readonly Dataset[]): Participant[] => datasets.flatMap(datasetParticipants);

/** A dataset answer's metadata by document id; undefined if the id is not one. */
export async function getDatasetDocument(db: ChorusDb, documentId: string): Promise<DocumentMeta | undefined> {
  const where = parseDatasetDocumentId(documentId);
  if (!where) return undefined;
  const ds = await getDataset(db, where.datasetId);
  return ds ? datasetDocument(ds, where.row, where.slot) : undefined;
}

/** A dataset answer's stored (undecoded) text by document id; undefined if there is no such answer. One keyed read of its block. Dexie reads only. */
export async function readDatasetStoredText(db: ChorusDb, documentId: string): Promise<StoredText | undefined> {
  const where = parseDatasetDocumentId(documentId);
  if (!where) return undefined;
  const block = await db.datasetBlocks.get(datasetBlockKey(where.datasetId, blockOfRow(where.row).block));
  return blockRow(block, where.row)?.[where.slot] ?? undefined;
}

/** Key range of a dataset's answer blocks (every key starts with the dataset id). */
export function datasetBlockRange(db: ChorusDb, datasetId: string) {
  return db.datasetBlocks.where(':id').between(datasetId, datasetId + '\uffff', true, true);
}

/** Every answer of a dataset as stored (undecoded), keyed by document id: one range scan, Dexie reads only, so safe inside a transaction. */
export async function readDatasetStoredTexts(db: ChorusDb, ds: Dataset): Promise<Map<string, StoredText>> {
  const out = new Map<string, StoredText>();
  for (const block of await datasetBlockRange(db, ds.id).toArray()) addBlockTexts(out, block);
  return out;
}

/** The answers of some dataset rows (by row key) as stored, keyed by document id (a page of the survey grid): their blocks only. Dexie reads only. */
export async function readDatasetRowStoredTexts(db: ChorusDb, rowKeys: readonly string[]): Promise<Map<string, StoredText>> {
  const blockKeys = [...new Set(rowKeys.map(blockKeyOfRowKey))];
  const blocks = new Map<string, DatasetBlockRecord>();
  for (const b of await db.datasetBlocks.bulkGet(blockKeys)) if (b) blocks.set(b.key, b);
  const out = new Map<string, StoredText>();
  for (const k of rowKeys) {
    const texts = blockRow(blocks.get(blockKeyOfRowKey(k)), rowOfKey(k));
    if (texts) addRowTexts(out, k, texts);
  }
  return out;
}

/** Every answer text of a dataset, keyed by document id (read first, decoded after; never inside a transaction). */
export async function datasetTexts(db: ChorusDb, ds: Dataset): Promise<Map<string, string>> {
  const stored = await readDatasetStoredTexts(db, ds);
  const texts = await decodeAll(getCodec(), [...stored.values()]);
  return new Map([...stored.keys()].map((id, i) => [id, texts[i]!]));
}
