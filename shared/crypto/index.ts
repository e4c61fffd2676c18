/** Encryption for Chorus: Argon2id keys with a key check (kdf.ts), sealed hand-over bundles (sealed.ts). Pure: WebCrypto from globalThis. */
export { WrongPassphraseError, TamperedDataError, NotEncryptedDataError } from './errors';
export { DEFAULT_KDF, KDF_LIMITS, SALT_BYTES, KEY_CHECK_BYTES, newKdfParams, checkKdfParams, deriveKey, deriveKeyMaterial, deriveAndCheck, type KdfParams, type DerivedKey } from './kdf';
export { seal, sealParts, sealPartsWithKey, joinParts, openSealed, sealWithKey, openWithKey, readSealedHeader, looksSealed, SEALED_VERSION, type SealedHeader } from './sealed';
export { importAesKey, sameBytes, type AesKey } from './webcrypto';
