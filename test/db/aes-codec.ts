/** Real AES-GCM storage codecs for tests, so every db test can run with encryption on. */
import { afterEach, beforeEach, describe } from 'vitest';
import { aesGcmCodec, plainCodec, setCodec, type StorageCodec } from '../../renderer/db/codec';
import { keyCodec } from '../../renderer/db/keyring';
import { deriveKey, newKdfParams } from '../../shared/crypto';

/** A fresh random AES-256-GCM key (no passphrase). */
export async function freshAesCodec(): Promise<StorageCodec> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return aesGcmCodec(key);
}

/** The codec the app uses after an unlock: a key from a passphrase through Argon2id (cheap parameters for tests). */
export async function passphraseCodec(passphrase = 'test passphrase'): Promise<StorageCodec> {
  return keyCodec((await deriveKey(passphrase, newKdfParams({ memoryKiB: 64, iterations: 1 }))).key);
}

export const CODECS: [string, () => Promise<StorageCodec>][] = [
  ['plain codec', async () => plainCodec],
  ['AES-GCM codec (Argon2id key)', passphraseCodec],
];

/** The plain codec and one with a fresh random AES-GCM key (no Argon2id: cheaper per test), for describe.each. */
export const RANDOM_KEY_CODECS: [string, () => Promise<StorageCodec>][] = [
  ['plain codec', async () => plainCodec],
  ['AES-GCM codec', freshAesCodec],
];

/** Run a suite once with the plain codec and once with a real AES-GCM one (set before each test). */
export function eachCodec(body: () => void): void {
  describe.each(CODECS)('with the %s', (_name, make) => {
    beforeEach(async () => setCodec(await make()));
    afterEach(() => setCodec(plainCodec));
    body();
  });
}
