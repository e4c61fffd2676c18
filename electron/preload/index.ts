/**
 * Preload (bundled to dist-electron/preload.cjs; runs sandboxed with context isolation).
 * Exposes a closed, named API as window.chorus. ipcRenderer itself is never exposed, and the
 * renderer cannot choose the channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { ChorusBridge } from '../../shared/ipc/contract';

const api: ChorusBridge = {
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.fileSave, request),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  holdSessionKey: (request) => ipcRenderer.invoke(IPC_CHANNELS.sessionKeyHold, request),
  takeSessionKey: (request) => ipcRenderer.invoke(IPC_CHANNELS.sessionKeyTake, request),
  forgetSessionKey: (request) => ipcRenderer.invoke(IPC_CHANNELS.sessionKeyForget, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.packPrintPdf, request),
  onAppCommand: (listener) => {
    const handler = (_event: unknown, command: unknown) => listener(command);
    ipcRenderer.on(IPC_CHANNELS.appCommand, handler);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.appCommand, handler);
  },
};

contextBridge.exposeInMainWorld('chorus', Object.freeze(api));
