import { describe, expect, it } from 'vitest';
import { commitImports, findPreviousImports, ImportCancelled, type CommitBatch } from '../../renderer/db';
import { newGuid, type DocumentWithText } from '../../shared/model';
import { eachCodec } from './aes-codec';
import { freshProject, snapshot } from './test-store';

function batch(pid: string, rows: number, withSource = true, sourceId = newGuid()): CommitBatch {
  const participants = Array.from({ length: rows }, (_, i) => ({ id: newGuid(), projectId: pid, sourceId, pseudonym: `R${i + 1}`, attributes: {} }));
  const documents: DocumentWithText[] = participants.map((p, i) => {
    const text = `Response ${i + 1}`;
    return { id: newGuid(), projectId: pid, sourceId, participantId: p.id, title: `R${i + 1}`, kind: 'response', length: text.length, turns: [], text, createdAt: '2026-01-01T00:00:00Z' };
  });
  const sources = withSource ? [{ id: sourceId, projectId: pid, name: 'S', kind: 'survey' as const, description: '', createdAt: '2026-01-01T00:00:00Z' }] : [];
  return { sources, variables: [], participants, documents, skippedEmpty: 0 };
}

const meta = (file: string, checksum: string) => ({ fileNames: [file], checksum, by: 'You', redactions: { phone: 1 } });

eachCodec(() => {
  describe('committing several files together', () => {
    it('stores every file with its own import record and continuous progress', async () => {
      const { db, pid } = await freshProject('import-many');
      const src = newGuid();
      const seen: number[] = [];
      const recs = await commitImports(db, pid, [{ batch: batch(pid, 3, true, src), meta: meta('a.txt', 'c1') }, { batch: batch(pid, 2, false, src), meta: meta('b.txt', 'c2') }], { chunk: 2, onProgress: (p) => seen.push(p.done) });
      expect(recs).toHaveLength(2);
      expect(recs[1]!.sourceId).toBe(src);
      expect(seen.at(-1)).toBe(10);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      expect(await db.documents.where('projectId').equals(pid).count()).toBe(5);
      expect((await findPreviousImports(db, pid, 'c2')).length).toBe(1);
      expect(await db.redactionLogs.count()).toBe(2);
    });

    it('rolls back every file when the second fails or is cancelled', async () => {
      const { db, pid } = await freshProject('import-many');
      const before = await snapshot(db);
      const bad = batch(pid, 2);
      bad.documents[1]!.id = bad.documents[0]!.id; // duplicate key fails in the second file
      await expect(commitImports(db, pid, [{ batch: batch(pid, 3), meta: meta('a.csv', 'x') }, { batch: bad, meta: meta('b.csv', 'y') }])).rejects.toThrow();
      expect(await snapshot(db)).toEqual(before);
      const ac = new AbortController();
      const p = commitImports(db, pid, [{ batch: batch(pid, 4), meta: meta('a.csv', 'x') }, { batch: batch(pid, 4), meta: meta('b.csv', 'y') }], { chunk: 2, onProgress: (x) => x.done >= 6 && ac.abort(), signal: ac.signal });
      await expect(p).rejects.toBeInstanceOf(ImportCancelled);
      expect(await snapshot(db)).toEqual(before);
    });
  });
});
