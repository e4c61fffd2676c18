import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fileHandlers from '../../../electron/main/file-handlers';
import { saveFile, type FileDialogs, type SaveDialogRequest } from '../../../electron/main/file-handlers';
import { IpcFailure } from '../../../electron/main/ipc';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dialogs(save: { canceled: boolean; filePath?: string }) {
  const seen: { save?: SaveDialogRequest } = {};
  const d: FileDialogs = {
    showSaveDialog: async (o) => ((seen.save = o), save),
    defaultSaveFolder: () => '/home/analyst/Documents',
  };
  return { d, seen };
}

describe('file handlers', () => {
  it('only save: the main process has no handler that opens or reads a file (the renderer uses a file input)', () => {
    expect(Object.keys(fileHandlers).sort()).toEqual(['saveFile']);
  });
});

describe('file:save', () => {
  it('suggests the name in the default folder and writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'pack.html');
    const { d, seen } = dialogs({ canceled: false, filePath: target });
    const bytes = new TextEncoder().encode('<h1>Briefing</h1>');
    const result = await saveFile(d, { suggestedName: 'pack.html', bytes, filters: [{ name: 'HTML', extensions: ['html'] }] });
    expect(seen.save).toEqual({ defaultPath: path.join('/home/analyst/Documents', 'pack.html'), filters: [{ name: 'HTML', extensions: ['html'] }] });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('<h1>Briefing</h1>');
    expect((await readdir(dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const before = await readdir(dir);
    const { d } = dialogs({ canceled: true });
    expect(await saveFile(d, { suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] })).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual(before);
  });

  it('fails with io-error and leaves no partial file when the folder does not exist', async () => {
    const target = path.join(dir, 'no-such-folder', 'x.csv');
    const { d } = dialogs({ canceled: false, filePath: target });
    const error = await saveFile(d, { suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect((error as IpcFailure).code).toBe('io-error');
    expect((error as IpcFailure).message).toContain('x.csv');
    expect((await readdir(dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});
