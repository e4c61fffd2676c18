/**
 * The app's sealed hand-over (renderer/features/projects/projectFiles.ts): export an encrypted
 * project as a .chorus bundle, open it again as a new project stored encrypted under the bundle's
 * passphrase; a wrong passphrase and a changed file give two different errors and store nothing.
 * The project-file worker runs in-process here (localService).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeSetPassphrase, exportBundle, importBundle, listProjects, lockAll, lockState, openChorusDb } from '../../renderer/db';
import { exportSealedProject, openSealedProject } from '../../renderer/features/projects/projectFiles';
import type { Platform } from '../../renderer/platform';
import { readSealedHeader, TamperedDataError, WrongPassphraseError } from '../../shared/crypto';
import { codedTexts } from '../fixtures/coded-texts';
import { smallBundle } from './fixtures';

vi.mock('../../renderer/workers/project-file-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../renderer/workers/project-file-client')>();
  const { localService } = await import('../../renderer/workers/rpc');
  const { projectFileHandler } = await import('../../renderer/workers/project-file-handler');
  const { openChorusDb: open } = await import('../../renderer/db');
  const service = () => localService(projectFileHandler((name) => open(name)));
  return { ...real, readProjectFile: (f: string, b: Uint8Array) => real.readProjectFile(f, b, service()), writeProjectFile: (s: string, p: string) => real.writeProjectFile(s, p, service()) };
});

afterEach(() => lockAll());

describe('sealed hand-over in the app', () => {
  it('exports a project sealed and opens it as a new encrypted project; wrong passphrase and tampering store nothing', async () => {
    const db = await openChorusDb('sealed-project');
    const b = smallBundle(6060);
    b.documents[1]!.text = 'Wolverhollow said the officer believed them.';
    b.documents[1]!.length = b.documents[1]!.text.length;
    const p = await importBundle(db, b);
    await executeSetPassphrase(db, p.id, 'project passphrase', { kdf: { memoryKiB: 64, iterations: 1 } });
    let saved: { name: string; bytes: Uint8Array } | undefined;
    const platform = { saveFile: async (name: string, bytes: Uint8Array) => ((saved = { name, bytes }), true) } as unknown as Platform;
    expect(await exportSealedProject(db, platform, p, 'bundle passphrase')).toBe(true);
    expect(saved!.name).toBe('Test project 6060.chorus');
    expect(readSealedHeader(saved!.bytes).kdf).toMatchObject({ memoryKiB: 65536, iterations: 3 });
    expect(Buffer.from(saved!.bytes).includes(Buffer.from('Wolverhollow'))).toBe(false);

    const file = (bytes: Uint8Array) => ({ name: 'handed-over.chorus', data: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    const before = (await listProjects(db)).length;
    await expect(openSealedProject(db, file(saved!.bytes), 'project passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const bad = saved!.bytes.slice();
    bad[bad.length - 50]! ^= 1;
    await expect(openSealedProject(db, file(bad), 'bundle passphrase')).rejects.toBeInstanceOf(TamperedDataError);
    expect((await listProjects(db)).length).toBe(before);

    const original = await exportBundle(db, p.id);
    const opened = await openSealedProject(db, file(saved!.bytes), 'bundle passphrase');
    expect(opened.copied).toBe(true); // the same project was already here
    expect(await lockState(db, opened.project.id)).toBe('unlocked');
    expect(await lockState(db, p.id)).toBe('locked');
    const copy = await exportBundle(db, opened.project.id);
    expect(codedTexts(copy)).toEqual(codedTexts(original));
    const rows = await db.texts.where('projectId').equals(opened.project.id).toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.stored.v === 1)).toBe(true);
  }, 60_000);
});
