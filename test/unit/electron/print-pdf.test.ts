/** `pack:print-pdf` in the main process, with Electron faked: a hidden, sandboxed, script-less window in a locked session that can fetch nothing, always destroyed. */
import { describe, expect, it } from 'vitest';
import { buildPrintWindowOptions, htmlDataUrl, lockPrintSession, printHtmlToPdf, type PrintSessionLike, type PrintWindowLike } from '../../../electron/main/print-pdf';
import { isAllowedPrintRequest } from '../../../electron/main/guards';

function fakeSession() {
  const hooks: { request?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void; permission?: (c: unknown, p: string, cb: (g: boolean) => void) => void; check?: () => boolean } = {};
  let registrations = 0;
  const session: PrintSessionLike = {
    webRequest: { onBeforeRequest: (l) => void ((hooks.request = l), registrations++) },
    setPermissionRequestHandler: (h) => void (hooks.permission = h),
    setPermissionCheckHandler: (h) => void (hooks.check = h),
  };
  const cancelled = (url: string) => {
    let answer: boolean | undefined;
    hooks.request!({ url }, (r) => (answer = r.cancel));
    return answer;
  };
  return { session, hooks, cancelled, registrations: () => registrations };
}

function fakeWindow(behaviour: { load?: () => Promise<void>; print?: () => Promise<Uint8Array> } = {}) {
  const seen = { options: null as unknown, urls: [] as string[], printOptions: [] as unknown[], destroyed: 0 };
  const win: PrintWindowLike = {
    loadURL: async (url) => {
      seen.urls.push(url);
      await behaviour.load?.();
    },
    webContents: {
      printToPDF: async (o) => (seen.printOptions.push(o), behaviour.print ? behaviour.print() : new TextEncoder().encode('%PDF-1.7 fake')),
    },
    isDestroyed: () => seen.destroyed > 0,
    destroy: () => void seen.destroyed++,
  };
  return { seen, create: (options: unknown) => ((seen.options = options), win) };
}

describe('printHtmlToPdf', () => {
  it('loads the HTML as a base64 data: URL in a hidden window, prints A4 with the page’s own @page size, and destroys the window', async () => {
    const s = fakeSession();
    const w = fakeWindow();
    const html = '<!DOCTYPE html><title>Pack</title><p>“Quotes” & <b>bold</b> #1 %20</p>';
    const pdf = await printHtmlToPdf(html, { session: s.session, createWindow: w.create });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(w.seen.urls).toEqual([htmlDataUrl(html)]);
    const b64 = w.seen.urls[0]!.replace('data:text/html;charset=utf-8;base64,', '');
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(html);
    expect(w.seen.printOptions).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, landscape: false }]);
    expect(w.seen.destroyed).toBe(1);
    expect(w.seen.options).toEqual(buildPrintWindowOptions(s.session));
  });

  it('the window is hidden, sandboxed, isolated, without JavaScript, preload, Node or DevTools, in the print session', () => {
    const session = { marker: true };
    const o = buildPrintWindowOptions(session);
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({ session, sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, javascript: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: false });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it('the session cancels every request but data: and about:blank, refuses every permission, and is locked once', async () => {
    const s = fakeSession();
    lockPrintSession(s.session);
    lockPrintSession(s.session);
    expect(s.registrations()).toBe(1);
    expect(s.cancelled('data:text/html;base64,PHA+')).toBe(false);
    expect(s.cancelled('about:blank')).toBe(false);
    for (const url of ['https://example.com/x.png', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://chorus/index.html', 'blob:app://chorus/1', 'ws://x/', 'about:srcdoc?x', 'not a url'])
      expect(s.cancelled(url), url).toBe(true);
    let granted: boolean | undefined;
    s.hooks.permission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(s.hooks.check!()).toBe(false);
    expect(isAllowedPrintRequest('DATA:text/plain,x')).toBe(true);
  });

  it('destroys the window when loading or printing fails, and passes the error on', async () => {
    for (const behaviour of [{ load: () => Promise.reject(new Error('ERR_BLOCKED_BY_CLIENT')) }, { print: () => Promise.reject(new Error('Printing failed')) }]) {
      const w = fakeWindow(behaviour);
      await expect(printHtmlToPdf('<p>x</p>', { session: fakeSession().session, createWindow: w.create })).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT|Printing failed/);
      expect(w.seen.destroyed).toBe(1);
    }
  });

  it('gives up after the timeout and destroys the window', async () => {
    const w = fakeWindow({ load: () => new Promise<void>(() => undefined) });
    await expect(printHtmlToPdf('<p>x</p>', { session: fakeSession().session, createWindow: w.create, timeoutMs: 20 })).rejects.toThrow(/took too long/);
    expect(w.seen.destroyed).toBe(1);
  });
});
