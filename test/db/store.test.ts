import { beforeEach, describe, expect, it } from 'vitest';
import {
  addCoding,
  createCode,
  createProject,
  deleteCode,
  deleteProject,
  exportBundle,
  getDocumentText,
  getMemo,
  importBundle,
  listCodes,
  listCodings,
  listProjects,
  moveCode,
  openChorusDb,
  removeCoding,
  saveMemo,
  updateCode,
  countCodingsUnder,
  getCodec,
  type ChorusDb,
} from '../../renderer/db';
import { smallBundle } from './fixtures';
import { eachCodec } from './aes-codec';
import { snapshot } from './test-store';

let db: ChorusDb;
let n = 0;
beforeEach(async () => {
  db = await openChorusDb(`store-test-${++n}`);
});

eachCodec(() => {
  describe('projects', () => {
    it('creates a project with a default coder, lists it and deletes everything it owns', async () => {
      const p = await createProject(db, '  Force survey 2026  ');
      expect(p.name).toBe('Force survey 2026');
      expect((await listProjects(db)).map((x) => x.id)).toEqual([p.id]);
      expect(await db.coders.where('projectId').equals(p.id).count()).toBe(1);
      const code = await createCode(db, { projectId: p.id, name: 'Trust' });
      expect(code.parentId).toBeNull();
      await deleteProject(db, p.id);
      expect(await listProjects(db)).toEqual([]);
      expect(await db.codes.count()).toBe(0);
      expect(await db.coders.count()).toBe(0);
    });

    it('rejects an empty project name', async () => {
      await expect(createProject(db, '   ')).rejects.toThrow(/needs a name/);
    });

    it('imports a bundle and exports the identical bundle', async () => {
      const b = smallBundle();
      await importBundle(db, b);
      const back = await exportBundle(db, b.project.id);
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
      for (const k of ['coders', 'sources', 'variables', 'participants', 'documents', 'codes', 'codings', 'memos'] as const) {
        expect(byId(back[k] as { id: string }[]), k).toEqual(byId(b[k] as { id: string }[]));
      }
      expect(await getDocumentText(db, b.documents[1]!.id)).toContain('😊');
    });

    it('leaves the store exactly as before when an import fails part-way', async () => {
      await importBundle(db, smallBundle(1));
      const before = await snapshot(db);
      const bad = smallBundle(2);
      // duplicate coding id: the codings bulkAdd fails after projects, documents and texts were written
      bad.codings.push({ ...bad.codings[0]! });
      await expect(importBundle(db, bad)).rejects.toThrow();
      expect(await snapshot(db)).toEqual(before);
    });

    it('rejects an invalid bundle before writing anything', async () => {
      const bad = smallBundle(3);
      (bad.codings[0] as { end: number }).end = 0;
      await expect(importBundle(db, bad)).rejects.toThrow();
      expect(await db.projects.count()).toBe(0);
    });
  });

  describe('codes', () => {
    it('creates, renames, nests and refuses cycles', async () => {
      const p = await createProject(db, 'P');
      const a = await createCode(db, { projectId: p.id, name: 'Being believed' });
      const b = await createCode(db, { projectId: p.id, name: 'Felt doubted', parentId: a.id });
      const c = await createCode(db, { projectId: p.id, name: 'Other' });
      expect(b.parentId).toBe(a.id);
      expect(a.colour).not.toBe(c.colour);
      await updateCode(db, c.id, { name: ' Trust ' });
      await moveCode(db, c.id, a.id, 0);
      const codes = await listCodes(db, p.id);
      const byName = Object.fromEntries(codes.map((x) => [x.name, x]));
      expect(byName['Trust']!.parentId).toBe(a.id);
      expect(byName['Trust']!.order).toBeLessThan(byName['Felt doubted']!.order);
      await expect(moveCode(db, a.id, b.id)).rejects.toThrow(/under itself/);
      await expect(updateCode(db, a.id, { name: '' })).rejects.toThrow(/needs a name/);
    });

    it('deletes a code with its subcodes and their codings, and counts them first', async () => {
      const b = smallBundle();
      await importBundle(db, b);
      const theme = b.codes[0]!;
      expect(await countCodingsUnder(db, theme.id)).toEqual({ codes: 2, codings: 2 });
      expect(await deleteCode(db, theme.id)).toEqual({ codes: 2, codings: 2 });
      expect((await listCodes(db, b.project.id)).map((c) => c.name)).toEqual(['Being believed']);
      expect(await listCodings(db, { projectId: b.project.id })).toHaveLength(1);
    });
  });

  describe('codings', () => {
    it('adds within bounds, does not duplicate, and removes', async () => {
      const b = smallBundle();
      await importBundle(db, b);
      const doc = b.documents[1]!;
      const input = { projectId: b.project.id, documentId: doc.id, codeId: b.codes[2]!.id, start: 4, end: 11, coderId: b.coders[0]!.id };
      const c1 = await addCoding(db, input);
      const c2 = await addCoding(db, input);
      expect(c2.id).toBe(c1.id);
      expect(await listCodings(db, { documentId: doc.id })).toHaveLength(2);
      await expect(addCoding(db, { ...input, end: doc.length + 1 })).rejects.toThrow(/past the end/);
      await expect(addCoding(db, { ...input, start: 5, end: 5 })).rejects.toThrow(/start < end/);
      await removeCoding(db, c1.id);
      expect(await listCodings(db, { documentId: doc.id })).toHaveLength(1);
    });
  });

  describe('memos', () => {
    it('saves and replaces a memo through the codec', async () => {
      const p = await createProject(db, 'P');
      const target = { kind: 'project' as const, id: p.id };
      await saveMemo(db, { projectId: p.id, target, text: 'First thoughts' });
      const m = await saveMemo(db, { projectId: p.id, target, text: 'Second thoughts' });
      expect((await getMemo(db, target))?.text).toBe('Second thoughts');
      expect(await db.memos.count()).toBe(1);
      const stored = (await db.texts.get(m.id))!.stored;
      // in clear with the plain codec; ciphertext (never the text) with AES-GCM
      if (getCodec().encrypts) expect(stored.v === 1 && !new TextDecoder().decode(stored.data).includes('thoughts')).toBe(true);
      else expect(stored).toEqual({ v: 0, text: 'Second thoughts' });
      expect(await getCodec().decode(stored)).toBe('Second thoughts');
    });
  });
});
