/**
 * The few WebCrypto calls the core uses, typed minimally (shared/ compiles without DOM or Node
 * types). The implementation is the platform's `globalThis.crypto` (browser, Electron, Node ≥ 19).
 */

/** An AES-GCM key as WebCrypto holds it (a CryptoKey; opaque here). */
export interface AesKey {
  readonly type: string;
  readonly algorithm: unknown;
}

interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array;
  additionalData?: Uint8Array;
}

export interface MinimalSubtle {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: { name: 'AES-GCM' }, extractable: boolean, usages: ('encrypt' | 'decrypt')[]): Promise<AesKey>;
  encrypt(algorithm: AesGcmParams, key: AesKey, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: AesKey, data: Uint8Array): Promise<ArrayBuffer>;
}

interface MinimalCrypto {
  subtle: MinimalSubtle;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function platformCrypto(): MinimalCrypto {
  const c = (globalThis as { crypto?: MinimalCrypto }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto is not available on this platform, so encrypted data cannot be read or written');
  return c;
}

export function subtle(): MinimalSubtle {
  return platformCrypto().subtle;
}

export function randomBytes(n: number): Uint8Array {
  return platformCrypto().getRandomValues(new Uint8Array(n));
}

/** Import 32 raw bytes as a non-extractable AES-256-GCM key. */
export function importAesKey(raw: Uint8Array): Promise<AesKey> {
  if (raw.length !== 32) throw new RangeError(`an AES-256 key is 32 bytes, not ${raw.length}`);
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Constant-time comparison of two byte strings (for the key-check value). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
