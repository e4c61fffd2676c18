import { describe, expect, it } from 'vitest';
import { freshAesCodec } from './aes-codec';
import { commitImport, getDocumentText, findPreviousImports, ImportCancelled, setCodec, plainCodec, type CommitBatch } from '../../renderer/db';
import { newGuid, type DocumentWithText } from '../../shared/model';
import { freshProject, snapshot } from './test-store';

function batch(pid: string, rows: number): CommitBatch {
  const sourceId = newGuid();
  const participants = Array.from({ length: rows }, (_, i) => ({ id: newGuid(), projectId: pid, sourceId, pseudonym: `R${i + 1}`, attributes: {} }));
  const documents: DocumentWithText[] = participants.map((p, i) => {
    const text = `Response ${i + 1}: the officer [PERSON 1] called me back.`;
    return { id: newGuid(), projectId: pid, sourceId, participantId: p.id, title: `R${i + 1} – Q1`, kind: 'response', length: text.length, turns: [], text, createdAt: '2026-01-01T00:00:00Z' };
  });
  return { sources: [{ id: sourceId, projectId: pid, name: 'Survey 2026', kind: 'survey', description: '', createdAt: '2026-01-01T00:00:00Z' }], variables: [], participants, documents, skippedEmpty: 2 };
}

describe('committing an import', () => {
  it('stores everything with progress, a redaction log (counts only) and an import record', async () => {
    const { db, pid } = await freshProject('imports');
    const seen: number[] = [];
    const rec = await commitImport(db, pid, batch(pid, 12), { fileNames: ['survey.csv'], checksum: 'abc', by: 'You', redactions: { person: 12, phone: 0 } }, { chunk: 5, onProgress: (p) => seen.push(p.done) });
    expect(await db.documents.where('projectId').equals(pid).count()).toBe(12);
    expect(await db.texts.where('projectId').equals(pid).count()).toBe(12);
    expect(seen).toEqual([5, 10, 12, 17, 22, 24]);
    const logs = await db.redactionLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]!.counts).toEqual({ person: 12 });
    expect(rec.counts).toEqual({ participants: 12, documents: 12, skippedEmpty: 2 });
    expect((await findPreviousImports(db, pid, 'abc')).map((r) => r.id)).toEqual([rec.id]);
    expect(await findPreviousImports(db, pid, 'other')).toEqual([]);
  });

  it('commits documents through a real AES-GCM codec (texts encoded before the transaction)', async () => {
    const { db, pid } = await freshProject('imports');
    const b = batch(pid, 12);
    setCodec(await freshAesCodec());
    try {
      await commitImport(db, pid, b, { fileNames: ['a.csv'], checksum: 'x', by: 'You', redactions: {} }, { chunk: 5 });
      expect(await getDocumentText(db, b.documents[7]!.id)).toBe(b.documents[7]!.text);
      expect(JSON.stringify(await db.texts.toArray())).not.toContain(JSON.stringify(b.documents[7]!.text));
    } finally {
      setCodec(plainCodec);
    }
  });

  it('a failure part-way leaves the store exactly as before', async () => {
    const { db, pid } = await freshProject('imports');
    const before = await snapshot(db);
    const b = batch(pid, 20);
    // a repeated document id: the fourth chunk's write fails after three chunks were written
    b.documents[16] = { ...b.documents[16]!, id: b.documents[1]!.id };
    await expect(commitImport(db, pid, b, { fileNames: ['a.csv'], checksum: 'x', by: 'You', redactions: {} }, { chunk: 5 })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('cancelling part-way rolls everything back', async () => {
    const { db, pid } = await freshProject('imports');
    const before = await snapshot(db);
    const ctl = new AbortController();
    const p = commitImport(db, pid, batch(pid, 30), { fileNames: ['a.csv'], checksum: 'x', by: 'You', redactions: {} }, { chunk: 5, onProgress: (pr) => pr.done >= 10 && ctl.abort() , signal: ctl.signal });
    await expect(p).rejects.toBeInstanceOf(ImportCancelled);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a batch for another project', async () => {
    const { db, pid } = await freshProject('imports');
    const other = batch(newGuid(), 1);
    await expect(commitImport(db, pid, other, { fileNames: ['a.csv'], checksum: 'x', by: 'You', redactions: {} })).rejects.toThrow(/another project/);
  });
});
