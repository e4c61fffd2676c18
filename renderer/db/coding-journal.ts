/**
 * Every coding of a project, read fast (issue 13, item 4): a project's codings are also kept as one
 * columnar digest (shared/coding/coding-digest.ts), brought up to date from a journal of coding
 * changes. The coding records stay the truth; digest and journal are a derived cache.
 *
 * - The journal is written by Dexie middleware below every table API, in the same transaction as
 *   the change: whatever writes codings (commands, imports, merges, purges, tests, benches), the
 *   journal records it, and no writer can forget. A write the journal cannot describe (a range
 *   deletion) is recorded as a reset.
 * - A digest says up to which journal entry it is current. Reading = the digest + the journal
 *   entries after it, in one read transaction; with no usable digest, the records are read (the old
 *   way, once) and a digest is written after.
 * - Pruning keeps every entry newer than the oldest digest (so each digest can always be brought up
 *   to date) and always the newest entry (the change stamp reads its key). A digest that falls far
 *   behind is dropped instead of holding the journal back.
 * - A retraction's purge and a project's deletion reset the cache (every digest and journal entry
 *   goes, one reset entry stays), so no trace of purged codings is kept here.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { applyCodingChanges, digestCodings, digestDamage, digestToCodings, type CodingDigest } from '../../shared/coding/coding-digest';
import type { Coding } from '../../shared/model';
import type { ChorusDb } from './schema';

export const JOURNAL = 'codingJournal';
export const DIGESTS = 'codingDigests';

/** One journal entry: codings written (whole records) and ids deleted by one table call; or a reset (`reset: 1`). */
export interface CodingJournalEntry {
  seq?: number;
  written: Coding[];
  deleted: string[];
  /** Indexed (only reset entries have it): a digest older than a reset is not brought up to date but rebuilt. */
  reset?: 1;
}

/**
 * Rewrite the digest after reading this many journal entries on top of it, or this many changed
 * codings. Applying entries is cheap (a binary search per changed coding); rewriting is not (about
 * a second of a worker's time at a million codings), so a coder's hundred clicks cost one rewrite.
 */
export const REFRESH_ENTRIES = 100;
const REFRESH_CODINGS = 10_000;
/** A digest this many entries behind the newest is dropped when another is written (it will be rebuilt when read). */
const MAX_BACKLOG = 2000;

/** Codings (or deleted ids) per journal entry at most: a big import's change is several modest records, never one huge one. */
const ENTRY_SIZE = 10_000;

const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / ENTRY_SIZE) }, (_, i) => list.slice(i * ENTRY_SIZE, (i + 1) * ENTRY_SIZE));

/** The journal entries that describe this change (none when nothing changed). */
function journalEntries(req: DBCoreMutateRequest, res: DBCoreMutateResponse): CodingJournalEntry[] {
  const ok = (i: number) => !res.failures?.[i];
  if (req.type === 'add' || req.type === 'put') return chunks((req.values as Coding[]).filter((_, i) => ok(i))).map((written) => ({ written, deleted: [] }));
  if (req.type === 'delete') return chunks((req.keys as string[]).filter((_, i) => ok(i))).map((deleted) => ({ written: [], deleted }));
  return [{ written: [], deleted: [], reset: 1 }];
}

const hasStore = (trans: unknown, name: string) => {
  const names = (trans as IDBTransaction).objectStoreNames;
  return !names || names.contains(name);
};

/** The Dexie middleware that journals every change to the codings table (installed by the schema class). */
export const codingJournalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'codingJournal',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === JOURNAL)) return {};
    return {
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('codings') && !stores.includes(JOURNAL) ? [...stores, JOURNAL] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'codings') return table;
        const journal = down.table(JOURNAL);
        return {
          ...table,
          mutate(req) {
            return table.mutate(req).then((res) => {
              const values = hasStore(req.trans, JOURNAL) ? journalEntries(req, res) : [];
              return values.length ? journal.mutate({ type: 'add', trans: req.trans, values }).then(() => res) : res;
            });
          },
        };
      },
    };
  },
};

const cached = (db: ChorusDb) => db.tables.some((t) => t.name === DIGESTS);

/** The key of the newest journal entry (0 if none): moves with every change to any coding. Dexie reads only. */
export async function latestCodingChange(db: ChorusDb): Promise<number> {
  if (!cached(db)) return db.codings.count();
  return ((await db.codingJournal.toCollection().lastKey()) as number | undefined) ?? 0;
}

/** A project's codings as read, and the digest to write after (when the read found none or a stale one). */
export interface CodingsRead {
  codings: Coding[];
  refresh: { projectId: string; seq: number } | null;
}

const newestReset = async (db: ChorusDb) => Math.max(0, ...((await db.codingJournal.where('reset').equals(1).primaryKeys()) as number[]));

/**
 * Every coding of a project, in id order (retracted documents' codings included; see listCodings).
 * Dexie reads only (tables: codings, codingDigests, codingJournal), so it is safe inside a caller's
 * transaction; pass `refresh` to saveCodingDigest after that transaction.
 */
export async function readProjectCodings(db: ChorusDb, projectId: string): Promise<CodingsRead> {
  if (!cached(db)) return { codings: await db.codings.where('projectId').equals(projectId).toArray(), refresh: null };
  const [digest, reset] = await Promise.all([db.codingDigests.get(projectId), newestReset(db)]);
  if (digest && digest.seq >= reset && !digestDamage(digest)) {
    const entries = await db.codingJournal.where(':id').above(digest.seq).toArray();
    const codings = applyCodingChanges(digestToCodings(digest), projectId, entries);
    const changed = entries.reduce((n, e) => n + e.written.length + e.deleted.length, 0);
    const seq = entries.at(-1)?.seq ?? digest.seq;
    return { codings, refresh: entries.length >= REFRESH_ENTRIES || changed >= REFRESH_CODINGS ? { projectId, seq } : null };
  }
  const [codings, seq] = await Promise.all([db.codings.where('projectId').equals(projectId).toArray(), latestCodingChange(db)]);
  return { codings, refresh: { projectId, seq } };
}

/**
 * Write the digest of `codings` (read up to journal entry `seq`) and prune the journal, unless a
 * reset came after `seq` (a purge since the read: its codings must not come back). Never throws:
 * the cache is an optimisation, and a failed write only means the next read does more work.
 */
export async function saveCodingDigest(db: ChorusDb, refresh: CodingsRead['refresh'], codings: readonly Coding[] | CodingDigest): Promise<void> {
  if (!refresh || !cached(db)) return;
  const digest = Array.isArray(codings) ? digestCodings(refresh.projectId, refresh.seq, codings) : (codings as CodingDigest);
  try {
    await db.transaction('rw', db.codingDigests, db.codingJournal, async () => {
      if ((await newestReset(db)) > refresh.seq) return;
      const current = await db.codingDigests.get(refresh.projectId);
      if (current && current.seq > refresh.seq) return;
      await db.codingDigests.put(digest);
      const newest = await latestCodingChange(db);
      // (seq is indexed, so this reads keys, never the digests themselves)
      const seqs = (await db.codingDigests.orderBy('seq').keys()) as number[];
      const ids = (await db.codingDigests.orderBy('seq').primaryKeys()) as string[];
      const behind = ids.filter((_, i) => seqs[i]! < newest - MAX_BACKLOG);
      if (behind.length) await db.codingDigests.bulkDelete(behind);
      const oldest = seqs[behind.length] ?? Infinity;
      // keep every entry a digest still needs, and the newest (the change stamp reads its key)
      const upTo = Math.min(oldest, newest - 1);
      if (upTo > 0) await db.codingJournal.where(':id').belowOrEqual(upTo).delete();
    });
  } catch {
    /* the cache is an optimisation: the next read rebuilds it */
  }
}

/** A project's codings (retracted documents' included), read through the digest, which is written after when it was missing or stale. */
export async function projectCodings(db: ChorusDb, projectId: string): Promise<Coding[]> {
  const tables = cached(db) ? [db.codings, db.codingDigests, db.codingJournal] : [db.codings];
  const read = await db.transaction('r', tables, () => readProjectCodings(db, projectId));
  await saveCodingDigest(db, read.refresh, read.codings);
  return read.codings;
}

/** A project's codings as columns (readCodingColumns), or, with no usable digest, its records as read, to be digested after the read. */
export type CodingColumnsRead = { digest: CodingDigest; changes: CodingJournalEntry[]; seq: number };
type ColumnsOrRecords = CodingColumnsRead | { records: Coding[]; seq: number };

/** readCodingColumns' part inside a read transaction (Dexie reads only; tables: codings, codingDigests, codingJournal): finish it with columnsRead after. */
export async function readCodingColumnsIn(db: ChorusDb, projectId: string): Promise<ColumnsOrRecords> {
  if (cached(db)) {
    const [digest, reset] = await Promise.all([db.codingDigests.get(projectId), newestReset(db)]);
    if (digest && digest.seq >= reset && !digestDamage(digest)) {
      const changes = await db.codingJournal.where(':id').above(digest.seq).toArray();
      return { digest, changes, seq: changes.at(-1)?.seq ?? digest.seq };
    }
  }
  const [records, seq] = await Promise.all([db.codings.where('projectId').equals(projectId).toArray(), latestCodingChange(db)]);
  return { records, seq };
}

/** After readCodingColumnsIn's transaction: records read are digested, and the digest written. */
export async function columnsRead(db: ChorusDb, projectId: string, read: ColumnsOrRecords): Promise<CodingColumnsRead> {
  if ('digest' in read) return read;
  const digest = digestCodings(projectId, read.seq, read.records);
  await saveCodingDigest(db, { projectId, seq: read.seq }, digest);
  return { digest, changes: [], seq: read.seq };
}

/**
 * A project's codings as columns, never as an object per coding (the survey grid's and the
 * codebook counts' read): its digest and the journal entries after it (every project's: apply them
 * with the project's id), up to journal entry `seq`. With no usable digest the records are read
 * once, and their digest is written and returned.
 */
export async function readCodingColumns(db: ChorusDb, projectId: string): Promise<CodingColumnsRead> {
  const tables = cached(db) ? [db.codings, db.codingDigests, db.codingJournal] : [db.codings];
  return columnsRead(db, projectId, await db.transaction('r', tables, () => readCodingColumnsIn(db, projectId)));
}

/**
 * The journal entries after entry `since` (every project's), up to `seq`; null when they are not
 * all there any more (pruned, or a reset since: a purge or a project's deletion), so the reader
 * must read the codings whole (readCodingColumns). A store without the journal always says null.
 */
export async function readCodingChangesSince(db: ChorusDb, since: number): Promise<{ changes: CodingJournalEntry[]; seq: number } | null> {
  if (!cached(db)) return null;
  return db.transaction('r', db.codingJournal, async () => {
    const [reset, first] = await Promise.all([newestReset(db), db.codingJournal.toCollection().firstKey() as Promise<number | undefined>]);
    if (reset > since) return null;
    // entries are numbered one after another: a first entry past the next one means some were pruned
    if (first !== undefined && first > since + 1) return null;
    const changes = await db.codingJournal.where(':id').above(since).toArray();
    return { changes, seq: changes.at(-1)?.seq ?? since };
  });
}

/**
 * Forget every digest and journal entry and leave one reset entry (inside the caller's transaction,
 * which must include both tables): after a purge or a project's deletion nothing of the removed
 * codings stays here, and a digest read before it can never be written back.
 */
export async function resetCodingCache(db: ChorusDb): Promise<void> {
  if (!cached(db)) return;
  await db.codingDigests.clear();
  await db.codingJournal.clear();
  await db.codingJournal.add({ written: [], deleted: [], reset: 1 });
}

/** The cache's tables, for a transaction that resets it (none in a database older than v8). */
export const codingCacheTables = (db: ChorusDb) => (cached(db) ? [db.codingDigests, db.codingJournal] : []);
