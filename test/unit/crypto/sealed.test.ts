import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  deriveAndCheck,
  deriveKey,
  newKdfParams,
  NotEncryptedDataError,
  openSealed,
  readSealedHeader,
  seal,
  TamperedDataError,
  WrongPassphraseError,
} from '../../../shared/crypto';

/** Cheap Argon2id parameters for tests (recorded in the header like any others). */
const FAST = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const text = (s: string) => new TextEncoder().encode(s);

describe('Argon2id key derivation', () => {
  it('uses the stated defaults: 64 MiB, 3 passes, 1 lane, 16-byte salt', () => {
    expect(DEFAULT_KDF).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(newKdfParams().salt).toHaveLength(16);
  });

  it('the same passphrase and salt give the same key check; another passphrase or salt does not', async () => {
    const p = newKdfParams(FAST);
    const a = await deriveKey('correct horse', p);
    const b = await deriveKey('correct horse', p);
    expect([...a.check]).toEqual([...b.check]);
    expect(await deriveAndCheck('correct horse', p, a.check)).not.toBeNull();
    expect(await deriveAndCheck('correct hors', p, a.check)).toBeNull();
    expect(await deriveAndCheck('correct horse', newKdfParams(FAST), a.check)).toBeNull();
  });

  it('a passphrase typed in decomposed form derives the same key (NFC)', async () => {
    const p = newKdfParams(FAST);
    const a = await deriveKey('Zoë', p);
    expect(await deriveAndCheck('Zoe\u0308', p, a.check)).not.toBeNull();
  });

  it('refuses hostile parameters before deriving', async () => {
    await expect(deriveKey('x', { ...newKdfParams(FAST), memoryKiB: 4 * 1024 * 1024 })).rejects.toBeInstanceOf(NotEncryptedDataError);
    await expect(deriveKey('x', { ...newKdfParams(FAST), iterations: 0 })).rejects.toThrow(/passes/);
    await expect(deriveKey('', newKdfParams(FAST))).rejects.toThrow(/empty/);
  });
});

describe('sealed bundles', () => {
  it('round-trips the bytes and records the parameters in the header', async () => {
    const plain = text('PK… a whole project, chorus.json included');
    const sealed = await seal(plain, 'hand-over 2026', FAST);
    const h = readSealedHeader(sealed);
    expect(h.kdf).toMatchObject(FAST);
    expect(h.kdf.salt).toHaveLength(16);
    expect([...(await openSealed(sealed, 'hand-over 2026'))]).toEqual([...plain]);
    // the plaintext is nowhere in the sealed bytes
    expect(Buffer.from(sealed).includes(Buffer.from('chorus.json'))).toBe(false);
  });

  it('seals the same bytes differently every time (fresh salt and nonce)', async () => {
    const plain = text('same');
    const [a, b] = await Promise.all([seal(plain, 'p', FAST), seal(plain, 'p', FAST)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('a wrong passphrase and a tampered file give two different errors', async () => {
    const sealed = await seal(text('the accounts'), 'right', FAST);
    const wrong = await openSealed(sealed, 'wrong').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(WrongPassphraseError);
    expect((wrong as Error).message).toMatch(/passphrase is not the one this bundle was locked with/);
    const bad = sealed.slice();
    bad[bad.length - 20]! ^= 1;
    const tampered = await openSealed(bad, 'right').catch((e: unknown) => e);
    expect(tampered).toBeInstanceOf(TamperedDataError);
    expect((tampered as Error).message).toMatch(/passphrase is right, but this bundle has been changed/);
    expect((tampered as Error).message).not.toBe((wrong as Error).message);
  });

  it('refuses what is not a bundle, a cut-short one and a newer format, with a reason', async () => {
    await expect(openSealed(text('PK\x03\x04 a zip'), 'p')).rejects.toThrow(/not a Chorus sealed bundle/);
    const sealed = await seal(text('x'), 'p', FAST);
    await expect(openSealed(sealed.slice(0, 30), 'p')).rejects.toThrow(/cut short/);
    const newer = sealed.slice();
    newer[14] = 2;
    await expect(openSealed(newer, 'p')).rejects.toThrow(/format version 2/);
  });

  it('property: any single changed byte is refused (never opened), as wrong passphrase, tampering or a format error', async () => {
    const plain = text('Participant P-17 said the officer never called back.');
    const sealed = await seal(plain, 'pw', FAST);
    const h = readSealedHeader(sealed);
    await fc.assert(
      fc.asyncProperty(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), async (at, x) => {
        const bad = sealed.slice();
        bad[at]! ^= x;
        const e = await openSealed(bad, 'pw').then(
          () => null,
          (err: unknown) => err,
        );
        expect(e).not.toBeNull();
        if (at >= h.length - 28) {
          // nonce, key check, ciphertext and tag: the passphrase is still checked right or the check itself changed
          expect(e instanceof TamperedDataError || (at >= h.length - 16 && at < h.length && e instanceof WrongPassphraseError)).toBe(true);
        } else {
          expect(e instanceof WrongPassphraseError || e instanceof TamperedDataError || e instanceof NotEncryptedDataError).toBe(true);
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
