/**
 * IPC channel names and the app's own origin. Deliberately free of zod so the sandboxed
 * preload can import it without pulling in a schema library.
 */
export const IPC_CHANNELS = {
  fileSave: 'file:save',
  appInfo: 'app:info',
  /** An unlocked project key held by the main process with safeStorage, for this app session only. */
  sessionKeyHold: 'session-key:hold',
  sessionKeyTake: 'session-key:take',
  sessionKeyForget: 'session-key:forget',
  /** A pack's self-contained HTML printed to PDF by Chromium in a hidden, offline window (Electron's printToPDF). */
  packPrintPdf: 'pack:print-pdf',
  /** Main → renderer: a File-menu command or a project file the OS asked Chorus to open. */
  appCommand: 'app:command',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** The privileged custom scheme the app is served from: app://chorus/… (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'chorus';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Why an IPC call failed. */
export type IpcErrorCode = 'bad-request' | 'untrusted-sender' | 'cancelled' | 'io-error';
export const IPC_ERROR_CODES: readonly IpcErrorCode[] = ['bad-request', 'untrusted-sender', 'cancelled', 'io-error'];

/** Every IPC answer: a value, or a code the renderer can act on (Signal Desktop style). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: IpcErrorCode; message?: string };
