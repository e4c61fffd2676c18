/**
 * The options every Chorus BrowserWindow is created with. The webPreferences follow the Electron
 * security checklist; test/unit/electron/window-options.test.ts asserts each flag.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of dist-electron/preload.cjs. */
  preloadPath: string;
  /** DevTools are available only in unpackaged (development) runs. */
  devTools: boolean;
}

/** The Electron security checklist's flags, shared by every window Chorus opens (the app's and the print window). */
export const LOCKED_DOWN: Readonly<WebPreferences> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  enableWebSQL: false,
};

export function buildWebPreferences(input: WindowOptionsInput): WebPreferences {
  return { preload: input.preloadPath, ...LOCKED_DOWN, safeDialogs: true, devTools: input.devTools };
}

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Chorus',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(input),
  };
}
