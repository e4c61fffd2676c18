/**
 * Survey tables stored as datasets (see shared/import/dataset.ts): reading their derived
 * documents, participants and answer texts. Datasets are written once, by an import, and never
 * changed afterwards, so a read one is cached per store.
 */
import { blockOfRow, datasetBlockKey, datasetDocument, datasetDocumentsIn, datasetParticipants, datasetParticipantsIn, parseDatasetDocumentId, type Dataset } from '../../shared/import/dataset';
import type { DocumentMeta, Participant } from '../../shared/model';
import Dexie from 'dexie';
import { decodeAll, getCodec, type StorageCodec, type StoredText } from './codec';
import { isSealedRecord, ivsOf, openDatasets, openPlainRecord } from './dataset-seal';
import { addBlockTexts, blockAnswer } from './dataset-blocks';
import type { ChorusDb, DatasetBlockRecord, DatasetRecord } from './schema';
import { held } from '../../shared/held';

/**
 * Opened datasets by id, with what tells the stored version of an encrypted one they were opened
 * from (its ciphertexts' IVs: a plain one is read again rather than compared) and the project's
 * purge stamp when they were read (see `purgeStamp`; undefined when read inside a transaction,
 * which a whole-project list does not trust).
 */
const cache = held<ChorusDb, Map<string, { ds: Dataset; ivs?: Uint8Array[]; codec?: StorageCodec; stamp?: string }>>('survey tables');

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameIvs = (a: readonly Uint8Array[] | undefined, b: readonly Uint8Array[]) => a !== undefined && a.length === b.length && a.every((iv, i) => sameBytes(iv, b[i]!));

function remember(db: ChorusDb, ds: Dataset, rec: DatasetRecord, stamp?: string): Dataset {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  const ivs = ivsOf(rec);
  // (an encrypted one is remembered with the codec that opened it: once the key is dropped it is not handed out)
  m.set(ds.id, { ds, ...(ivs ? { ivs, codec: getCodec() } : {}), ...(stamp !== undefined ? { stamp } : {}) });
  return ds;
}

/** A cached dataset, if it is still valid (an encrypted one only under the codec that opened it; with `rec`, only an encrypted one opened from that stored version; with `stamp`, only one read under that stamp). */
function cached(db: ChorusDb, id: string, rec?: DatasetRecord, stamp?: string): Dataset | undefined {
  const m = cache.get(db);
  const hit = m?.get(id);
  if (!hit) return undefined;
  if (hit.codec && hit.codec !== getCodec()) {
    m!.delete(id);
    return undefined;
  }
  if (stamp !== undefined && hit.stamp !== stamp) return undefined;
  if (!rec) return hit.ds;
  const ivs = ivsOf(rec);
  return ivs && sameIvs(hit.ivs, ivs) ? hit.ds : undefined;
}

/** Forget cached datasets (after a project is deleted, a purge or a re-encryption). */
export function forgetDatasets(db: ChorusDb, ids: readonly string[]): void {
  const m = cache.get(db);
  for (const id of ids) m?.delete(id);
}

/** Forget a project's cached datasets and their lists (the window has closed the project: another one's do not stay in memory). */
export function closeProjectDatasets(db: ChorusDb, projectId: string): void {
  const m = cache.get(db);
  for (const [id, hit] of m ?? []) if (hit.ds.projectId === projectId) m!.delete(id);
}

/**
 * Stored records to clear datasets: one opened before from the same stored parts from the cache;
 * a plain one at once, or — in a window, outside a transaction (makeListsInSlices) — a piece at a
 * time in its stretches of time; an encrypted one decoded. Decoding is not a Dexie promise, so
 * inside a transaction an encrypted record must already be cached: call `openProjectDatasets`
 * before the transaction opens.
 */
async function opened(db: ChorusDb, records: readonly DatasetRecord[], stamp?: string): Promise<Dataset[]> {
  const slices = Dexie.currentTransaction ? undefined : listSlices;
  const out: (Dataset | undefined)[] = records.map((r) => cached(db, r.id, r) ?? (isSealedRecord(r) || (slices && r.pieces) ? undefined : openPlainRecord(r)));
  const missing = records.filter((r, i) => out[i] === undefined);
  if (missing.length > 0 && Dexie.currentTransaction) throw new Error('A survey table of this encrypted project was read inside a transaction before it was decoded (call openProjectDatasets first)');
  const decoded = missing.length > 0 ? await openDatasets(missing, getCodec(), slices && paced(slices)) : [];
  let next = 0;
  return records.map((r, i) => remember(db, out[i] ?? decoded[next++]!, r, stamp));
}

/**
 * What every cached dataset of a project must have been read under: the project's confirmed
 * retractions. A dataset record changes after its import only by a purge (a confirmed retraction
 * or a retention deletion, which blanks or deletes it and leaves a confirmed record in the same
 * transaction) or a re-encryption (same content); so a dataset read under the same stamp is the
 * stored one, even when another window or worker did the purge.
 */
async function purgeStamp(db: ChorusDb, projectId: string): Promise<string> {
  const confirmed = await db.retractions.where('projectId').equals(projectId).filter((r) => r.status === 'confirmed').primaryKeys();
  return (confirmed as string[]).sort().join(' ');
}

/** Reads of whole dataset records under way, by store and id (two lists asked at once read each record once). */
const loading = new WeakMap<ChorusDb, Map<string, Promise<void>>>();

/** Read, open and cache these datasets (outside any transaction): each record with the purge stamp it was read under. */
function load(db: ChorusDb, projectId: string, ids: readonly string[]): Promise<void> {
  let m = loading.get(db);
  if (!m) loading.set(db, (m = new Map()));
  const pending = ids.map((id) => m.get(id)).filter((p) => p !== undefined);
  const fresh = ids.filter((id) => !m.has(id));
  if (fresh.length > 0) {
    const p = (async () => {
      const { records, stamp } = await db.transaction('r', db.datasets, db.retractions, async () => ({
        records: (await db.datasets.bulkGet([...fresh])).filter((r) => r !== undefined && r.projectId === projectId) as DatasetRecord[],
        stamp: await purgeStamp(db, projectId),
      }));
      await opened(db, records, stamp);
    })().finally(() => fresh.forEach((id) => m.delete(id)));
    fresh.forEach((id) => m.set(id, p));
    pending.push(p);
  }
  return Promise.all(pending).then(() => undefined);
}

/**
 * A project's datasets. Outside a transaction, records already opened under the current purge stamp
 * are not read again (a 100,000-row survey's record costs ~80 ms of the main thread to read): only
 * the ids and the stamp are, which is also what a live query watches.
 */
export async function listDatasets(db: ChorusDb, projectId: string): Promise<Dataset[]> {
  if (Dexie.currentTransaction) return opened(db, await db.datasets.where('projectId').equals(projectId).toArray());
  const { ids, stamp } = await db.transaction('r', db.datasets, db.retractions, async () => ({ ids: await surveyTableIds(db, projectId), stamp: await purgeStamp(db, projectId) }));
  const missing = ids.filter((id) => !cached(db, id, undefined, stamp));
  if (missing.length > 0) await load(db, projectId, missing);
  const out: Dataset[] = [];
  for (const id of ids) {
    // (one purged or re-read meanwhile: the stored one, read as before)
    const ds = cached(db, id, undefined, stamp) ?? (await readDataset(db, id));
    if (ds) out.push(ds);
  }
  return out;
}

/** The ids of a project's survey tables (an index read, no record: cheap to watch in a live query). */
export async function surveyTableIds(db: ChorusDb, projectId: string): Promise<string[]> {
  return (await db.datasets.where('projectId').equals(projectId).primaryKeys()) as string[];
}

/**
 * Decode (and cache) a project's sealed datasets BEFORE a transaction that reads them; also what
 * opens a project's survey tables ahead of its first command.
 */
export async function openProjectDatasets(db: ChorusDb, projectId: string): Promise<void> {
  await listDatasets(db, projectId);
}

/**
 * Stretches of time in which a window makes a survey's document and participant lists when a list
 * is asked for before they are made (set once by the app: `makeListsInSlices`). Without them (a
 * worker, a test) a list is made whole when first asked for.
 */
let listSlices: (() => Promise<IdleTime>) | undefined;

/** Have the lists asked for by listDocuments and listParticipants made a slice at a time in these stretches (the window's main thread). */
export function makeListsInSlices(slices: (() => Promise<IdleTime>) | undefined): void {
  listSlices = slices;
}

/**
 * These datasets' lists made, a slice at a time where makeListsInSlices gave stretches of time for
 * it (a 500,000-row survey's 875,000 documents took a 2.4 s task when made in one go), sharing a
 * making already asked for (one made in idle time meanwhile is taken as soon as it is done). Inside a transaction nothing else may be awaited: the lists are then
 * made whole by the first reader, as without slices.
 */
export async function datasetListsMade(datasets: readonly Dataset[], which: ListKind): Promise<void> {
  const slices = listSlices;
  if (!slices || Dexie.currentTransaction) return;
  for (const ds of datasets) {
    const l = listsOf(ds);
    if (!l[which]) await (l.making[which] ??= makeList(ds, slices, which));
  }
}

/** Reads of a dataset under way (outside a transaction), so calls made together read and decode it once. */
const reading = new WeakMap<ChorusDb, Map<string, Promise<Dataset | undefined>>>();

export async function getDataset(db: ChorusDb, id: string): Promise<Dataset | undefined> {
  const hit = cached(db, id);
  if (hit) return hit; // (datasets change only by a purge or a re-encryption, which forget them)
  // (inside a transaction only its own reads may be awaited: no sharing there)
  if (Dexie.currentTransaction) return readDataset(db, id);
  // 1,000 answers' documents asked for at once (getDocuments) must not read the record 1,000 times
  let m = reading.get(db);
  if (!m) reading.set(db, (m = new Map()));
  const under = m.get(id);
  if (under) return under;
  const read = readDataset(db, id).finally(() => m.delete(id));
  m.set(id, read);
  return read;
}

async function readDataset(db: ChorusDb, id: string): Promise<Dataset | undefined> {
  const rec = await db.datasets.get(id);
  return rec ? (await opened(db, [rec]))[0] : undefined;
}

/**
 * A dataset's documents and participants, made once per opened dataset (an object per answer and
 * per participant: 300,000 of them at 100,000 rows, too many to make again for every list). A
 * dataset read again (after a purge) is a new object, so its lists are made again.
 */
type ListKind = 'documents' | 'participants';
const lists = held<Dataset, { documents?: DocumentMeta[]; participants?: Participant[]; making: { [K in ListKind]?: Promise<void> } }>('survey lists');
const listsOf = (ds: Dataset) => lists.get(ds) ?? lists.set(ds, { making: {} });

/** Rows made into lists per slice when they are made ahead (`openProjectDatasets` with stretches of time): about a millisecond each. */
const LIST_ROWS = 250;
/** Stop using a stretch when less time than this is left in it (ms). */
const SLICE_MS = 1;

/** A stretch of time to work in: how much of it is left (as requestIdleCallback's deadline). */
export interface IdleTime {
  timeRemaining(): number;
}

/**
 * A lookup of where a survey answer of these datasets is, from its document id: its table, row and
 * slot, or undefined for any other id (a stored document's, another project's, not an answer).
 */
export function answerIn(datasets: readonly Dataset[]): (id: string) => { ds: Dataset; row: number; slot: number } | undefined {
  const tables = new Map(datasets.map((ds) => [ds.id, ds]));
  return (id) => {
    const where = parseDatasetDocumentId(id);
    const ds = where && tables.get(where.datasetId);
    return ds ? { ds, row: where.row, slot: where.slot } : undefined;
  };
}

/** Rows [from, to)'s documents onto `out`, their titles flattened. */
function documentsOfRows(ds: Dataset, from: number, to: number, out: DocumentMeta[]): void {
  for (const d of datasetDocumentsIn(ds, from, to)) {
    // (reading a character flattens the title, which V8 keeps as a rope of its parts until first
    // read: done here, a slice at a time, rather than by the document list's first sort)
    d.title.charCodeAt(0);
    out.push(d);
  }
}

export function datasetDocumentsOf(ds: Dataset): DocumentMeta[] {
  const l = listsOf(ds);
  if (!l.documents) documentsOfRows(ds, 0, ds.recordIds.length, (l.documents = []));
  return l.documents;
}

export function datasetParticipantsOf(ds: Dataset): Participant[] {
  const l = listsOf(ds);
  return (l.participants ??= datasetParticipants(ds));
}

/**
 * A pause to await before each slice of long work: it waits for the next stretch of time once the
 * current one has less than SLICE_MS left (one slice in each stretch at least, however short: a
 * stretch given at a timeout has no time left).
 */
function paced(idle: () => Promise<IdleTime>): () => Promise<void> {
  let time: IdleTime | undefined;
  let used = false;
  return async () => {
    if (!time || (used && time.timeRemaining() < SLICE_MS)) {
      time = await idle();
      used = false;
    }
    used = true;
  };
}

/** Make one of a dataset's lists a slice at a time in the stretches of time given (so none holds the thread long); the list asked for meanwhile is made whole and this stops. */
async function makeList(ds: Dataset, idle: () => Promise<IdleTime>, which: ListKind): Promise<void> {
  const l = listsOf(ds);
  const slice = paced(idle);
  if (which === 'documents') {
    const documents: DocumentMeta[] = [];
    for (let r = 0; r < ds.recordIds.length && !l.documents; r += LIST_ROWS) {
      await slice();
      if (!l.documents) documentsOfRows(ds, r, r + LIST_ROWS, documents);
    }
    l.documents ??= documents;
    return;
  }
  const participants: Participant[] = [];
  for (let i = 0; i < ds.participants.pseudonyms.length && !l.participants; i += LIST_ROWS) {
    await slice();
    if (!l.participants) participants.push(...datasetParticipantsIn(ds, i, i + LIST_ROWS));
  }
  l.participants ??= participants;
}

/**
 * The documents (participants) of these datasets after `before`, in a new list: one concat, a
 * block copy (flatMap goes element by element: 125–165 ms for a 500,000-response survey's 875,000
 * documents, against 5 ms).
 */
export const datasetsDocuments = (datasets: readonly Dataset[], before: readonly DocumentMeta[] = []): DocumentMeta[] => before.concat(...datasets.map(datasetDocumentsOf));
export const datasetsParticipants = (datasets: readonly Dataset[], before: readonly Participant[] = []): Participant[] => before.concat(...datasets.map(datasetParticipantsOf));

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
  return blockAnswer(block, where.row, where.slot);
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

/**
 * The stored (undecoded) answers with these document ids, in the order asked: undefined where an
 * id is not an answer of one of `tables` (survey tables known to exist), or the answer is empty.
 * Each block involved is read once, in one bulkGet; nothing is made per answer but its place (a
 * corpus load asks for every answer of a survey: no id string or map entry per answer). Dexie
 * reads only.
 */
export async function readAnswersStored(db: ChorusDb, ids: readonly string[], tables: ReadonlySet<string>): Promise<(StoredText | undefined)[]> {
  const n = ids.length;
  const keyOf = new Array<string | undefined>(n);
  const rowOf = new Int32Array(n);
  const slotOf = new Int32Array(n);
  const keys = new Set<string>();
  let lastTable = '';
  let lastBlock = -1;
  let lastKey = '';
  for (let i = 0; i < n; i++) {
    const where = parseDatasetDocumentId(ids[i]!);
    if (!where || !tables.has(where.datasetId)) continue;
    const { block } = blockOfRow(where.row);
    // (ids usually come in row order: a block's key is made once for its run of answers)
    if (block !== lastBlock || where.datasetId !== lastTable) {
      lastKey = datasetBlockKey(where.datasetId, block);
      lastTable = where.datasetId;
      lastBlock = block;
      keys.add(lastKey);
    }
    keyOf[i] = lastKey;
    rowOf[i] = where.row;
    slotOf[i] = where.slot;
  }
  const wanted = [...keys];
  const blocks = new Map<string, DatasetBlockRecord>();
  (await db.datasetBlocks.bulkGet(wanted)).forEach((b, k) => b && blocks.set(wanted[k]!, b));
  const out = new Array<StoredText | undefined>(n);
  for (let i = 0; i < n; i++) {
    const key = keyOf[i];
    if (key !== undefined) out[i] = blockAnswer(blocks.get(key), rowOf[i]!, slotOf[i]!);
  }
  return out;
}

/** Every answer text of a dataset, keyed by document id (read first, decoded after; never inside a transaction). */
export async function datasetTexts(db: ChorusDb, ds: Dataset): Promise<Map<string, string>> {
  const stored = await readDatasetStoredTexts(db, ds);
  const texts = await decodeAll(getCodec(), [...stored.values()]);
  return new Map([...stored.keys()].map((id, i) => [id, texts[i]!]));
}
