import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFiles, saveFile, type FileDialogs, type OpenDialogRequest, type SaveDialogRequest } from '../../../electron/main/file-handlers';
import { IpcFailure } from '../../../electron/main/ipc';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chorus-files-'));
  await writeFile(path.join(dir, 'a.csv'), 'id,text\n1,hello\n');
  await writeFile(path.join(dir, 'b.txt'), 'second');
  await writeFile(path.join(dir, 'unchosen.txt'), 'never read');
  await mkdir(path.join(dir, 'folder'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dialogs(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string } = { canceled: true }) {
  const seen: { open?: OpenDialogRequest; save?: SaveDialogRequest } = {};
  const d: FileDialogs = {
    showOpenDialog: async (o) => ((seen.open = o), open),
    showSaveDialog: async (o) => ((seen.save = o), save),
    defaultSaveFolder: () => '/home/analyst/Documents',
  };
  return { d, seen };
}

const filters = [{ name: 'Spreadsheets', extensions: ['csv', 'txt'] }];

describe('file:open', () => {
  it('reads exactly the files chosen in the dialog', async () => {
    const { d, seen } = dialogs({ canceled: false, filePaths: [path.join(dir, 'a.csv'), path.join(dir, 'b.txt')] });
    const result = await openFiles(d, { title: 'Import responses', filters, multiple: true });
    expect(seen.open).toEqual({ title: 'Import responses', filters, properties: ['openFile', 'multiSelections'] });
    expect(result.files.map((f) => f.name)).toEqual(['a.csv', 'b.txt']);
    expect(new TextDecoder().decode(result.files[0]?.bytes)).toBe('id,text\n1,hello\n');
    expect(result.files[1]?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('asks for one file and keeps one when multiple is false', async () => {
    const { d, seen } = dialogs({ canceled: false, filePaths: [path.join(dir, 'a.csv'), path.join(dir, 'b.txt')] });
    const result = await openFiles(d, { title: 'Open', filters: [], multiple: false });
    expect(seen.open?.properties).toEqual(['openFile']);
    expect(result.files.map((f) => f.name)).toEqual(['a.csv']);
  });

  it('returns no files when the dialog is cancelled', async () => {
    const { d } = dialogs({ canceled: true, filePaths: [] });
    expect(await openFiles(d, { title: 'Open', filters: [], multiple: true })).toEqual({ files: [] });
  });

  it('fails with io-error naming the file when it is missing, a folder, or too large', async () => {
    const cases: Array<[string, RegExp, number?]> = [
      [path.join(dir, 'gone.csv'), /^gone\.csv: no such file$/],
      [path.join(dir, 'folder'), /^folder: is not a file$/],
      [path.join(dir, 'a.csv'), /^a\.csv: is 16 bytes; the limit is 10$/, 10],
    ];
    for (const [file, message, limit] of cases) {
      const { d } = dialogs({ canceled: false, filePaths: [file] });
      const error = await openFiles(d, { title: 'Open', filters: [], multiple: false }, limit).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IpcFailure);
      expect((error as IpcFailure).code).toBe('io-error');
      expect((error as IpcFailure).message).toMatch(message);
    }
  });
});

describe('file:save', () => {
  it('suggests the name in the default folder and writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'pack.html');
    const { d, seen } = dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    const bytes = new TextEncoder().encode('<h1>Briefing</h1>');
    const result = await saveFile(d, { suggestedName: 'pack.html', bytes, filters: [{ name: 'HTML', extensions: ['html'] }] });
    expect(seen.save).toEqual({ defaultPath: path.join('/home/analyst/Documents', 'pack.html'), filters: [{ name: 'HTML', extensions: ['html'] }] });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('<h1>Briefing</h1>');
    expect((await readdir(dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const before = await readdir(dir);
    const { d } = dialogs({ canceled: true, filePaths: [] }, { canceled: true });
    expect(await saveFile(d, { suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] })).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual(before);
  });

  it('fails with io-error and leaves no partial file when the folder does not exist', async () => {
    const target = path.join(dir, 'no-such-folder', 'x.csv');
    const { d } = dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    const error = await saveFile(d, { suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect((error as IpcFailure).code).toBe('io-error');
    expect((error as IpcFailure).message).toContain('x.csv');
    expect((await readdir(dir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});
