/** Pick the platform once: Electron if the preload exposed window.chorus, else the browser. */
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';

export type { AppCommand, OpenFilesOptions, PickedFile, Platform } from './platform';
export { PlatformError, pickedBytes } from './platform';

export function selectPlatform(win: Window): Platform {
  return win.chorus ? createElectronPlatform(win.chorus, win.document) : createBrowserPlatform(win.document);
}

let current: Platform | null = null;

export function getPlatform(): Platform {
  current ??= selectPlatform(window);
  return current;
}
