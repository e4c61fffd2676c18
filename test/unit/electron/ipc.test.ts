import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { AppCommandSchema, ipcContract, parseIpcResult } from '../../../shared/ipc/contract';
import { handleChannel, IpcFailure, makeHandler, type IpcEventLike } from '../../../electron/main/ipc';
import { plainFileName } from '../../../shared/control-chars';

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
    handleChannel({ handle: (channel, listener) => void registered.set(channel, listener) }, IPC_CHANNELS.fileSave, (req) => ({
      saved: req.bytes.length > 0,
      path: `/home/a/${req.suggestedName}`,
    }));
    const listener = registered.get('file:save');
    expect(listener).toBeDefined();
    expect(await listener?.(trusted, { suggestedName: 'pack.html', bytes: new Uint8Array([1]), filters: [{ name: 'HTML', extensions: ['html'] }] })).toEqual({
      ok: true,
      value: { saved: true, path: '/home/a/pack.html' },
    });
    expect(await listener?.(trusted, { suggestedName: 'pack.html', bytes: new Uint8Array([1]), filters: [{ name: 'HTML', extensions: ['.html'] }] })).toMatchObject({
      ok: false,
      code: 'bad-request',
    });
  });
});

describe('IPC contract', () => {
  it('the renderer can invoke exactly the save, app-info, session-key and print channels (none opens or reads a file); app:command only flows main → renderer', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(['app:info', 'file:save', 'pack:print-pdf', 'session-key:forget', 'session-key:hold', 'session-key:take']);
    expect(Object.values(IPC_CHANNELS).sort()).toEqual(['app:command', 'app:info', 'file:save', 'pack:print-pdf', 'session-key:forget', 'session-key:hold', 'session-key:take']);
  });

  it('pack:print-pdf takes HTML text only and answers PDF bytes', () => {
    const req = ipcContract['pack:print-pdf'].request;
    expect(req.safeParse({ html: '<p>x</p>' }).success).toBe(true);
    for (const bad of [{ html: '' }, { html: 1 }, { html: '<p>x</p>', url: 'https://x' }, { path: '/tmp/x.html' }, undefined]) expect(req.safeParse(bad).success).toBe(false);
    expect(parseIpcResult('pack:print-pdf', { ok: true, value: { pdf: new Uint8Array([37, 80]) } }).ok).toBe(true);
    expect(parseIpcResult('pack:print-pdf', { ok: true, value: { pdf: [37, 80] } })).toMatchObject({ ok: false, code: 'io-error' });
  });

  it('app commands: the three known commands pass; a file name with a folder part, other commands and other shapes do not', () => {
    const ok = [{ type: 'open-project' }, { type: 'export-project' }, { type: 'open-file', name: 'coded.qdpx', bytes: new Uint8Array(2) }];
    for (const c of ok) expect(AppCommandSchema.safeParse(c).success).toBe(true);
    const bad = [
      { type: 'open-file', name: '../x.qdpx', bytes: new Uint8Array(2) },
      { type: 'open-file', name: 'x.qdpx', bytes: 'UEsDBA==' },
      { type: 'open-project', path: '/etc/passwd' },
      { type: 'run' },
      'open-project',
      null,
    ];
    for (const c of bad) expect(AppCommandSchema.safeParse(c).success).toBe(false);
  });

  it('accepts well-formed requests for every channel', () => {
    expect(ipcContract['file:save'].request.safeParse({ suggestedName: 'pack.html', bytes: new Uint8Array(3), filters: [] }).success).toBe(true);
    expect(ipcContract['app:info'].request.safeParse(undefined).success).toBe(true);
  });

  it('refuses save names with a folder part and bytes that are not a Uint8Array', () => {
    const save = ipcContract['file:save'].request;
    for (const suggestedName of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\x.dll', 'a\u0000.txt', '..', '', 'report\u202Efdp.exe', 'a\u2067b.csv', 'x\u009b.csv']) {
      expect(save.safeParse({ suggestedName, bytes: new Uint8Array(1), filters: [] }).success, suggestedName).toBe(false);
    }
    expect(plainFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(plainFileName('\u2066\u001b')).toBe('export');
    expect(save.safeParse({ suggestedName: plainFileName('Before \u202Eafter.csv'), bytes: new Uint8Array(1), filters: [] }).success).toBe(true);
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
    const malformed = parseIpcResult('file:save', { ok: true, value: { saved: 'yes' } });
    expect(malformed).toMatchObject({ ok: false, code: 'io-error', message: expect.stringMatching(/malformed answer on file:save/) });
    expect(parseIpcResult('file:save', { ok: false, code: 'teapot' })).toMatchObject({ ok: false, code: 'io-error' });
  });
});
