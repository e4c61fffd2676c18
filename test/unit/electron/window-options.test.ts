import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/window-options';

describe('buildWindowOptions', () => {
  it('sets every security flag of the Electron checklist', () => {
    const options = buildWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', devTools: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist-electron/preload.cjs',
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
      safeDialogs: true,
      enableWebSQL: false,
      devTools: false,
    });
  });

  it('only DevTools follows the input; the security flags never do', () => {
    const dev = buildWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences;
    const prod = buildWindowOptions({ preloadPath: '/p.cjs', devTools: false }).webPreferences;
    expect(dev?.devTools).toBe(true);
    expect({ ...dev, devTools: false }).toEqual(prod);
  });

  it('creates the window hidden until ready-to-show', () => {
    expect(buildWindowOptions({ preloadPath: '/p.cjs', devTools: false }).show).toBe(false);
  });
});
