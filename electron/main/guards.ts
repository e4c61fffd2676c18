/**
 * Pure security guards for the main process: which URLs a window may navigate to or fetch,
 * which frames may call IPC, and how an app:// URL maps onto a file under dist/renderer.
 * No Electron import, so every rule is unit-tested directly.
 */
import path from 'node:path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../shared/ipc/channels';

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** app://chorus/… exactly: no credentials, no port, no look-alike host. */
function isAppUrl(u: URL): boolean {
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}

/** A window may only navigate within the app itself (e.g. a reload); everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  const u = parse(url);
  return u !== null && isAppUrl(u);
}

/**
 * The network filter: only the app's own files, DevTools, and inline data:/blob: URLs created by
 * the app. Every http(s), ws(s), file, ftp… request is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  if (u === null) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(u);
    case 'devtools:':
    case 'data:':
      return true;
    case 'blob:':
      // blob:app://chorus/<uuid> — a blob the app itself created.
      return url.startsWith(`blob:${APP_ORIGIN}/`);
    default:
      return false;
  }
}

/** The print window (a pack's HTML as a data: URL) may load itself and nothing else: no app files, no blobs, no network. */
export function isAllowedPrintRequest(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'data:' || url === 'about:blank');
}

/** Only the app's own top-level pages may call IPC. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  const u = parse(frameUrl);
  return u !== null && isAppUrl(u);
}

/**
 * Map app://chorus/<path> onto a file inside `root`, or null if the URL is not the app's, the
 * path is malformed (bad percent-encoding, NUL, backslash, drive letter) or escapes `root`.
 * `/` and `/index.html` both serve index.html. Query and fragment are ignored.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const u = parse(url);
  if (u === null || !isAppUrl(u)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/[\\\u0000-\u001f:]/.test(decoded)) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  if (resolved === base || !resolved.startsWith(base + path.sep)) return null;
  return resolved;
}
