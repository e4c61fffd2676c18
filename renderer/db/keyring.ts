/**
 * Encryption at rest: which project's key is unlocked. The key lives in memory only (a
 * non-extractable WebCrypto key inside the active storage codec); the store keeps just the lock
 * record — Argon2id parameters, salt and key check (shared/crypto/kdf.ts) — so a wrong passphrase
 * is told apart from changed data, and nothing is written when it is wrong.
 *
 * One project is unlocked at a time: opening another project drops the key (prepareProjectCodec),
 * and so does locking (after inactivity, or by hand).
 */
import { deriveAndCheck, deriveKeyMaterial, importAesKey, sameBytes, TamperedDataError, WrongPassphraseError, type AesKey } from '../../shared/crypto';
import { aesGcmCodec, getCodec, plainCodec, setCodec, type StorageCodec } from './codec';
import type { ChorusDb, ProjectLockRow } from './schema';

export type LockState = 'plain' | 'locked' | 'unlocked';

let unlocked: string | null = null;
let heldKey: AesKey | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

/** Be told when a key is unlocked or dropped (for useSyncExternalStore with unlockedProject). */
export function subscribeKeyring(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Does the project have a passphrase? (A live-query-friendly read of its lock record.) */
export async function hasPassphrase(db: ChorusDb, projectId: string): Promise<boolean> {
  return (await getProjectLock(db, projectId)) !== undefined;
}

/** The codec that holds a verified key (a failed decrypt then means tampering). */
export function keyCodec(key: AesKey): StorageCodec {
  return aesGcmCodec(key as CryptoKey, globalThis.crypto.subtle, { verified: true });
}

export async function getProjectLock(db: ChorusDb, projectId: string): Promise<ProjectLockRow | undefined> {
  // (tests open older schema versions, which have no projectLocks table)
  return db.projectLocks ? db.projectLocks.get(projectId) : undefined;
}

/** Is the project plain, encrypted and locked, or encrypted and unlocked in this window? */
export async function lockState(db: ChorusDb, projectId: string): Promise<LockState> {
  if (!(await getProjectLock(db, projectId))) return 'plain';
  return unlocked === projectId ? 'unlocked' : 'locked';
}

/**
 * Call when a project is opened: a plain project gets the plain codec (and any other project's
 * key is dropped); an encrypted one keeps its key if it is the one unlocked, else it is 'locked'.
 */
export async function prepareProjectCodec(db: ChorusDb, projectId: string): Promise<LockState> {
  const state = await lockState(db, projectId);
  if (state !== 'unlocked') lockAll();
  return state;
}

/**
 * Unlock with the passphrase. Wrong passphrase: WrongPassphraseError, and nothing changes.
 * `keepRaw`: also return the raw key bytes (to hold with Electron safeStorage for the session).
 */
export async function unlockProject(db: ChorusDb, projectId: string, passphrase: string, opts: { keepRaw?: boolean } = {}): Promise<Uint8Array | undefined> {
  const lock = await getProjectLock(db, projectId);
  if (!lock) throw new Error('This project has no passphrase, so there is nothing to unlock');
  if (!opts.keepRaw) {
    const key = await deriveAndCheck(passphrase, lock.kdf, lock.check);
    if (!key) throw new WrongPassphraseError();
    activateKey(projectId, key);
    return undefined;
  }
  const { raw, check } = await deriveKeyMaterial(passphrase, lock.kdf);
  if (!sameBytes(check, lock.check)) throw new WrongPassphraseError();
  activateKey(projectId, await importAesKey(raw));
  return raw;
}

/**
 * Unlock with key bytes held for the session (Electron safeStorage). The key is tried on one
 * stored text first, so a stale or wrong key unlocks nothing.
 */
export async function unlockWithSessionKey(db: ChorusDb, projectId: string, raw: Uint8Array): Promise<boolean> {
  if (!(await getProjectLock(db, projectId))) return false;
  const key = await importAesKey(raw);
  const sample = await db.texts.where('projectId').equals(projectId).first();
  if (sample && sample.stored.v === 1) {
    try {
      await keyCodec(key).decode(sample.stored);
    } catch (e) {
      if (e instanceof TamperedDataError) return false;
      throw e;
    }
  }
  activateKey(projectId, key);
  return true;
}

/** Make `key` the active one for the project (after an unlock or a passphrase change). */
export function activateKey(projectId: string, key: AesKey): void {
  setCodec(keyCodec(key));
  unlocked = projectId;
  heldKey = key;
  changed();
}

/** Drop the key from memory: every encrypted project is locked again. */
export function lockAll(): void {
  const was = unlocked;
  setCodec(plainCodec);
  unlocked = null;
  heldKey = null;
  if (was !== null) changed();
}

/** The project whose key is held, if any. */
export const unlockedProject = (): string | null => unlocked;

/** The held key and its project (to hand to this window's workers, which keep no key of their own). */
export const heldProjectKey = (): { projectId: string; key: AesKey } | null => (unlocked && heldKey ? { projectId: unlocked, key: heldKey } : null);

/**
 * The codec to WRITE a project's texts with (call before the transaction): the held key for the
 * unlocked project, the plain codec for a plain one (never another project's key: an opened or
 * duplicated project is stored plain until it gets its own passphrase), and a refusal for a
 * locked one (nothing may be written under no key or the wrong one).
 */
export async function codecForWrite(db: ChorusDb, projectId: string): Promise<StorageCodec> {
  if (unlocked === projectId) return getCodec();
  if (await getProjectLock(db, projectId)) throw new Error('This project is locked: unlock it with its passphrase first. Nothing was changed.');
  // another project's key is held: this one is written plain; no key held: the codec as set (plain in the app)
  return unlocked !== null ? plainCodec : getCodec();
}
