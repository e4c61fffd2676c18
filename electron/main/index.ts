/**
 * Main-process entry (bundled to dist-electron/main.cjs). Lifecycle and wiring only: the
 * decisions live in guards.ts, window-options.ts, protocol.ts, security.ts, ipc.ts, file-handlers.ts.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, IPC_CHANNELS } from '../../shared/ipc/channels';
import { saveFile, type FileDialogs } from './file-handlers';
import { handleChannel } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { buildWindowOptions } from './window-options';

let mainWindow: BrowserWindow | null = null;

function dialogsFor(event: IpcMainInvokeEvent): FileDialogs {
  const parent = BrowserWindow.fromWebContents(event.sender);
  return {
    showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
    defaultSaveFolder: () => app.getPath('documents'),
  };
}

function registerIpc(): void {
  handleChannel(ipcMain, IPC_CHANNELS.fileSave, (request, event: IpcMainInvokeEvent) => saveFile(dialogsFor(event), request));
  handleChannel(ipcMain, IPC_CHANNELS.appInfo, () => ({
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron ?? 'unknown',
  }));
}

function createMainWindow(): BrowserWindow {
  const appRoot = app.getAppPath();
  const window = new BrowserWindow(
    buildWindowOptions({ preloadPath: path.join(appRoot, 'dist-electron', 'preload.cjs'), devTools: !app.isPackaged }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
    registerIpc();
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, !app.isPackaged)));
    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
