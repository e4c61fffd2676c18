import Dexie from 'dexie';
import { ChorusDb, SCHEMA_VERSION } from './schema';
import { StoreError } from './errors';

/**
 * Open (creating or upgrading) the Chorus store. Fails with a StoreError the UI can explain:
 * 'unavailable' (no IndexedDB, e.g. a private window or disabled storage), 'newer-schema'
 * (the data was written by a newer Chorus), 'blocked' (another window holds an old version open).
 */
export async function openChorusDb(name = 'chorus'): Promise<ChorusDb> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw new StoreError('unavailable', 'This browser gives Chorus no IndexedDB storage, so nothing could be saved.');
  }
  const db = new ChorusDb(name);
  try {
    await db.open();
  } catch (e) {
    const err = e as { name?: string; inner?: { name?: string }; message?: string };
    const names = [err.name, err.inner?.name];
    if (names.includes('VersionError') || names.includes(Dexie.errnames.Version)) {
      throw new StoreError(
        'newer-schema',
        `The stored projects were saved by a newer version of Chorus (this version understands schema ${SCHEMA_VERSION}). Update Chorus to open them; nothing has been changed.`,
      );
    }
    if (names.includes('DatabaseClosedError') && /blocked/i.test(err.message ?? '')) {
      throw new StoreError('blocked', 'Another Chorus window is using an older version of the store. Close it and reload.');
    }
    if (names.includes('MissingAPIError') || names.includes('InvalidStateError') || names.includes('UnknownError')) {
      throw new StoreError('unavailable', `IndexedDB storage is unavailable: ${err.message ?? String(e)}`);
    }
    throw e;
  }
  // Dexie 4 opens a store whose native version is higher than ours (written by a newer Chorus)
  // at that version rather than failing, so check it ourselves before anything is read or written.
  const native = db.backendDB()?.version ?? 0;
  if (native >= (SCHEMA_VERSION + 1) * 10) {
    db.close();
    throw new StoreError(
      'newer-schema',
      `The stored projects were saved by a newer version of Chorus (store version ${Math.floor(native / 10)}; this version understands ${SCHEMA_VERSION}). Update Chorus to open them; nothing has been changed.`,
    );
  }
  db.on('versionchange', () => {
    db.close();
  });
  return db;
}
