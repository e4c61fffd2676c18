import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import pkg from '../../package.json';
import type { ChorusBridge } from '../../shared/ipc/contract';
import { createBrowserPlatform } from '../../renderer/platform/browser';
import { createElectronPlatform } from '../../renderer/platform/electron';
import { getPlatform, pickedBytes, PlatformError, selectPlatform } from '../../renderer/platform/index';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

/** Make the next click on a file input "choose" these files (or cancel when null). */
function chooseOnClick(files: File[] | null) {
  const seen: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    seen.push(this);
    expect(this.isConnected).toBe(true);
    if (files === null) {
      this.dispatchEvent(new Event('cancel'));
      return;
    }
    Object.defineProperty(this, 'files', { value: files, configurable: true });
    this.dispatchEvent(new Event('change'));
  });
  return seen;
}

describe('browser platform', () => {
  it('opens files through a hidden file input and reads their bytes', async () => {
    const seen = chooseOnClick([new File(['id,text\n1,hi\n'], 'a.csv'), new File([new Uint8Array([0, 255, 7])], 'b.xlsx')]);
    const files = await createBrowserPlatform().openFiles({ title: 'Import', accept: ['.csv', '.xlsx'], multiple: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('file');
    expect(seen[0]?.accept).toBe('.csv,.xlsx');
    expect(seen[0]?.multiple).toBe(true);
    expect(seen[0]?.hidden).toBe(true);
    expect(files.map((f) => f.name)).toEqual(['a.csv', 'b.xlsx']);
    expect(new TextDecoder().decode(await pickedBytes(files[0]!))).toBe('id,text\n1,hi\n');
    expect(Array.from(await pickedBytes(files[1]!))).toEqual([0, 255, 7]);
    expect(document.querySelector('input')).toBeNull();
  });

  it('keeps one file when multiple is false, and resolves [] on cancel', async () => {
    chooseOnClick([new File(['1'], 'one.txt'), new File(['2'], 'two.txt')]);
    const one = await createBrowserPlatform().openFiles({ title: 'Open', accept: [], multiple: false });
    expect(one.map((f) => f.name)).toEqual(['one.txt']);
    vi.restoreAllMocks();
    chooseOnClick(null);
    expect(await createBrowserPlatform().openFiles({ title: 'Open', accept: [], multiple: true })).toEqual([]);
    expect(document.querySelector('input')).toBeNull();
  });

  it('saves through a Blob download link with the name and type given', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:app://chorus/1234'));
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: add them for this test only.
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const saved = await createBrowserPlatform().saveFile('pack.html', new TextEncoder().encode('<h1>Pack</h1>'), 'text/html');
    expect(saved).toBe(true);
    expect(clicked[0]?.download).toBe('pack.html');
    expect(clicked[0]?.href).toBe('blob:app://chorus/1234');
    expect(blobs[0]?.type).toBe('text/html');
    expect(await blobs[0]?.text()).toBe('<h1>Pack</h1>');
    expect(document.querySelector('a')).toBeNull();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:app://chorus/1234');
  });

  it('reports the package version and fills random bytes past the 65,536-byte Web Crypto limit', async () => {
    const platform = createBrowserPlatform();
    expect(await platform.appInfo()).toEqual({ version: pkg.version, platform: 'browser' });
    const bytes = platform.randomBytes(70_000);
    expect(bytes).toHaveLength(70_000);
    expect(bytes.subarray(65_536).some((b) => b !== 0)).toBe(true);
    expect(platform.randomBytes(0)).toHaveLength(0);
    expect(() => platform.randomBytes(-1)).toThrow(RangeError);
  });
});

function fakeBridge(overrides: Partial<ChorusBridge> = {}) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(command: unknown) => void>();
  const bridge: ChorusBridge = {
    onAppCommand: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    saveFile: async (request) => (calls.push(['saveFile', request]), { ok: true, value: { saved: true, path: '/home/a/pack.html' } }),
    appInfo: async () => (calls.push(['appInfo', undefined]), { ok: true, value: { version: '0.1.0', platform: 'linux', electron: '45.5.0' } }),
    holdSessionKey: async (request) => (calls.push(['holdSessionKey', request]), { ok: true, value: { held: true } }),
    takeSessionKey: async (request) => (calls.push(['takeSessionKey', request]), { ok: true, value: { key: null } }),
    forgetSessionKey: async (request) => (calls.push(['forgetSessionKey', request]), { ok: true, value: { forgotten: 0 } }),
    printToPdf: async (request) => (calls.push(['printToPdf', request]), { ok: true, value: { pdf: new TextEncoder().encode('%PDF-1.4 printed') } }),
    ...overrides,
  };
  return { bridge, calls, send: (command: unknown) => listeners.forEach((l) => l(command)), listeners };
}

describe('electron platform', () => {
  it('prints HTML to PDF through the bridge (Electron’s printToPDF); a refusal is an error; the browser has no printToPdf', async () => {
    const { bridge, calls } = fakeBridge();
    const pdf = await createElectronPlatform(bridge).printToPdf!('<!DOCTYPE html><p>pack</p>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 printed');
    expect(calls).toEqual([['printToPdf', { html: '<!DOCTYPE html><p>pack</p>' }]]);
    const refused = fakeBridge({ printToPdf: async () => ({ ok: false, code: 'io-error', message: 'printing the pack took too long' }) });
    await expect(createElectronPlatform(refused.bridge).printToPdf!('<p>x</p>')).rejects.toThrow(/took too long/);
    const malformed = fakeBridge({ printToPdf: async () => ({ ok: true, value: { pdf: 'not bytes' } }) as never });
    await expect(createElectronPlatform(malformed.bridge).printToPdf!('<p>x</p>')).rejects.toThrow(/malformed answer on pack:print-pdf/);
    expect(createBrowserPlatform().printToPdf).toBeUndefined();
  });

  it('holds, takes and forgets a session key through the bridge; the browser has no session keys', async () => {
    const key = new Uint8Array(32).fill(9);
    const { bridge, calls } = fakeBridge({ takeSessionKey: async () => ({ ok: true, value: { key } }) });
    const keys = createElectronPlatform(bridge).sessionKeys!;
    await keys.hold('0f8fad5b-d9cb-469f-a165-70867728950e', key);
    expect(await keys.take('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(key);
    await keys.forget(null);
    expect(calls.map(([name]) => name)).toEqual(['holdSessionKey', 'forgetSessionKey']);
    const refused = fakeBridge({ holdSessionKey: async () => ({ ok: false, code: 'io-error', message: 'this system offers no safe storage' }) });
    await expect(createElectronPlatform(refused.bridge).sessionKeys!.hold('0f8fad5b-d9cb-469f-a165-70867728950e', key)).rejects.toThrow(/no safe storage/);
    expect(createBrowserPlatform().sessionKeys).toBeUndefined();
  });

  it('opens files through a hidden file input (the OS dialog), handing over the picked Files themselves, never the bridge', async () => {
    const { bridge, calls } = fakeBridge();
    const picked = [new File(['id,text\n1,hi\n'], 'a.csv'), new File([new Uint8Array([0, 255, 7])], 'b.xlsx')];
    const seen = chooseOnClick(picked);
    const files = await createElectronPlatform(bridge).openFiles({ title: 'Import', accept: ['.csv', '.xlsx'], multiple: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('file');
    expect(seen[0]?.accept).toBe('.csv,.xlsx');
    expect(seen[0]?.multiple).toBe(true);
    expect(seen[0]?.hidden).toBe(true);
    expect(files.map((f) => f.name)).toEqual(['a.csv', 'b.xlsx']);
    // the very (disk-backed) File objects, not copies of their bytes
    expect(files[0]?.data).toBe(picked[0]);
    expect(files[1]?.data).toBe(picked[1]);
    expect(new TextDecoder().decode(await pickedBytes(files[0]!))).toBe('id,text\n1,hi\n');
    expect(calls).toEqual([]);
    expect(document.querySelector('input')).toBeNull();
  });

  it('keeps one file when multiple is false, and resolves [] on cancel', async () => {
    const { bridge } = fakeBridge();
    const seen = chooseOnClick([new File(['1'], 'one.txt'), new File(['2'], 'two.txt')]);
    const one = await createElectronPlatform(bridge).openFiles({ title: 'Open', accept: [], multiple: false });
    expect(seen[0]?.multiple).toBe(false);
    expect(seen[0]?.accept).toBe('');
    expect(one.map((f) => f.name)).toEqual(['one.txt']);
    vi.restoreAllMocks();
    chooseOnClick(null);
    expect(await createElectronPlatform(bridge).openFiles({ title: 'Open', accept: ['.csv'], multiple: true })).toEqual([]);
    expect(document.querySelector('input')).toBeNull();
  });

  it('puts the file input in the document it was given (selectPlatform passes the window’s)', async () => {
    const other = document.implementation.createHTMLDocument('other');
    const seen = chooseOnClick([new File(['x'], 'x.csv')]);
    const win = { chorus: fakeBridge().bridge, document: other } as unknown as Window;
    const platform = selectPlatform(win);
    expect(platform.kind).toBe('electron');
    const files = await platform.openFiles({ title: 'Import', accept: ['.csv'], multiple: false });
    expect(seen[0]?.ownerDocument).toBe(other);
    expect(files.map((f) => f.name)).toEqual(['x.csv']);
    expect(other.querySelector('input')).toBeNull();
  });

  it('saves with a filter for the file’s extension and returns whether it was saved', async () => {
    const { bridge, calls } = fakeBridge();
    const bytes = new Uint8Array([1, 2]);
    expect(await createElectronPlatform(bridge).saveFile('pack.html', bytes, 'text/html')).toBe(true);
    expect(calls).toEqual([['saveFile', { suggestedName: 'pack.html', bytes, filters: [{ name: 'HTML file', extensions: ['html'] }] }]]);
    const cancelled = fakeBridge({ saveFile: async () => ({ ok: true, value: { saved: false } }) });
    expect(await createElectronPlatform(cancelled.bridge).saveFile('x', bytes, 'text/plain')).toBe(false);
  });

  it('unwraps error results into PlatformError with the contract code and message', async () => {
    const { bridge } = fakeBridge({ saveFile: async () => ({ ok: false, code: 'io-error', message: 'pack.html: permission denied' }) });
    const error = await createElectronPlatform(bridge).saveFile('pack.html', new Uint8Array([1]), 'text/html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'io-error', message: 'pack.html: permission denied' });
    const cancelled = fakeBridge({ saveFile: async () => ({ ok: false, code: 'cancelled' }) });
    expect(await createElectronPlatform(cancelled.bridge).saveFile('pack.html', new Uint8Array([1]), 'text/html')).toBe(false);
  });

  it('treats malformed answers and rejected calls as io-error', async () => {
    const malformed = fakeBridge({ appInfo: async () => ({ ok: true, value: { version: 1 } }) as never });
    await expect(createElectronPlatform(malformed.bridge).appInfo()).rejects.toMatchObject({ code: 'io-error', message: expect.stringMatching(/malformed answer on app:info/) });
    const rejected = fakeBridge({ saveFile: () => Promise.reject(new Error('channel closed')) });
    await expect(createElectronPlatform(rejected.bridge).saveFile('a.csv', new Uint8Array(), 'text/csv')).rejects.toMatchObject({
      code: 'io-error',
      message: 'file:save failed: channel closed',
    });
  });

  it('reports version and platform only', async () => {
    expect(await createElectronPlatform(fakeBridge().bridge).appInfo()).toEqual({ version: '0.1.0', platform: 'linux' });
  });
});

describe('getPlatform', () => {
  it('picks Electron when the preload exposed window.chorus, else the browser', () => {
    expect(selectPlatform(window).kind).toBe('browser');
    const withBridge = Object.create(window, { chorus: { value: fakeBridge().bridge } }) as Window;
    expect(selectPlatform(withBridge).kind).toBe('electron');
    expect(getPlatform()).toBe(getPlatform());
    expect(getPlatform().kind).toBe('browser');
  });
});

describe('app commands (File menu, OS open-file, shortcuts)', () => {
  it('passes valid commands from the Electron menu on, drops malformed ones, and stops listening when asked', () => {
    const { bridge, send, listeners } = fakeBridge();
    const seen: unknown[] = [];
    const stop = createElectronPlatform(bridge).onAppCommand((c) => seen.push(c));
    send({ type: 'open-project' });
    send({ type: 'export-project' });
    send({ type: 'open-file', name: 'coded.qdpx', bytes: new Uint8Array([80, 75, 3, 4]) });
    send({ type: 'open-file', name: '../../etc/passwd', bytes: new Uint8Array(1) });
    send({ type: 'format-disk' });
    send('open-project');
    expect(seen.map((c) => (c as { type: string }).type)).toEqual(['open-project', 'export-project', 'open-file']);
    stop();
    expect(listeners.size).toBe(0);
    send({ type: 'open-project' });
    expect(seen).toHaveLength(3);
  });

  it('in a browser, Ctrl/Cmd+O opens and Ctrl/Cmd+E exports; other keys and Shift/Alt combinations do nothing', () => {
    const seen: string[] = [];
    const stop = createBrowserPlatform().onAppCommand((c) => seen.push(c.type));
    const press = (init: KeyboardEventInit) => {
      const e = new KeyboardEvent('keydown', { cancelable: true, ...init });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press({ key: 'o', ctrlKey: true })).toBe(true);
    expect(press({ key: 'E', metaKey: true })).toBe(true);
    expect(press({ key: 'o' })).toBe(false);
    expect(press({ key: 'o', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(press({ key: 's', ctrlKey: true })).toBe(false);
    expect(seen).toEqual(['open-project', 'export-project']);
    stop();
    press({ key: 'o', ctrlKey: true });
    expect(seen).toHaveLength(2);
  });
});
