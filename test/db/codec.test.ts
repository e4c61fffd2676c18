import { describe, expect, it } from 'vitest';
import { plainCodec } from '../../renderer/db/codec';
import { freshAesCodec } from './aes-codec';

describe('AES-GCM storage codec', () => {
  it('round-trips text, including astral characters, and never stores it in clear', async () => {
    const codec = await freshAesCodec();
    const text = 'Ms Nield said “I wasn’t believed” 😞 — twice.';
    const stored = await codec.encode(text);
    expect(stored.v).toBe(1);
    expect(JSON.stringify(stored)).not.toContain('Nield');
    expect(await codec.decode(stored)).toBe(text);
    const many = await codec.encodeMany(['a', 'b', text]);
    expect(await Promise.all(many.map((s) => codec.decode(s)))).toEqual(['a', 'b', text]);
  });

  it('uses a fresh IV for every text', async () => {
    const codec = await freshAesCodec();
    const [a, b] = await codec.encodeMany(['same', 'same']);
    if (a!.v !== 1 || b!.v !== 1) throw new Error('expected ciphertext');
    expect(Buffer.from(a!.iv).equals(Buffer.from(b!.iv))).toBe(false);
  });

  it('refuses a wrong key and a changed ciphertext with a clear message', async () => {
    const one = await freshAesCodec();
    const other = await freshAesCodec();
    const stored = await one.encode('secret');
    await expect(other.decode(stored)).rejects.toThrow(/key is wrong or the stored data was changed/);
    if (stored.v !== 1) throw new Error('expected ciphertext');
    const tampered = { ...stored, data: stored.data.slice() };
    tampered.data[0]! ^= 1;
    await expect(one.decode(tampered)).rejects.toThrow(/could not be decrypted/);
  });

  it('reads plain text stored before encryption was turned on, and the plain codec refuses ciphertext', async () => {
    const codec = await freshAesCodec();
    expect(await codec.decode({ v: 0, text: 'old' })).toBe('old');
    await expect(plainCodec.decode(await codec.encode('x'))).rejects.toThrow(/encrypted/);
  });
});
