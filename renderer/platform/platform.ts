/**
 * The one seam between the UI and the machine it runs on: Electron (through the preload's
 * window.chorus) or a plain browser. Features take a Platform; they never test which one it is.
 */
import type { IpcErrorCode } from '../../shared/ipc/channels';
import type { AppCommand } from '../../shared/ipc/contract';

export type { AppCommand };

export interface OpenFilesOptions {
  /** Dialog title, e.g. 'Import survey responses'. */
  title: string;
  /** Extensions with the dot, e.g. ['.csv', '.xlsx']; empty means any file. */
  accept: string[];
  multiple: boolean;
}

export interface PickedFile {
  name: string;
  /** The file's contents: the disk-backed File the user picked (read in slices, never copied whole). */
  data: Blob;
}

/** A picked file's bytes, whole (for small files: codebooks, workbooks). */
export async function pickedBytes(file: PickedFile): Promise<Uint8Array> {
  return new Uint8Array(await file.data.arrayBuffer());
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** The OS's file dialog (a file input, in Electron too); resolves to [] if the user cancels. */
  openFiles(opts: OpenFilesOptions): Promise<PickedFile[]>;
  /** Resolves to false if the user cancels (Electron); the browser cannot tell, so resolves true once the download starts. */
  saveFile(name: string, bytes: Uint8Array, mime: string): Promise<boolean>;
  appInfo(): Promise<{ version: string; platform: string }>;
  randomBytes(n: number): Uint8Array;
  /**
   * File-menu commands (Open…, Export…) and project files the OS asks Chorus to open. In Electron
   * they come from the application menu and file associations; in a browser from Ctrl/Cmd+O and
   * Ctrl/Cmd+E. Returns a function that stops listening.
   */
  onAppCommand(handler: (command: AppCommand) => void): () => void;
  /**
   * Electron only: print self-contained HTML (a pack) to an A4 PDF with Chromium's printToPDF, in a
   * hidden, sandboxed window that can fetch nothing. Absent in a browser: packs use pdfmake there.
   */
  printToPdf?(html: string): Promise<Uint8Array>;
  /**
   * Electron only: hold an unlocked project key for this app session (encrypted with safeStorage
   * in the main process's memory; gone when the app quits), so a reloaded window can reopen it.
   */
  sessionKeys?: {
    hold(projectId: string, key: Uint8Array): Promise<void>;
    take(projectId: string): Promise<Uint8Array | null>;
    /** One project's key, or every key (null). */
    forget(projectId: string | null): Promise<void>;
  };
}

/** A platform call that failed for a reason the UI can report. */
export class PlatformError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** Web Crypto random bytes; getRandomValues fills at most 65,536 bytes per call. */
export function cryptoRandomBytes(n: number, crypto: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): Uint8Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`randomBytes: n must be a whole number ≥ 0, got ${n}`);
  const out = new Uint8Array(n);
  for (let offset = 0; offset < n; offset += 65536) crypto.getRandomValues(out.subarray(offset, Math.min(n, offset + 65536)));
  return out;
}
