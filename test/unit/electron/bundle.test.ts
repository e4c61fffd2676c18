/**
 * Builds dist-electron with `node electron/build.mjs` into a temporary folder (no Electron binary
 * needed) and runs the bundles against a fake `electron` module, checking the real wiring:
 * privileged scheme before ready, sandbox, single-instance lock, hardened session, secure window,
 * IPC handlers, and the preload bridge.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'chorus-electron-build-'));
  const run = spawnSync(process.execPath, ['electron/build.mjs', '--outdir', outdir], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`electron/build.mjs failed: ${run.stderr}`);
}, 60_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

type Fn = (...args: never[]) => unknown;

/** Run a CommonJS bundle with `require('electron')` answered by `fake`. */
function runBundle(file: string, fake: unknown): void {
  const code = readFileSync(file, 'utf8');
  const realRequire = createRequire(file);
  const module = { exports: {} };
  const fn = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  fn(module.exports, (id: string) => (id === 'electron' ? fake : realRequire(id)), module, file, path.dirname(file));
}

function fakeElectron(options: { lock: boolean }) {
  const log: string[] = [];
  const appHandlers = new Map<string, Fn>();
  const ipcHandlers = new Map<string, Fn>();
  const windows: Array<{ options: Record<string, unknown>; url?: string; contentsHandlers: Map<string, Fn> }> = [];
  const sessionHooks: { beforeRequest?: Fn; permissionRequest?: Fn; permissionCheck?: Fn } = {};
  const printHooks: { beforeRequest?: Fn; permissionRequest?: Fn; permissionCheck?: Fn } = {};
  const protocolHandlers = new Map<string, Fn>();
  const menus: unknown[][] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const sent: Array<[string, unknown]> = [];
  const errorBoxes: string[] = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    static fromWebContents = () => null;
    options: Record<string, unknown>;
    url?: string;
    contentsHandlers = new Map<string, Fn>();
    webContents = {
      on: (event: string, fn: Fn) => void this.contentsHandlers.set(event, fn),
      send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
      printToPDF: (o: unknown) => (log.push(`printToPDF ${JSON.stringify(o)}`), Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake'))),
    };
    destroyed = false;
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    constructor(opts: Record<string, unknown>) {
      log.push('new BrowserWindow');
      this.options = opts;
      windows.push(this);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => (log.push('requestSingleInstanceLock'), options.lock),
      quit: () => void log.push('quit'),
      enableSandbox: () => void log.push('enableSandbox'),
      on: (event: string, fn: Fn) => void appHandlers.set(event, fn),
      whenReady: () => ready,
      getAppPath: () => '/opt/Chorus/resources/app.asar',
      getVersion: () => '0.1.0',
      getPath: () => '/home/analyst/Documents',
      isPackaged: true,
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, body: string) => void errorBoxes.push(`${title}: ${body}`) },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => void (menus.push(menu.template), log.push(`setApplicationMenu ${menu.template.length}`)),
    },
    ipcMain: { handle: (channel: string, fn: Fn) => void ipcHandlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void log.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, fn: Fn) => void (log.push(`protocol.handle ${scheme}`), protocolHandlers.set(scheme, fn)),
    },
    session: {
      fromPartition: (name: string) => {
        log.push(`fromPartition ${name}`);
        return {
          webRequest: { onBeforeRequest: (fn: Fn) => void (printHooks.beforeRequest = fn) },
          setPermissionRequestHandler: (fn: Fn) => void (printHooks.permissionRequest = fn),
          setPermissionCheckHandler: (fn: Fn) => void (printHooks.permissionCheck = fn),
        };
      },
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: Fn) => void (sessionHooks.beforeRequest = fn) },
        setPermissionRequestHandler: (fn: Fn) => void (sessionHooks.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => void (sessionHooks.permissionCheck = fn),
      },
    },
  };
  return { electron, log, appHandlers, ipcHandlers, windows, sessionHooks, printHooks, protocolHandlers, resolveReady, ready, sent, errorBoxes, menus };
}

describe('dist-electron/main.cjs', () => {
  it('contains no insecure window flags and loads no file:// page', () => {
    const code = readFileSync(path.join(outdir, 'main.cjs'), 'utf8');
    expect(code).not.toMatch(/nodeIntegration:\s*(true|!0)/);
    expect(code).not.toMatch(/contextIsolation:\s*(false|!1)/);
    expect(code).not.toMatch(/sandbox:\s*(false|!1)/);
    expect(code).not.toMatch(/loadFile\(|loadURL\(\s*["'`]file:/);
  });

  it('quits at once when another instance holds the lock', () => {
    const fake = fakeElectron({ lock: false });
    runBundle(path.join(outdir, 'main.cjs'), fake.electron);
    expect(fake.log).toEqual(['requestSingleInstanceLock', 'quit']);
  });

  it('wires scheme, sandbox and hardening before ready, then serves the app in a secure window', async () => {
    const fake = fakeElectron({ lock: true });
    runBundle(path.join(outdir, 'main.cjs'), fake.electron);
    expect(fake.log[0]).toBe('requestSingleInstanceLock');
    expect(fake.log).toContain('enableSandbox');
    expect(fake.log.find((l) => l.startsWith('registerSchemesAsPrivileged'))).toContain('"scheme":"app"');
    expect(fake.log).not.toContain('new BrowserWindow');
    expect(fake.appHandlers.has('web-contents-created')).toBe(true);
    expect(fake.appHandlers.has('second-instance')).toBe(true);

    fake.resolveReady();
    await fake.ready;
    await new Promise((r) => setTimeout(r, 0));

    expect(fake.log.indexOf('protocol.handle app')).toBeLessThan(fake.log.indexOf('new BrowserWindow'));
    expect(fake.log.some((l) => l.startsWith('setApplicationMenu'))).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.url).toBe('app://chorus/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: path.join('/opt/Chorus/resources/app.asar', 'dist-electron', 'preload.cjs'),
    });

    let decision: unknown;
    (fake.sessionHooks.beforeRequest as unknown as (d: { url: string }, cb: (r: unknown) => void) => void)({ url: 'https://example.com/' }, (r) => (decision = r));
    expect(decision).toEqual({ cancel: true });
    expect((fake.sessionHooks.permissionCheck as unknown as () => boolean)()).toBe(false);

    expect([...fake.ipcHandlers.keys()].sort()).toEqual(['app:info', 'file:save', 'pack:print-pdf', 'session-key:forget', 'session-key:hold', 'session-key:take']);
    const appInfo = fake.ipcHandlers.get('app:info') as unknown as (e: unknown, p?: unknown) => Promise<unknown>;
    expect(await appInfo({ senderFrame: { url: 'app://chorus/index.html' } })).toMatchObject({ ok: true, value: { version: '0.1.0', platform: process.platform } });
    expect(await appInfo({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, code: 'untrusted-sender' });
    const fileSave = fake.ipcHandlers.get('file:save') as unknown as (e: unknown, p?: unknown) => Promise<unknown>;
    expect(await fileSave({ senderFrame: { url: 'app://chorus/index.html' } }, { suggestedName: '../x.csv', bytes: new Uint8Array(1), filters: [] })).toMatchObject({
      ok: false,
      code: 'bad-request',
    });

    const handler = fake.protocolHandlers.get('app') as unknown as (r: Request) => Promise<Response>;
    expect((await handler(new Request('app://chorus/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
  });

  it('pack:print-pdf prints the HTML in a hidden, script-less window of the in-memory print session, which can fetch nothing, then destroys it', async () => {
    const fake = fakeElectron({ lock: true });
    runBundle(path.join(outdir, 'main.cjs'), fake.electron);
    fake.resolveReady();
    await fake.ready;
    await new Promise((r) => setTimeout(r, 0));
    const print = fake.ipcHandlers.get('pack:print-pdf') as unknown as (e: unknown, p?: unknown) => Promise<{ ok: boolean; value?: { pdf: Uint8Array } }>;
    expect(await print({ senderFrame: { url: 'https://evil.example/' } }, { html: '<p>x</p>' })).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(fake.windows).toHaveLength(1);
    const answer = await print({ senderFrame: { url: 'app://chorus/index.html' } }, { html: '<!DOCTYPE html><p>pack</p>' });
    expect(answer.ok).toBe(true);
    expect(new TextDecoder().decode(answer.value!.pdf)).toBe('%PDF-1.7 fake');
    expect(fake.log).toContain('fromPartition chorus-print');
    const win = fake.windows[1] as unknown as { options: { show: boolean; webPreferences: Record<string, unknown> }; url: string; destroyed: boolean };
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, devTools: false });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(win.destroyed).toBe(true);
    const decide = (url: string) => {
      let d: unknown;
      (fake.printHooks.beforeRequest as unknown as (x: { url: string }, cb: (r: unknown) => void) => void)({ url }, (r) => (d = r));
      return d;
    };
    expect(decide('https://example.com/')).toEqual({ cancel: true });
    expect(decide('app://chorus/index.html')).toEqual({ cancel: true });
    expect(decide('data:image/png;base64,AA==')).toEqual({ cancel: false });
  });
});

describe('File menu and file association (bundle against the fake electron)', () => {
  type Item = { label?: string; click?: () => void; submenu?: Item[] };
  const findItem = (items: Item[], label: string): Item | undefined =>
    items.map((i) => (i.label === label ? i : i.submenu ? findItem(i.submenu, label) : undefined)).find(Boolean);

  it('File › Open Project… and Export Project… reach the page as app commands, held until the page has loaded', async () => {
    const fake = fakeElectron({ lock: true });
    runBundle(path.join(outdir, 'main.cjs'), fake.electron);
    fake.resolveReady();
    await fake.ready;
    await new Promise((r) => setTimeout(r, 0));
    const menu = fake.menus[0] as Item[];
    findItem(menu, 'Open Project…')!.click!();
    expect(fake.sent).toEqual([]);
    (fake.windows[0]!.contentsHandlers.get('did-finish-load') as unknown as () => void)();
    expect(fake.sent).toEqual([['app:command', { type: 'open-project' }]]);
    findItem(menu, 'Export Project…')!.click!();
    expect(fake.sent[1]).toEqual(['app:command', { type: 'export-project' }]);
  });

  it('a .qdpx the OS opens is read and handed to the page; anything else gets an error box, never a read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-open-file-'));
    const file = path.join(dir, 'coded by Sam.qdpx');
    writeFileSync(file, new Uint8Array([80, 75, 3, 4, 9]));
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    try {
      const fake = fakeElectron({ lock: true });
      runBundle(path.join(outdir, 'main.cjs'), fake.electron);
      fake.resolveReady();
      await fake.ready;
      await new Promise((r) => setTimeout(r, 0));
      (fake.windows[0]!.contentsHandlers.get('did-finish-load') as unknown as () => void)();
      (fake.appHandlers.get('open-file') as unknown as (e: { preventDefault(): void }, p: string) => void)({ preventDefault() {} }, file);
      (fake.appHandlers.get('second-instance') as unknown as (e: unknown, argv: string[]) => void)({}, ['/opt/chorus', '--flag', path.join(dir, 'missing.qdpx')]);
      await new Promise((r) => setTimeout(r, 50));
      expect(fake.sent).toHaveLength(1);
      const [channel, payload] = fake.sent[0] as [string, { type: string; name: string; bytes: Uint8Array }];
      expect(channel).toBe('app:command');
      expect(payload.type).toBe('open-file');
      expect(payload.name).toBe('coded by Sam.qdpx');
      expect([...payload.bytes]).toEqual([80, 75, 3, 4, 9]);
      expect(fake.errorBoxes).toHaveLength(1);
      expect(fake.errorBoxes[0]).toMatch(/missing\.qdpx/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist-electron/preload.cjs', () => {
  it('is small, bundles no schema library and exposes only window.chorus', async () => {
    const file = path.join(outdir, 'preload.cjs');
    expect(readFileSync(file, 'utf8')).not.toMatch(/zod/i);
    const exposed: Array<[string, Record<string, unknown>]> = [];
    const invoked: unknown[][] = [];
    runBundle(file, {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void exposed.push([name, api]) },
      ipcRenderer: { invoke: async (...args: unknown[]) => void invoked.push(args) },
    });
    expect(exposed.map(([name]) => name)).toEqual(['chorus']);
    const api = exposed[0]?.[1] ?? {};
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'forgetSessionKey', 'holdSessionKey', 'onAppCommand', 'printToPdf', 'saveFile', 'takeSessionKey']);
    await (api.appInfo as () => Promise<unknown>)();
    expect(invoked).toEqual([['app:info']]);
  });
});
