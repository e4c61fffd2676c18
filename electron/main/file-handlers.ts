/**
 * The file:save handler. The main process writes only to the path the user confirmed in the
 * save dialog. (Opening needs no handler: the renderer uses a file input, so the OS dialog hands
 * it disk-backed Files and the main process never reads what the user imports.) Dialogs are
 * injected so the handler is tested without Electron.
 */
import path from 'node:path';
import type { FileFilter, FileSaveRequest, FileSaveResponse } from '../../shared/ipc/contract';
import { writeOutputAtomic } from '../cli/files';
import { IpcFailure } from './ipc';
import { errorMessage } from '../../shared/error-message';

export interface SaveDialogRequest {
  defaultPath: string;
  filters: FileFilter[];
}

export interface FileDialogs {
  showSaveDialog(options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  /** Folder the save dialog starts in (e.g. Documents). */
  defaultSaveFolder(): string;
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
