/**
 * The file:open and file:save handlers. The main process reads only the files the user picked
 * in the dialog and writes only to the path the user confirmed. Dialogs are injected so the
 * handlers are tested without Electron.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileFilter, FileOpenRequest, FileOpenResponse, FileSaveRequest, FileSaveResponse } from '../../shared/ipc/contract';
import { writeOutputAtomic } from '../cli/files';
import { IpcFailure } from './ipc';
import { errorMessage } from '../../shared/error-message';

/** One file larger than this is refused rather than copied across IPC. */
export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

export interface OpenDialogRequest {
  title: string;
  filters: FileFilter[];
  properties: Array<'openFile' | 'multiSelections'>;
}
export interface SaveDialogRequest {
  defaultPath: string;
  filters: FileFilter[];
}

export interface FileDialogs {
  showOpenDialog(options: OpenDialogRequest): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  /** Folder the save dialog starts in (e.g. Documents). */
  defaultSaveFolder(): string;
}

function ioMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (errorMessage(e));
  return `${file}: ${why}`;
}

export async function openFiles(dialogs: FileDialogs, request: FileOpenRequest, maxBytes = MAX_OPEN_FILE_BYTES): Promise<FileOpenResponse> {
  const result = await dialogs.showOpenDialog({
    title: request.title,
    filters: request.filters,
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  if (result.canceled) return { files: [] };
  const chosen = request.multiple ? result.filePaths : result.filePaths.slice(0, 1);
  const files: FileOpenResponse['files'] = [];
  for (const filePath of chosen) {
    const name = path.basename(filePath);
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new IpcFailure('io-error', `${name}: is not a file`);
      if (info.size > maxBytes) throw new IpcFailure('io-error', `${name}: is ${info.size} bytes; the limit is ${maxBytes}`);
      files.push({ name, bytes: new Uint8Array(await readFile(filePath)) });
    } catch (e) {
      if (e instanceof IpcFailure) throw e;
      throw new IpcFailure('io-error', ioMessage(name, e));
    }
  }
  return { files };
}

export async function saveFile(dialogs: FileDialogs, request: FileSaveRequest): Promise<FileSaveResponse> {
  const result = await dialogs.showSaveDialog({
    defaultPath: path.join(dialogs.defaultSaveFolder(), request.suggestedName),
    filters: request.filters,
  });
  if (result.canceled || !result.filePath) return { saved: false };
  const target = result.filePath;
  try {
    await writeOutputAtomic(target, () => request.bytes);
  } catch (e) {
    throw new IpcFailure('io-error', errorMessage(e));
  }
  return { saved: true, path: target };
}
