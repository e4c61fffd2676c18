/**
 * Setting, changing or removing a project's passphrase: every text the project stores goes
 * through the storage codec again — document texts and memos (`texts`), survey answers
 * (`datasetBlocks`), survey tables' pseudonyms, record ids and attribute values (`datasets`), and the
 * text rows inside undo history (`history`), participants' pseudonyms and attribute values
 * (`participants`) — and the term-count cache is
 * dropped (it is rebuilt through the new codec on next use). Like every write with a cipher:
 * read in one transaction, decode and encode outside any transaction, then write everything,
 * with the new lock record and an audit entry (counts, never content), in ONE transaction. If
 * the project changed in between (another window), nothing is written and the caller is told.
 * Reached through execute.ts (executeSetPassphrase).
 */
import { newKdfParams, deriveKey, type KdfParams, type AesKey } from '../../shared/crypto';
import { newGuid } from '../../shared/model';
import { getCodec, plainCodec, type StorageCodec, type StoredText } from './codec';
import { datasetBlockRange, forgetDatasets } from './datasets';
import { blockRows } from './dataset-blocks';
import { openDatasets, sameStoredParts, sealDatasets } from './dataset-seal';
import { openParticipantsWith, sealParticipants } from './participant-seal';
import { activateKey, getProjectLock, keyCodec, lockAll, unlockedProject } from './keyring';
import type { ChorusDb, DatasetBlockRecord, DatasetRecord, HistoryEntry, ParticipantRecord, TextRow } from './schema';

export interface PassphraseOptions {
  /** Argon2id cost (tests pass cheap ones; the app uses the defaults). */
  kdf?: Partial<Omit<KdfParams, 'salt' | 'algorithm'>>;
  now?: string;
  actor?: string;
}

export interface ReencryptResult {
  texts: number;
  answers: number;
  historyTexts: number;
  encrypted: boolean;
}

const isTextRow = (row: unknown): row is TextRow => typeof row === 'object' && row !== null && 'stored' in row;

/** Every stored text the project holds, in a fixed order, with a way to put re-encoded ones back. */
function collect(texts: TextRow[], blocks: DatasetBlockRecord[], history: HistoryEntry[]) {
  const all: StoredText[] = [];
  for (const t of texts) all.push(t.stored);
  // each block's rows made once (a packed block's are made from its pieces), for both the texts and the rebuild
  const rowsOf = blocks.map(blockRows);
  for (const rows of rowsOf) for (const r of rows) if (r) for (const s of r) if (s) all.push(s);
  const answers = all.length - texts.length;
  for (const h of history)
    for (const c of h.changes)
      if (c.table === 'texts') {
        if (isTextRow(c.before)) all.push(c.before.stored);
        if (isTextRow(c.after)) all.push(c.after.stored);
      }
  const rebuild = (enc: StoredText[]) => {
    let i = 0;
    const next = () => enc[i++]!;
    const newTexts = texts.map((t) => ({ ...t, stored: next() }));
    // (a packed block comes back as rows: its texts are encoded one by one, as every block of an encrypted project's)
    const newBlocks: DatasetBlockRecord[] = blocks.map((b, k) => ({ key: b.key, first: b.first, rows: rowsOf[k]!.map((r) => (r ? r.map((s) => (s ? next() : null)) : null)) }));
    const newHistory = history.map((h) => ({
      ...h,
      changes: h.changes.map((c) =>
        c.table !== 'texts' ? c : { ...c, before: isTextRow(c.before) ? { ...c.before, stored: next() } : c.before, after: isTextRow(c.after) ? { ...c.after, stored: next() } : c.after },
      ),
    }));
    return { newTexts, newBlocks, newHistory };
  };
  return { all, answers, rebuild };
}

/** The same stored dataset (a retraction blanks one in place): its personal parts as stored (dataset-seal.ts) and its answer lengths. */
const sameDataset = (a: DatasetRecord, b: DatasetRecord): boolean => sameStoredParts(a, b) && a.lengths.length === b.lengths.length && a.lengths.every((l, i) => l === b.lengths[i]);

const isParticipantRow = (row: unknown): row is ParticipantRecord => typeof row === 'object' && row !== null && 'pseudonym' in row;

/** Participant rows kept in undo history (a merge's step) go through the new codec too. */
async function resealHistoryParticipants(history: HistoryEntry[], from: StorageCodec, to: StorageCodec): Promise<HistoryEntry[]> {
  const rows: ParticipantRecord[] = [];
  for (const h of history) for (const c of h.changes) if (c.table === 'participants') for (const r of [c.before, c.after]) if (isParticipantRow(r)) rows.push(r);
  if (rows.length === 0) return history;
  const resealed = await sealParticipants(await openParticipantsWith(rows, from), to);
  const to_ = new Map<unknown, ParticipantRecord>(rows.map((r, i) => [r, resealed[i]!]));
  return history.map((h) => ({
    ...h,
    changes: h.changes.map((c) => (c.table !== 'participants' ? c : { ...c, before: to_.get(c.before) ?? c.before, after: to_.get(c.after) ?? c.after })),
  }));
}

async function readAll(db: ChorusDb, projectId: string) {
  return db.transaction('r', [db.texts, db.datasets, db.datasetBlocks, db.history, db.participants], async () => {
    const texts = await db.texts.where('projectId').equals(projectId).toArray();
    const blocks: DatasetBlockRecord[] = [];
    const datasets = await db.datasets.where('projectId').equals(projectId).toArray();
    for (const ds of datasets) blocks.push(...(await datasetBlockRange(db, ds.id).toArray()));
    const history = await db.history.where('projectId').equals(projectId).toArray();
    const participants = await db.participants.where('projectId').equals(projectId).toArray();
    return { texts, blocks, history, datasets, participants };
  });
}

/**
 * Set (or change) the project's passphrase, or remove it (`passphrase` null). The project must be
 * plain or unlocked in this window. On success the new key is the active one.
 */
export async function setProjectPassphrase(db: ChorusDb, projectId: string, passphrase: string | null, opts: PassphraseOptions = {}): Promise<ReencryptResult> {
  const lock = await getProjectLock(db, projectId);
  if (lock && unlockedProject() !== projectId) throw new Error('Unlock this project with its current passphrase before changing it');
  if (!lock && passphrase === null) throw new Error('This project has no passphrase to remove');
  const from: StorageCodec = lock ? getCodec() : plainCodec;
  const read = await readAll(db, projectId);
  const { all, answers, rebuild } = collect(read.texts, read.blocks, read.history);
  const plain = await Promise.all(all.map((s) => from.decode(s)));

  let to: StorageCodec = plainCodec;
  let kdf: KdfParams | undefined;
  let key: AesKey | undefined;
  let check: Uint8Array | undefined;
  if (passphrase !== null) {
    kdf = newKdfParams(opts.kdf);
    ({ key, check } = await deriveKey(passphrase, kdf));
    to = keyCodec(key);
  }
  const rebuilt = rebuild(await to.encodeMany(plain));
  const { newTexts, newBlocks } = rebuilt;
  const newHistory = await resealHistoryParticipants(rebuilt.newHistory, from, to);
  // survey tables' pseudonyms, record ids and attribute values (dataset-seal.ts)
  const newDatasets = await sealDatasets(await openDatasets(read.datasets, from), to);
  // participants stored one by one: pseudonyms and attribute values (participant-seal.ts)
  const newParticipants = await sealParticipants(await openParticipantsWith(read.participants, from), to);
  const now = opts.now ?? new Date().toISOString();
  const historyTexts = all.length - read.texts.length - answers;

  await db.transaction('rw', [db.texts, db.datasets, db.datasetBlocks, db.history, db.participants, db.termCounts, db.projectLocks, db.audit], async () => {
    // the same rows as when they were read, or nothing is written
    const textKeys = (await db.texts.where('projectId').equals(projectId).primaryKeys()) as string[];
    const last = await db.history.where('projectId').equals(projectId).last();
    const blockKeys: string[] = [];
    const nowDatasets = await db.datasets.where('projectId').equals(projectId).toArray();
    for (const ds of nowDatasets) blockKeys.push(...((await datasetBlockRange(db, ds.id).primaryKeys()) as string[]));
    const participantKeys = (await db.participants.where('projectId').equals(projectId).primaryKeys()) as string[];
    // (sets, not a search of the rows read for each key: a survey's project holds 100,000 of each)
    const participantsRead = new Set(read.participants.map((p) => p.id));
    const textsRead = new Set(read.texts.map((t) => t.id));
    const same =
      participantKeys.length === read.participants.length &&
      participantKeys.every((k) => participantsRead.has(k)) &&
      nowDatasets.length === read.datasets.length &&
      nowDatasets.every((d) => read.datasets.some((r) => r.id === d.id && sameDataset(r, d))) &&
      textKeys.length === read.texts.length &&
      textKeys.every((k) => textsRead.has(k)) &&
      blockKeys.length === read.blocks.length &&
      blockKeys.every((k, i) => k === read.blocks[i]!.key) &&
      (last?.seq ?? null) === (read.history.at(-1)?.seq ?? null) &&
      (last?.undone ?? null) === (read.history.at(-1)?.undone ?? null);
    if (!same) throw new Error('The project changed while its texts were being re-encrypted (in another window?). Nothing was changed; try again.');
    await db.texts.bulkPut(newTexts);
    await db.datasetBlocks.bulkPut(newBlocks);
    await db.datasets.bulkPut(newDatasets);
    await db.participants.bulkPut(newParticipants);
    await db.history.bulkPut(newHistory);
    await db.termCounts.where('projectId').equals(projectId).delete();
    if (kdf && check) await db.projectLocks.put({ projectId, v: 1, kdf, check, setAt: now });
    else await db.projectLocks.delete(projectId);
    await db.audit.add({
      id: newGuid(),
      projectId,
      at: now,
      actor: opts.actor ?? 'local user',
      action: passphrase === null ? 'project.passphrase.remove' : lock ? 'project.passphrase.change' : 'project.passphrase.set',
      ids: [],
      counts: { texts: read.texts.length, answers, historyTexts },
    });
  });
  forgetDatasets(db, read.datasets.map((d) => d.id));
  if (key) activateKey(projectId, key);
  else lockAll();
  return { texts: read.texts.length, answers, historyTexts, encrypted: passphrase !== null };
}
