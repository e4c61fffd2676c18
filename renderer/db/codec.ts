/**
 * The one storage codec for document text and memos. Today it stores plain text; encryption at
 * rest (AES-GCM with a key held by the platform) plugs in here without touching features.
 */
export type StoredText = { v: 0; text: string } | { v: 1; iv: Uint8Array; data: Uint8Array };

export interface StorageCodec {
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

let active: StorageCodec = plainCodec;

export function getCodec(): StorageCodec {
  return active;
}

/** Swap the codec (e.g. after the user unlocks an encrypted store). */
export function setCodec(codec: StorageCodec): void {
  active = codec;
}
