/**
 * Main-process entry (bundled to dist-electron/main.cjs). Lifecycle and wiring only: the
 * decisions live in guards.ts, window-options.ts, protocol.ts, security.ts, ipc.ts, file-handlers.ts.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import { createSessionKeys } from './session-keys';
import { APP_ENTRY_URL, APP_SCHEME, IPC_CHANNELS } from '../../shared/ipc/channels';
import { saveFile, type FileDialogs } from './file-handlers';
import { errorMessage } from '../../shared/error-message';
import { handleChannel } from './ipc';
import { buildMenuTemplate } from './menu';
import { projectPathsFromArgv, readProjectFileCommand } from './open-file';
import type { AppCommand } from '../../shared/ipc/contract';
import { readFile, stat } from 'node:fs/promises';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { buildWindowOptions } from './window-options';
import { printHtmlToPdf } from './print-pdf';

let mainWindow: BrowserWindow | null = null;
/** Commands waiting for the window's page to load (e.g. a .qdpx double-clicked to start Chorus). */
let pending: AppCommand[] = [];
let pageLoaded = false;

function sendCommand(command: AppCommand): void {
  if (mainWindow && pageLoaded) mainWindow.webContents.send(IPC_CHANNELS.appCommand, command);
  else pending.push(command);
}

function openProjectPaths(paths: readonly string[]): void {
  for (const p of paths) {
    readProjectFileCommand(p, { stat, readFile }).then(sendCommand, (e: unknown) => {
      dialog.showErrorBox('Chorus could not open the file', errorMessage(e));
    });
  }
}

function dialogsFor(event: IpcMainInvokeEvent): FileDialogs {
  const parent = BrowserWindow.fromWebContents(event.sender);
  return {
    showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
    defaultSaveFolder: () => app.getPath('documents'),
  };
}

function registerIpc(): void {
  const keys = createSessionKeys(safeStorage);
  handleChannel(ipcMain, IPC_CHANNELS.sessionKeyHold, (request) => keys.hold(request));
  handleChannel(ipcMain, IPC_CHANNELS.sessionKeyTake, (request) => keys.take(request));
  handleChannel(ipcMain, IPC_CHANNELS.sessionKeyForget, (request) => keys.forget(request));
  handleChannel(ipcMain, IPC_CHANNELS.fileSave, (request, event: IpcMainInvokeEvent) => saveFile(dialogsFor(event), request));
  handleChannel(ipcMain, IPC_CHANNELS.packPrintPdf, async (request) => ({
    pdf: await printHtmlToPdf(request.html, { session: session.fromPartition('chorus-print'), createWindow: (options) => new BrowserWindow(options) }),
  }));
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
  pageLoaded = false;
  window.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    const queued = pending;
    pending = [];
    for (const c of queued) window.webContents.send(IPC_CHANNELS.appCommand, c);
  });
  window.on('closed', () => {
    mainWindow = null;
    pageLoaded = false;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_event: unknown, argv: string[]) => {
    openProjectPaths(projectPathsFromArgv(argv ?? []));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS hands double-clicked files over with this event (before or after ready)
  app.on('open-file', (event: { preventDefault(): void }, filePath: string) => {
    event.preventDefault();
    openProjectPaths([filePath]);
  });
  openProjectPaths(projectPathsFromArgv(process.argv.slice(1)));

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
    registerIpc();
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, !app.isPackaged, sendCommand)));
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
