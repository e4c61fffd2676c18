/**
 * Projects in and out of the store: rename, duplicate, and the project-file worker's handler
 * (export a stored project as .qdpx, read it back, store it as a new project) — with the plain
 * codec and with real AES-GCM encryption at rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readQdpx } from '../../shared/exchange/qdpx';
import { copyProjectBundle } from '../../shared/exchange/copy-bundle';
import { mergeProjects } from '../../shared/exchange/merge';
import {
  execute,
  exportBundle,
  importBundle,
  listProjects,
  openChorusDb,
  plainCodec,
  setCodec,
  type ChorusDb,
} from '../../renderer/db';
import { projectFileHandler } from '../../renderer/workers/project-file-handler';
import { freshAesCodec } from './aes-codec';
import { smallBundle } from './fixtures';
import { codedTexts } from '../fixtures/coded-texts';

let db: ChorusDb;
let n = 0;
afterEach(() => setCodec(plainCodec));

for (const cipher of ['plain', 'AES-GCM'] as const) {
  describe(`projects in and out of the store (${cipher} text at rest)`, () => {
    beforeEach(async () => {
      setCodec(cipher === 'plain' ? plainCodec : await freshAesCodec());
      db = await openChorusDb(`project-files-${cipher}-${++n}`);
    });

    it('renames a project (trimmed), refuses an empty name, and audits it', async () => {
      const p = await importBundle(db, smallBundle(1));
      const rename = (name: string) => execute(db, p.id, { type: 'renameProject', name });
      await rename('  Survey 2025 – wave 2  ');
      expect((await db.projects.get(p.id))?.name).toBe('Survey 2025 – wave 2');
      await expect(rename('   ')).rejects.toThrow('A project needs a name');
      expect((await db.projects.get(p.id))?.name).toBe('Survey 2025 – wave 2');
      expect((await db.audit.where('projectId').equals(p.id).toArray()).map((a) => a.action)).toContain('project.rename');
    });

    it('duplicates a project: a second project with new ids and the same coded text', async () => {
      const p = await importBundle(db, smallBundle(2));
      const reply = await projectFileHandler(async () => db)({ type: 'copy', store: db.name, projectId: p.id, name: 'Test project 2 (copy)' });
      if (!reply.ok || reply.type !== 'copy') throw new Error('copy failed');
      const copy = await importBundle(db, reply.bundle);
      expect(copy.id).not.toBe(p.id);
      expect((await listProjects(db)).map((x) => x.name).sort()).toEqual(['Test project 2', 'Test project 2 (copy)']);
      const a = await exportBundle(db, p.id);
      const b = await exportBundle(db, copy.id);
      expect(codedTexts(b)).toEqual(codedTexts(a));
      expect(b.memos.map((m) => m.text)).toEqual(a.memos.map((m) => m.text));
    });

    it('exports a stored project as .qdpx and opens it again (as a copy when it is already here) with every coding on the same text', async () => {
      const p = await importBundle(db, smallBundle(3));
      const handle = projectFileHandler(async () => db);
      const written = await handle({ type: 'write', store: db.name, projectId: p.id });
      if (!written.ok || written.type !== 'write') throw new Error(written.ok ? 'wrong reply' : written.message);
      const read = await handle({ type: 'read', fileName: 'Test project 3.qdpx', bytes: written.bytes });
      if (!read.ok || read.type !== 'read') throw new Error(read.ok ? 'wrong reply' : read.message);
      expect(read.bundle.project.id).toBe(p.id);
      const opened = await importBundle(db, copyProjectBundle(read.bundle, { name: 'Reopened' }));
      expect(codedTexts(await exportBundle(db, opened.id))).toEqual(codedTexts(smallBundle(3)));
    });

    it('a file that is not a project gives one line naming it, and nothing is stored', async () => {
      const handle = projectFileHandler(async () => db);
      const before = await listProjects(db);
      const reply = await handle({ type: 'read', fileName: 'notes.qdpx', bytes: new TextEncoder().encode('hello') });
      expect(reply).toEqual({ ok: false, message: expect.stringMatching(/^notes\.qdpx: not a REFI-QDA project/) });
      expect(await listProjects(db)).toEqual(before);
      const missing = await handle({ type: 'write', store: db.name, projectId: '00000000-0000-4000-8000-000000000000' });
      expect(missing).toEqual({ ok: false, message: expect.stringMatching(/No project with id/) });
    });
  });
}

it('previews a merge of another coder\'s file (nothing written), then writes the previewed delta as one step', async () => {
  setCodec(plainCodec);
  const store = await openChorusDb(`project-files-merge-${++n}`);
  const p = await importBundle(store, smallBundle(7));
  const handle = projectFileHandler(async () => store);
  const written = await handle({ type: 'write', store: store.name, projectId: p.id });
  if (!written.ok || written.type !== 'write') throw new Error('write failed');
  // one coding removed here since the file was written: merging the file brings it back
  const removed = (await store.codings.toArray()).find((c) => c.start === 0)!;
  await execute(store, p.id, { type: 'removeCodings', codingIds: [removed.id], label: 'Remove coding' });
  const before = await exportBundle(store, p.id);
  const preview = await handle({ type: 'merge', store: store.name, projectId: p.id, fileName: 'coder-b.qdpx', bytes: written.bytes });
  if (!preview.ok || preview.type !== 'merge') throw new Error(preview.ok ? 'wrong reply' : preview.message);
  expect(preview.unresolved).toBe(false);
  expect(await store.codings.count()).toBe(before.codings.length); // a preview writes nothing
  const expected = mergeProjects([before, readQdpx(written.bytes)]).bundle;
  await execute(store, p.id, { type: 'mergeProject', delta: preview.delta, label: 'Merge coder-b.qdpx' });
  const after = codedTexts(await exportBundle(store, p.id));
  expect(after).toEqual(codedTexts(expected));
  expect(after.filter((t) => t.startsWith('Note|'))).toEqual(codedTexts(smallBundle(7)).filter((t) => t.startsWith('Note|')));
});

it('the .qdpx the handler writes is what the CLI reads (one code path)', async () => {
  setCodec(plainCodec);
  const store = await openChorusDb(`project-files-cli-${++n}`);
  const p = await importBundle(store, smallBundle(4));
  const written = await projectFileHandler(async () => store)({ type: 'write', store: store.name, projectId: p.id });
  if (!written.ok || written.type !== 'write') throw new Error('write failed');
  expect(codedTexts(readQdpx(written.bytes))).toEqual(codedTexts(smallBundle(4)));
});
