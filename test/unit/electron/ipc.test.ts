import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { ipcContract, parseIpcResult } from '../../../shared/ipc/contract';
import { handleChannel, IpcFailure, makeHandler, type IpcEventLike } from '../../../electron/main/ipc';

const trusted: IpcEventLike = { senderFrame: { url: 'app://chorus/index.html' } };

describe('makeHandler', () => {
  const double = makeHandler(z.strictObject({ n: z.number().int() }), ({ n }) => n * 2);

  it('answers a trusted, valid call with {ok: true, value}', async () => {
    expect(await double(trusted, { n: 21 })).toEqual({ ok: true, value: 42 });
  });

  it('refuses frames not served from app://chorus/ before looking at the payload', async () => {
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: { url: 'file:///index.html' } }, { senderFrame: null }, {}]) {
      const result = await double(event, { n: 1 });
      expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' });
    }
  });

  it('rejects a payload that fails the schema with bad-request and says why', async () => {
    const result = await double(trusted, { n: 'one' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('bad-request');
    expect(result.message).toMatch(/n/);
    expect(await double(trusted, { n: 1, extra: true })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await double(trusted, undefined)).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('turns IpcFailure into its code and any other throw into io-error, never rejecting', async () => {
    const cancelled = makeHandler(z.undefined(), () => {
      throw new IpcFailure('cancelled', 'user closed the dialog');
    });
    expect(await cancelled(trusted)).toEqual({ ok: false, code: 'cancelled', message: 'user closed the dialog' });
    const broken = makeHandler(z.undefined(), async () => {
      throw new Error('EACCES: permission denied');
    });
    expect(await broken(trusted)).toEqual({ ok: false, code: 'io-error', message: 'EACCES: permission denied' });
  });

  it('does not run the handler for a refused call', async () => {
    let ran = 0;
    const h = makeHandler(z.undefined(), () => ++ran);
    await h({ senderFrame: { url: 'https://evil.example/' } });
    await h(trusted, 'unexpected');
    expect(ran).toBe(0);
    await h(trusted);
    expect(ran).toBe(1);
  });
});

describe('handleChannel', () => {
  it('registers the channel with the contract’s request schema', async () => {
    const registered = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    handleChannel({ handle: (channel, listener) => void registered.set(channel, listener) }, IPC_CHANNELS.fileOpen, (req) => ({
      files: req.multiple ? [{ name: 'a.csv', bytes: new Uint8Array([1]) }] : [],
    }));
    const listener = registered.get('file:open');
    expect(listener).toBeDefined();
    expect(await listener?.(trusted, { title: 'Import', filters: [{ name: 'CSV', extensions: ['csv'] }], multiple: true })).toEqual({
      ok: true,
      value: { files: [{ name: 'a.csv', bytes: new Uint8Array([1]) }] },
    });
    expect(await listener?.(trusted, { title: 'Import', filters: [{ name: 'CSV', extensions: ['.csv'] }], multiple: true })).toMatchObject({
      ok: false,
      code: 'bad-request',
    });
  });
});

describe('IPC contract', () => {
  it('accepts well-formed requests for every channel', () => {
    expect(ipcContract['file:open'].request.safeParse({ title: 'Open', filters: [], multiple: false }).success).toBe(true);
    expect(ipcContract['file:save'].request.safeParse({ suggestedName: 'pack.html', bytes: new Uint8Array(3), filters: [] }).success).toBe(true);
    expect(ipcContract['app:info'].request.safeParse(undefined).success).toBe(true);
  });

  it('refuses save names with a folder part and bytes that are not a Uint8Array', () => {
    const save = ipcContract['file:save'].request;
    for (const suggestedName of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\x.dll', 'a\u0000.txt', '..', '']) {
      expect(save.safeParse({ suggestedName, bytes: new Uint8Array(1), filters: [] }).success, suggestedName).toBe(false);
    }
    for (const bytes of [[1, 2, 3], 'abc', new ArrayBuffer(3), new Uint16Array(2), null]) {
      expect(save.safeParse({ suggestedName: 'x.csv', bytes, filters: [] }).success).toBe(false);
    }
  });

  it('parseIpcResult checks answers against the response schema', () => {
    expect(parseIpcResult('app:info', { ok: true, value: { version: '1', platform: 'linux', electron: '45' } })).toEqual({
      ok: true,
      value: { version: '1', platform: 'linux', electron: '45' },
    });
    expect(parseIpcResult('file:save', { ok: false, code: 'cancelled' })).toEqual({ ok: false, code: 'cancelled' });
    const malformed = parseIpcResult('file:open', { ok: true, value: { files: [{ name: 'a', bytes: 'not bytes' }] } });
    expect(malformed).toMatchObject({ ok: false, code: 'io-error' });
    expect(parseIpcResult('file:open', { ok: false, code: 'teapot' })).toMatchObject({ ok: false, code: 'io-error' });
  });
});
