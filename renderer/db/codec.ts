/**
 * The one storage codec for document text and memos. A plain store keeps `{v:0,text}`; an encrypted
 * one keeps AES-GCM ciphertext `{v:1,iv,data}` made with a key the user unlocks. Encoding and
 * decoding are asynchronous (WebCrypto), so callers run them before or after a Dexie transaction,
 * never inside one.
 */
import { TamperedDataError } from '../../shared/crypto';

export type StoredText = { v: 0; text: string } | { v: 1; iv: Uint8Array; data: Uint8Array };

export interface StorageCodec {
  /** True when encode encrypts (so caches of derived content, such as term counts, go through the codec too). */
  readonly encrypts?: boolean;
  encode(text: string): Promise<StoredText>;
  /** Many texts at once (an import's chunk): one promise, not one per text. */
  encodeMany(texts: readonly string[]): Promise<StoredText[]>;
  decode(stored: StoredText): Promise<string>;
}

export const plainCodec: StorageCodec = {
  async encode(text) {
    return { v: 0, text };
  },
  async encodeMany(texts) {
    return texts.map((text) => ({ v: 0 as const, text }));
  },
  async decode(stored) {
    if (stored.v === 0) return stored.text;
    throw new Error('This text is encrypted and no key is available');
  },
};

/**
 * AES-GCM with a 96-bit random IV per text (WebCrypto: the browser's, Electron's or Node's).
 * `verified`: the key passed its key check (keyring.ts), so a text that fails to decrypt was
 * changed after it was written — reported as tampering, not as a possibly wrong key.
 */
export function aesGcmCodec(key: CryptoKey, subtle: SubtleCrypto = globalThis.crypto.subtle, opts: { verified?: boolean } = {}): StorageCodec {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const encode = async (text: string): Promise<StoredText> => {
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(text)));
    return { v: 1, iv, data };
  };
  return {
    encrypts: true,
    encode,
    encodeMany: (texts) => Promise.all(texts.map(encode)),
    async decode(stored) {
      if (stored.v === 0) return stored.text;
      try {
        const plain = await subtle.decrypt({ name: 'AES-GCM', iv: stored.iv as Uint8Array<ArrayBuffer> }, key, stored.data as Uint8Array<ArrayBuffer>);
        return decoder.decode(plain);
      } catch {
        if (opts.verified) throw new TamperedDataError('a stored text of this project');
        throw new Error('This text could not be decrypted: the key is wrong or the stored data was changed');
      }
    },
  };
}

/**
 * Decode many stored texts at once (after the transaction that read them: a decode is not a Dexie
 * promise, so awaiting it inside a transaction loses the transaction or lets it commit early).
 */
export async function decodeAll(codec: StorageCodec, stored: readonly StoredText[]): Promise<string[]> {
  // a plain text is its own decoding under every codec: taken as it is, so a plain survey's 875,000
  // answers are not 875,000 promises (about 90 MB of garbage in the worker that reads them)
  const out = new Array<string>(stored.length);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < stored.length; i++) {
    const s = stored[i]!;
    if (s.v === 0) out[i] = s.text;
    else pending.push(codec.decode(s).then((text) => void (out[i] = text)));
  }
  await Promise.all(pending);
  return out;
}

let active: StorageCodec = plainCodec;

export function getCodec(): StorageCodec {
  return active;
}

/** Swap the codec (e.g. after the user unlocks an encrypted store). */
export function setCodec(codec: StorageCodec): void {
  active = codec;
}
