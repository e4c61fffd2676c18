/**
 * Merging another coder's project into the open one, in the store: the merge (pure) decides, the
 * `mergeProject` command writes its delta as ONE undoable step — with plain and AES-GCM text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeProjects } from '../../shared/exchange/merge';
import { mergeDelta } from '../../shared/exchange/merge-delta';
import { seededGuids, type ProjectBundle } from '../../shared/model';
import { execute, exportBundle, importBundle, openChorusDb, plainCodec, setCodec, type ChorusDb } from '../../renderer/db';
import { freshAesCodec } from './aes-codec';
import { smallBundle } from './fixtures';
import { codedTexts } from '../fixtures/coded-texts';

/** The same project as coded by a second coder on another machine: one more coder, coding, code and document. */
function secondCodersCopy(base: ProjectBundle): ProjectBundle {
  const g = seededGuids(99);
  const pid = base.project.id;
  const sam = { id: g(), projectId: pid, name: 'Sam', initials: 'SK', colour: '#D55E00' };
  const newCode = { ...base.codes[0]!, id: g(), name: 'Court process', parentId: null, order: 5 };
  const text = 'Nobody explained what happens at court.';
  const doc = { ...base.documents[1]!, id: g(), title: 'Partner note 2', text, length: text.length };
  const d1 = base.documents[0]!;
  return {
    ...base,
    coders: [...base.coders, sam],
    codes: [...base.codes, newCode],
    documents: [...base.documents, doc],
    codings: [
      ...base.codings,
      { id: g(), projectId: pid, documentId: d1.id, codeId: base.codes[2]!.id, start: 45, end: 83, coderId: sam.id, createdAt: d1.createdAt },
      { id: g(), projectId: pid, documentId: doc.id, codeId: newCode.id, start: 0, end: text.length, coderId: sam.id, createdAt: d1.createdAt },
    ],
  };
}

let db: ChorusDb;
let n = 0;
afterEach(() => setCodec(plainCodec));

for (const cipher of ['plain', 'AES-GCM'] as const) {
  describe(`merge into the open project (${cipher})`, () => {
    beforeEach(async () => {
      setCodec(cipher === 'plain' ? plainCodec : await freshAesCodec());
      db = await openChorusDb(`merge-${cipher}-${++n}`);
    });

    it('writes exactly the merge result as one undoable step, and Undo restores the project', async () => {
      const p = await importBundle(db, smallBundle(5));
      const before = await exportBundle(db, p.id);
      const incoming = secondCodersCopy(before);
      const result = mergeProjects([before, incoming], { names: ['open project', 'sam.qdpx'] });
      expect(result.unresolved).toBe(false);
      expect(result.summary.codings.added).toBe(2);
      const done = await execute(db, p.id, { type: 'mergeProject', delta: mergeDelta(before, result.bundle), label: 'Merge sam.qdpx' });
      expect(done.result).toMatchObject({ coders: 1, codes: 1, codings: 2, documents: 1 });
      const after = await exportBundle(db, p.id);
      expect(codedTexts(after)).toEqual(codedTexts(result.bundle));
      expect(codedTexts(after)).toHaveLength(codedTexts(before).length + 2);
      expect((await db.audit.where('projectId').equals(p.id).toArray()).some((a) => a.action === 'project.merge')).toBe(true);

      await execute(db, p.id, { type: 'undo' });
      const undone = await exportBundle(db, p.id);
      expect(codedTexts(undone)).toEqual(codedTexts(before));
      expect(undone.documents.map((d) => d.id).sort()).toEqual(before.documents.map((d) => d.id).sort());
    });

    it("brings the other coder's candidate quotes and edited pack templates in, and Undo takes them out", async () => {
      const p = await importBundle(db, smallBundle(7));
      const before = await exportBundle(db, p.id);
      const incoming = secondCodersCopy(before);
      const c = incoming.codings.at(-1)!;
      const quote = { id: '0a0a0a0a-0000-4000-8000-000000000001', projectId: p.id, documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, starredBy: c.coderId, at: c.createdAt, note: '' };
      const tpl = { id: '0a0a0a0a-0000-4000-8000-000000000002', projectId: p.id, audience: 'public' as const, title: 'What you told us', sections: [{ id: 'headline', kind: 'headline-findings', heading: 'What we heard', intro: '' }], updatedAt: c.createdAt };
      incoming.quotes = [quote];
      incoming.packTemplates = [tpl];
      const result = mergeProjects([before, incoming]);
      expect(result.summary.quotes).toEqual({ added: 1, matched: 0, dropped: 0 });
      const done = await execute(db, p.id, { type: 'mergeProject', delta: mergeDelta(before, result.bundle), label: 'Merge sam.qdpx' });
      expect(done.result).toMatchObject({ quotes: 1, packTemplates: 1 });
      const after = await exportBundle(db, p.id);
      expect(after.quotes).toEqual([quote]);
      expect(after.packTemplates).toEqual([tpl]);
      await execute(db, p.id, { type: 'undo' });
      const undone = await exportBundle(db, p.id);
      expect(undone.quotes ?? []).toEqual([]);
      expect(undone.packTemplates ?? []).toEqual([]);
    });

    it('merging the project with itself changes nothing', async () => {
      const p = await importBundle(db, smallBundle(6));
      const before = await exportBundle(db, p.id);
      const result = mergeProjects([before, before]);
      const delta = mergeDelta(before, result.bundle);
      expect(Object.values(delta.rows).every((r) => r.length === 0) && delta.documents.length === 0 && delta.memos.length === 0).toBe(true);
    });
  });
}
