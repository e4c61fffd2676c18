/**
 * Passphrase → key, with Argon2id (RFC 9106; hash-wasm's WebAssembly build). The parameters are
 * stored beside the data they protect (a sealed bundle's header, a project's lock record), so they
 * can be raised later without making older data unreadable.
 *
 * Defaults: m = 64 MiB, t = 3 passes, p = 1 lane, a 16-byte random salt — RFC 9106's second
 * recommended option (m = 64 MiB, t = 3) for memory-constrained use; about a second on a laptop.
 *
 * One Argon2id run yields 48 bytes: the first 32 are the AES-256-GCM key, the last 16 the
 * key-check value stored in the clear. The check tells a wrong passphrase apart from damaged data
 * (a wrong passphrase fails the check; right passphrase + failed GCM tag = tampered) and reveals
 * nothing about the key (independent output bytes of the hash).
 */
import { NotEncryptedDataError } from './errors';
import { importAesKey, randomBytes, sameBytes, type AesKey } from './webcrypto';

export interface KdfParams {
  algorithm: 'argon2id';
  /** Memory in KiB (65536 = 64 MiB). */
  memoryKiB: number;
  /** Passes over memory. */
  iterations: number;
  /** Lanes. */
  parallelism: number;
  salt: Uint8Array;
}

export const DEFAULT_KDF: Readonly<Omit<KdfParams, 'salt'>> = { algorithm: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };
export const SALT_BYTES = 16;
export const KEY_CHECK_BYTES = 16;

/**
 * Limits on parameters read from a file or the store: a hostile header must not make us allocate
 * gigabytes or spin for hours, and parameters below the floor are not worth trusting.
 */
export const KDF_LIMITS = { memoryKiB: [8, 1024 * 1024], iterations: [1, 64], parallelism: [1, 16], salt: [8, 64] } as const;

/** Fresh parameters with a random salt (tests may pass cheaper ones; they are recorded all the same). */
export function newKdfParams(overrides: Partial<Omit<KdfParams, 'salt' | 'algorithm'>> = {}): KdfParams {
  const p: KdfParams = { ...DEFAULT_KDF, ...overrides, salt: randomBytes(SALT_BYTES) };
  checkKdfParams(p);
  return p;
}

export function checkKdfParams(p: KdfParams): void {
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (p.algorithm !== 'argon2id') throw new NotEncryptedDataError(`unknown key derivation "${String(p.algorithm)}" (only Argon2id is supported)`);
  if (!within(p.memoryKiB, KDF_LIMITS.memoryKiB)) throw new NotEncryptedDataError(`Argon2id memory ${p.memoryKiB} KiB is outside ${KDF_LIMITS.memoryKiB.join('–')} KiB`);
  if (!within(p.iterations, KDF_LIMITS.iterations)) throw new NotEncryptedDataError(`Argon2id passes ${p.iterations} are outside ${KDF_LIMITS.iterations.join('–')}`);
  if (!within(p.parallelism, KDF_LIMITS.parallelism)) throw new NotEncryptedDataError(`Argon2id lanes ${p.parallelism} are outside ${KDF_LIMITS.parallelism.join('–')}`);
  if (!within(p.salt.length, KDF_LIMITS.salt)) throw new NotEncryptedDataError(`a salt of ${p.salt.length} bytes is outside ${KDF_LIMITS.salt.join('–')} bytes`);
  if (p.memoryKiB < 8 * p.parallelism) throw new NotEncryptedDataError('Argon2id memory must be at least 8 KiB per lane');
}

export interface DerivedKey {
  key: AesKey;
  /** The key-check value (store it beside the parameters). */
  check: Uint8Array;
}

/** Run Argon2id once: the AES-GCM key and its check value. */
export async function deriveKey(passphrase: string, p: KdfParams): Promise<DerivedKey> {
  const { raw, check } = await deriveKeyMaterial(passphrase, p);
  const key = await importAesKey(raw);
  raw.fill(0);
  return { key, check };
}

/**
 * The raw 32 key bytes and the check (for holding a key elsewhere, e.g. Electron safeStorage for
 * the session); zero the bytes when done. Prefer deriveKey, which never exposes them.
 */
export async function deriveKeyMaterial(passphrase: string, p: KdfParams): Promise<{ raw: Uint8Array; check: Uint8Array }> {
  checkKdfParams(p);
  if (passphrase.length === 0) throw new Error('The passphrase is empty');
  // (loaded when a key is first derived: its WebAssembly build is not part of the app's first load)
  const { argon2id } = await import('hash-wasm');
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: p.salt,
    iterations: p.iterations,
    parallelism: p.parallelism,
    memorySize: p.memoryKiB,
    hashLength: 32 + KEY_CHECK_BYTES,
    outputType: 'binary',
  });
  const raw = out.slice(0, 32);
  const check = out.slice(32);
  out.fill(0);
  return { raw, check };
}

/** Derive and compare with the stored check: the key, or null if the passphrase is wrong. */
export async function deriveAndCheck(passphrase: string, p: KdfParams, expected: Uint8Array): Promise<AesKey | null> {
  const d = await deriveKey(passphrase, p);
  return sameBytes(d.check, expected) ? d.key : null;
}
