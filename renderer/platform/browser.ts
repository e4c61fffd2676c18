/**
 * Platform for a plain browser (`npm run web`, Playwright): a hidden <input type=file> to open,
 * a Blob and <a download> to save, Web Crypto for randomness.
 */
import { version } from '../../package.json';
import { cryptoRandomBytes, type AppCommand, type OpenFilesOptions, type PickedFile, type Platform } from './platform';
import { plainFileName } from '../../shared/control-chars';

export function openFilesWithInput(opts: OpenFilesOptions, doc: Document = document): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.multiple = opts.multiple;
    if (opts.accept.length > 0) input.accept = opts.accept.join(',');
    input.title = opts.title;
    input.hidden = true;
    const finish = (files: File[]): void => {
      input.remove();
      // the File itself: the import reads it in slices in its worker, never whole
      resolve(files.map((file): PickedFile => ({ name: file.name, data: file })));
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? []).slice(0, opts.multiple ? undefined : 1)), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    doc.body.append(input);
    input.click();
  });
}

export function saveWithDownload(name: string, bytes: Uint8Array, mime: string, doc: Document = document): Promise<boolean> {
  const blob = new Blob([new Uint8Array(bytes)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = plainFileName(name);
  a.rel = 'noopener';
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke after the click has been handled so the download can start.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return Promise.resolve(true);
}

/** Ctrl/Cmd+O and Ctrl/Cmd+E as the File menu's Open… and Export… (a browser has no app menu). */
export function listenForFileShortcuts(handler: (command: AppCommand) => void, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const key = e.key.toLowerCase();
    if (key !== 'o' && key !== 'e') return;
    e.preventDefault();
    handler({ type: key === 'o' ? 'open-project' : 'export-project' });
  };
  target.addEventListener('keydown', onKey as EventListener);
  return () => target.removeEventListener('keydown', onKey as EventListener);
}

export function createBrowserPlatform(doc: Document = document): Platform {
  return {
    kind: 'browser',
    openFiles: (opts) => openFilesWithInput(opts, doc),
    saveFile: (name, bytes, mime) => saveWithDownload(name, bytes, mime, doc),
    appInfo: () => Promise.resolve({ version, platform: 'browser' }),
    randomBytes: (n) => cryptoRandomBytes(n),
    onAppCommand: (handler) => listenForFileShortcuts(handler, doc.defaultView ?? window),
  };
}
