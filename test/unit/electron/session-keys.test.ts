import { describe, expect, it } from 'vitest';
import { handleChannel, IpcFailure, type IpcEventLike } from '../../../electron/main/ipc';
import { createSessionKeys, type SafeStorageLike } from '../../../electron/main/session-keys';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';

/** A stand-in for safeStorage: a reversible transform, so the test can see nothing is kept in clear. */
function fakeSafe(available = true): SafeStorageLike & { sealed: Buffer[] } {
  const sealed: Buffer[] = [];
  return {
    sealed,
    isEncryptionAvailable: () => available,
    encryptString: (s) => {
      const b = Buffer.from(`sealed:${[...s].reverse().join('')}`);
      sealed.push(b);
      return b;
    },
    decryptString: (b) => [...b.toString().replace(/^sealed:/, '')].reverse().join(''),
  };
}

const PID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const key = new Uint8Array(32).map((_, i) => i * 7);
const trusted: IpcEventLike = { senderFrame: { url: 'app://chorus/index.html' } };

describe('session keys (safeStorage, memory only)', () => {
  it('holds a key encrypted with safeStorage, gives it back, and forgets one or all', () => {
    const safe = fakeSafe();
    const keys = createSessionKeys(safe);
    expect(keys.take({ projectId: PID })).toEqual({ key: null });
    expect(keys.hold({ projectId: PID, key })).toEqual({ held: true });
    expect(safe.sealed).toHaveLength(1);
    expect(safe.sealed[0]!.includes(Buffer.from(key).toString('base64'))).toBe(false);
    expect([...keys.take({ projectId: PID }).key!]).toEqual([...key]);
    expect(keys.forget({ projectId: PID })).toEqual({ forgotten: 1 });
    expect(keys.take({ projectId: PID })).toEqual({ key: null });
    keys.hold({ projectId: PID, key });
    expect(keys.forget({ projectId: null })).toEqual({ forgotten: 1 });
    expect(keys.take({ projectId: PID })).toEqual({ key: null });
  });

  it('refuses to hold a key where the system offers no safe storage', () => {
    const keys = createSessionKeys(fakeSafe(false));
    expect(() => keys.hold({ projectId: PID, key })).toThrow(IpcFailure);
    expect(keys.take({ projectId: PID })).toEqual({ key: null });
  });

  it('over IPC: validates the request (a 32-byte key, a project id) and refuses untrusted frames', async () => {
    const registered = new Map<string, (event: IpcEventLike, payload?: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) => void registered.set(channel, listener as never) };
    const keys = createSessionKeys(fakeSafe());
    handleChannel(ipcMain, IPC_CHANNELS.sessionKeyHold, (r) => keys.hold(r));
    handleChannel(ipcMain, IPC_CHANNELS.sessionKeyTake, (r) => keys.take(r));
    const hold = registered.get('session-key:hold')!;
    expect(await hold(trusted, { projectId: PID, key: new Uint8Array(16) })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await hold(trusted, { projectId: '../etc', key })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await hold({ senderFrame: { url: 'https://evil.example/' } }, { projectId: PID, key })).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(await hold(trusted, { projectId: PID, key })).toEqual({ ok: true, value: { held: true } });
    const taken = (await registered.get('session-key:take')!(trusted, { projectId: PID })) as { ok: true; value: { key: Uint8Array } };
    expect([...taken.value.key]).toEqual([...key]);
  });
});
