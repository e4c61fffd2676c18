/**
 * Deny-by-default wiring for sessions and web contents: no remote requests, no navigation away
 * from the app, no new windows, no webviews, no permissions. The decisions are the pure guards.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './guards';

/**
 * Cancel every request that is not the app's own; refuse every permission request and check.
 * Opening a file is not a permission: a file input's chooser is the OS dialog and yields only the
 * Files the user picked, so refusing everything (including 'fileSystem', the File System Access
 * API the app does not use) leaves importing working.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Applied to every WebContents as it is created (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  const blockNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-frame-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
