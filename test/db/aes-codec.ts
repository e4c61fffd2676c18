/** A real AES-GCM storage codec for tests (a fresh random key each call), so every db test can run with encryption on. */
import { aesGcmCodec, type StorageCodec } from '../../renderer/db/codec';

export async function freshAesCodec(): Promise<StorageCodec> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return aesGcmCodec(key);
}
