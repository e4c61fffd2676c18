import { beforeAll, describe, expect, it, vi } from 'vitest';

const { exposeInMainWorld, invoke, on, removeListener } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke, send: vi.fn(), on, removeListener, sendSync: vi.fn() },
}));

let api: Record<string, unknown>;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(name).toBe('chorus');
  api = exposed;
});

describe('preload bridge', () => {
  it('exposes exactly these named functions (no file opening: that is a file input) and nothing of ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'forgetSessionKey', 'holdSessionKey', 'onAppCommand', 'printToPdf', 'saveFile', 'takeSessionKey']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api)).not.toContain(invoke);
  });

  it('each function invokes its fixed channel with only the request', async () => {
    const save = { suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] };
    expect(await (api.saveFile as (r: unknown) => Promise<unknown>)(save)).toEqual({ ok: true, value: { channel: 'file:save', args: [save] } });
    expect(await (api.appInfo as (...a: unknown[]) => Promise<unknown>)('ignored', 'extra')).toEqual({ ok: true, value: { channel: 'app:info', args: [] } });
    const hold = { projectId: 'p', key: new Uint8Array(32) };
    expect(await (api.holdSessionKey as (r: unknown, ...x: unknown[]) => Promise<unknown>)(hold, 'extra')).toEqual({ ok: true, value: { channel: 'session-key:hold', args: [hold] } });
    expect(await (api.takeSessionKey as (r: unknown) => Promise<unknown>)({ projectId: 'p' })).toEqual({ ok: true, value: { channel: 'session-key:take', args: [{ projectId: 'p' }] } });
    expect(await (api.printToPdf as (r: unknown, ...x: unknown[]) => Promise<unknown>)({ html: '<p>x</p>' }, 'extra')).toEqual({ ok: true, value: { channel: 'pack:print-pdf', args: [{ html: '<p>x</p>' }] } });
    expect(await (api.forgetSessionKey as (r: unknown) => Promise<unknown>)({ projectId: null })).toEqual({ ok: true, value: { channel: 'session-key:forget', args: [{ projectId: null }] } });
  });
});

describe('app commands', () => {
  it('listens on the one fixed channel, passes only the payload (never the IPC event), and stops when asked', () => {
    const seen: unknown[] = [];
    const stop = (api.onAppCommand as (l: (c: unknown) => void) => () => void)((c) => seen.push(c));
    expect(on).toHaveBeenCalledTimes(1);
    const [channel, handler] = on.mock.calls[0] as [string, (e: unknown, c: unknown) => void];
    expect(channel).toBe('app:command');
    handler({ sender: 'ipc event with powers' }, { type: 'open-project' });
    expect(seen).toEqual([{ type: 'open-project' }]);
    stop();
    expect(removeListener).toHaveBeenCalledWith('app:command', handler);
  });
});
