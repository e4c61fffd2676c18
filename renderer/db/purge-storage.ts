/**
 * After a purge, make the storage engine forget the old copies. Chromium keeps IndexedDB in
 * LevelDB, which never overwrites in place: a deleted or rewritten row's old value stays in the
 * write-ahead log (.log) and in table files (.ldb) until the log is flushed and the tables are
 * compacted — which Chromium does only now and then. Writing (and deleting) enough incompressible
 * filler fills the in-memory table several times over, so the log holding the old values is
 * flushed and deleted and the level-0 tables are compacted, dropping shadowed values and deleted
 * rows. The filler lives in the `scratch` table only for the moment it takes; no project data.
 * Measured in test/e2e/retraction.e2e.ts (the LevelDB files of a real Chromium profile).
 */
import type { ChorusDb } from './schema';

/** Bytes of filler: several times LevelDB's write buffer (Chromium uses a few MB). */
export const CHURN_BYTES = 48 * 1024 * 1024;
/** Below Blink's 64 KiB threshold for moving a value into a blob file, so it goes through LevelDB. */
const ROW_BYTES = 60 * 1024;
const ROWS_PER_TRANSACTION = 32;

function filler(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let o = 0; o < n; o += 65_536) globalThis.crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65_536)));
  return out;
}

/** Write and delete `bytes` of random filler in small transactions (never holding project tables). */
export async function churnStorage(db: ChorusDb, bytes = CHURN_BYTES): Promise<void> {
  if (!db.tables.some((t) => t.name === 'scratch')) return;
  const rows = Math.ceil(bytes / ROW_BYTES);
  for (let i = 0; i < rows; i += ROWS_PER_TRANSACTION) {
    const batch = Array.from({ length: Math.min(ROWS_PER_TRANSACTION, rows - i) }, (_, j) => ({ key: `fill-${i + j}`, data: filler(ROW_BYTES) }));
    await db.scratch.bulkPut(batch);
    await db.scratch.clear();
  }
}
