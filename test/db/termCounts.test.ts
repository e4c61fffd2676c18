import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { termCounts } from '../../shared/analysis/text';
import { ensureTermCounts, forgetTermCounts, historyState, importBundle, openChorusDb, removeCodings, undo } from '../../renderer/db';
import { smallBundle } from './fixtures';
import { eachCodec } from './aes-codec';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`term-counts-${++n}`);
  const b = smallBundle(n + 300);
  await importBundle(db, b);
  return { db, b, pid: b.project.id };
}

eachCodec(() => {
  describe('ensureTermCounts', () => {
    it('fills the cache lazily, one row per document, equal to termCounts of the text', async () => {
      const { db, b, pid } = await seeded();
      expect(await db.termCounts.where('projectId').equals(pid).count()).toBe(0);
      const got = await ensureTermCounts(db, pid);
      expect(await db.termCounts.where('projectId').equals(pid).count()).toBe(b.documents.length);
      for (const d of b.documents) expect(got.get(d.id)).toEqual(termCounts(d.text));
    });

    it('reads rows back instead of recounting, and recounts a forgotten document', async () => {
      const { db, b, pid } = await seeded();
      await ensureTermCounts(db, pid);
      const d = b.documents[0]!;
      await db.termCounts.put({ documentId: d.id, projectId: pid, terms: { sentinel: 7 } });
      expect((await ensureTermCounts(db, pid)).get(d.id)).toEqual(new Map([['sentinel', 7]]));
      await forgetTermCounts(db, [d.id]);
      expect((await ensureTermCounts(db, pid)).get(d.id)).toEqual(termCounts(d.text));
    });

    it('keeps awkward words such as "constructor" and "__proto__" as plain counts', async () => {
      const { db, pid, b } = await seeded();
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('constructor', '__proto__', 'tostring', 'police', "don't"), { maxLength: 12 }), async (words) => {
          const text = words.join(' ') || 'x';
          const d = b.documents[1]!;
          await db.texts.put({ id: d.id, projectId: pid, stored: { v: 0, text } });
          await forgetTermCounts(db, [d.id]);
          await ensureTermCounts(db, pid);
          const again = await ensureTermCounts(db, pid); // from the stored row
          expect(again.get(d.id)).toEqual(termCounts(text));
        }),
        { numRuns: 15 },
      );
    });

    it('names the document when its text is missing', async () => {
      const { db, b, pid } = await seeded();
      await db.texts.delete(b.documents[0]!.id);
      await expect(ensureTermCounts(db, pid)).rejects.toThrow(new RegExp(`${b.documents[0]!.id} has no stored text`));
    });
  });

  describe('removeCodings', () => {
    it('removes several codings as one undoable step', async () => {
      const { db, b, pid } = await seeded();
      const ids = b.codings.slice(0, 2).map((c) => c.id);
      expect(await removeCodings(db, pid, [...ids, 'missing'], 'Reject “x”')).toBe(2);
      expect(await db.codings.bulkGet(ids)).toEqual([undefined, undefined]);
      expect((await historyState(db, pid)).undo).toBe('Reject “x”');
      await undo(db, pid);
      expect((await db.codings.bulkGet(ids)).map((c) => c?.id)).toEqual(ids);
    });

    it('refuses codings of another project and changes nothing', async () => {
      const { db, b } = await seeded();
      const other = smallBundle(999);
      await importBundle(db, other);
      await expect(removeCodings(db, other.project.id, [b.codings[0]!.id], 'x')).rejects.toThrow(/another project/);
      expect(await db.codings.get(b.codings[0]!.id)).toBeDefined();
    });
  });
});
