/**
 * `pack:print-pdf`: a pack's self-contained HTML printed to an A4 PDF by Chromium (Electron's
 * printToPDF), so the app's PDF is the printed HTML pack itself. The HTML is loaded as a data: URL
 * in a hidden window of its own: sandboxed, no preload, no JavaScript, in an in-memory session whose
 * every request other than data: and about:blank is cancelled (nothing can be fetched), with no
 * permissions. The window is destroyed afterwards, whether printing worked or not. Electron is
 * injected (PrintDeps), so this is unit-tested with fakes.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAllowedPrintRequest } from './guards';
import { LOCKED_DOWN } from './window-options';

/** The parts of an Electron Session the print window's session is locked down with. */
export interface PrintSessionLike {
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** The parts of a BrowserWindow the print uses. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: {
    printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean; landscape: boolean }): Promise<Uint8Array>;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

export interface PrintDeps {
  /** The print window's session (Electron: session.fromPartition('chorus-print'): in memory, not the app's). */
  session: PrintSessionLike;
  createWindow(options: BrowserWindowConstructorOptions): PrintWindowLike;
  /** Give up after this long (ms); default one minute. */
  timeoutMs?: number;
}

/** The print window: hidden, sandboxed, isolated, no preload, no JavaScript, no DevTools, its own session. */
export function buildPrintWindowOptions(session: unknown): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: session as NonNullable<BrowserWindowConstructorOptions['webPreferences']>['session'],
      ...LOCKED_DOWN,
      javascript: false,
      devTools: false,
    },
  };
}

const locked = new WeakSet<object>();

/** Cancel every request but data: and about:blank; refuse every permission. Once per session. */
export function lockPrintSession(session: PrintSessionLike): void {
  if (locked.has(session)) return;
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url) }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  locked.add(session);
}

/** The HTML as a data: URL (base64: no character of the pack can end the URL early). */
export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

export async function printHtmlToPdf(html: string, deps: PrintDeps): Promise<Uint8Array> {
  lockPrintSession(deps.session);
  const win = deps.createWindow(buildPrintWindowOptions(deps.session));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('printing the pack took too long')), deps.timeoutMs ?? 60_000);
    });
    const print = (async () => {
      await win.loadURL(htmlDataUrl(html));
      // the pack's print stylesheet sets A4 (@page); landscape only if it asks
      return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, landscape: false });
    })();
    const pdf = await Promise.race([print, timeout]);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    clearTimeout(timer);
    if (!win.isDestroyed()) win.destroy();
  }
}
