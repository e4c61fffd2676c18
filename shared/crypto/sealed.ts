/**
 * The sealed hand-over format (`.chorus`): a whole project file (.qdpx bytes, chorus.json
 * included) encrypted and authenticated with AES-256-GCM under a key from the passphrase
 * (Argon2id, kdf.ts). Layout (integers big-endian):
 *
 *   0      14  magic "CHORUS-SEALED\n"
 *   14      1  format version (1)
 *   15      1  key derivation (1 = Argon2id)
 *   16      4  Argon2id memory, KiB
 *   20      4  Argon2id passes
 *   24      1  Argon2id lanes
 *   25      1  salt length n
 *   26      n  salt
 *   26+n   12  GCM nonce (random)
 *   38+n   16  key-check value (kdf.ts)
 *   54+n    …  ciphertext followed by the 16-byte GCM tag
 *
 * The whole header is the GCM additional data, so changing any byte of it or of the ciphertext
 * fails authentication. A changed salt or KDF parameter derives another key and so reads as a
 * wrong passphrase (nothing can tell those apart without the passphrase); every other change is
 * reported as tampering.
 */
import { NotEncryptedDataError, TamperedDataError, WrongPassphraseError } from './errors';
import { checkKdfParams, deriveKey, KEY_CHECK_BYTES, newKdfParams, type DerivedKey, type KdfParams } from './kdf';
import { randomBytes, sameBytes, subtle } from './webcrypto';

const MAGIC = new TextEncoder().encode('CHORUS-SEALED\n');
export const SEALED_VERSION = 1;
const KDF_ARGON2ID = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedHeader {
  version: number;
  kdf: KdfParams;
  nonce: Uint8Array;
  check: Uint8Array;
  /** Length of the header in bytes (where the ciphertext starts). */
  length: number;
}

/** Is this (the start of) a sealed bundle? Cheap: the magic only. */
export function looksSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

function writeHeader(kdf: KdfParams, nonce: Uint8Array, check: Uint8Array, extra: number): { out: Uint8Array; length: number } {
  const length = MAGIC.length + 12 + kdf.salt.length + NONCE_BYTES + KEY_CHECK_BYTES;
  const out = new Uint8Array(length + extra);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let o = MAGIC.length;
  out[o++] = SEALED_VERSION;
  out[o++] = KDF_ARGON2ID;
  view.setUint32(o, kdf.memoryKiB);
  view.setUint32(o + 4, kdf.iterations);
  o += 8;
  out[o++] = kdf.parallelism;
  out[o++] = kdf.salt.length;
  out.set(kdf.salt, o);
  o += kdf.salt.length;
  out.set(nonce, o);
  out.set(check, o + NONCE_BYTES);
  return { out, length };
}

/** Read and check the header (no passphrase needed): a clear error for anything that is not a bundle this build can open. */
export function readSealedHeader(bytes: Uint8Array): SealedHeader {
  if (!looksSealed(bytes)) throw new NotEncryptedDataError('this is not a Chorus sealed bundle (.chorus): its first bytes are not the bundle marker');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = MAGIC.length;
  if (bytes.length < o + 12) throw new NotEncryptedDataError('this sealed bundle is cut short (its header is incomplete)');
  const version = bytes[o++]!;
  if (version !== SEALED_VERSION) throw new NotEncryptedDataError(`this sealed bundle is format version ${version}; this Chorus reads version ${SEALED_VERSION} (it may have been made by a newer Chorus)`);
  const algorithm = bytes[o++]!;
  if (algorithm !== KDF_ARGON2ID) throw new NotEncryptedDataError(`this sealed bundle uses key derivation ${algorithm}, which this Chorus does not know`);
  const memoryKiB = view.getUint32(o);
  const iterations = view.getUint32(o + 4);
  o += 8;
  const parallelism = bytes[o++]!;
  const saltLength = bytes[o++]!;
  const length = o + saltLength + NONCE_BYTES + KEY_CHECK_BYTES;
  if (bytes.length < length + TAG_BYTES) throw new NotEncryptedDataError('this sealed bundle is cut short (no room for its contents)');
  const kdf: KdfParams = { algorithm: 'argon2id', memoryKiB, iterations, parallelism, salt: bytes.slice(o, o + saltLength) };
  checkKdfParams(kdf);
  o += saltLength;
  return { version, kdf, nonce: bytes.slice(o, o + NONCE_BYTES), check: bytes.slice(o + NONCE_BYTES, length), length };
}

/**
 * Seal with an already derived key (the KDF is the slow part; benches and re-seals skip it), as
 * two parts — header and ciphertext — so a writer can put them one after the other without
 * copying the ciphertext (a Blob of both parts, or two writes to a file).
 */
export async function sealPartsWithKey(plain: Uint8Array, kdf: KdfParams, derived: DerivedKey): Promise<[header: Uint8Array, body: Uint8Array]> {
  const nonce = randomBytes(NONCE_BYTES);
  const head = writeHeader(kdf, nonce, derived.check, 0);
  const body = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: nonce, additionalData: head.out }, derived.key, plain));
  return [head.out, body];
}

/** The two parts as one byte array. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function sealWithKey(plain: Uint8Array, kdf: KdfParams, derived: DerivedKey): Promise<Uint8Array> {
  return joinParts(await sealPartsWithKey(plain, kdf, derived));
}

/** Seal a project file with a passphrase (fresh salt and nonce every time). */
export async function seal(plain: Uint8Array, passphrase: string, kdfOverrides: Partial<Omit<KdfParams, 'salt' | 'algorithm'>> = {}): Promise<Uint8Array> {
  return joinParts(await sealParts(plain, passphrase, kdfOverrides));
}

/** seal() as header and ciphertext (see sealPartsWithKey). */
export async function sealParts(plain: Uint8Array, passphrase: string, kdfOverrides: Partial<Omit<KdfParams, 'salt' | 'algorithm'>> = {}): Promise<[header: Uint8Array, body: Uint8Array]> {
  const kdf = newKdfParams(kdfOverrides);
  return sealPartsWithKey(plain, kdf, await deriveKey(passphrase, kdf));
}

/** Open with a derived key whose check already matched the header. */
export async function openWithKey(bytes: Uint8Array, header: SealedHeader, derived: DerivedKey): Promise<Uint8Array> {
  if (!sameBytes(derived.check, header.check)) throw new WrongPassphraseError('this bundle');
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: header.nonce, additionalData: bytes.subarray(0, header.length) },
      derived.key,
      bytes.subarray(header.length),
    );
    return new Uint8Array(plain);
  } catch {
    throw new TamperedDataError('this bundle');
  }
}

/**
 * Open a sealed bundle. Throws NotEncryptedDataError (not a bundle / cut short / newer format),
 * WrongPassphraseError (the key check fails) or TamperedDataError (right passphrase, failed tag).
 */
export async function openSealed(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const header = readSealedHeader(bytes);
  return openWithKey(bytes, header, await deriveKey(passphrase, header.kdf));
}
