/**
 * Candidate quotes through the command layer: starQuote / unstarQuote in the Dexie executor (one
 * undoable step each, all-or-nothing refusals), the in-memory executor, and the .qdpx side file.
 */
import { describe, expect, it } from 'vitest';
import { execute, exportBundle, openChorusDb, type ChorusDb } from '../../renderer/db';
import { MemoryProject } from '../../shared/commands/memory';
import { readQdpx, writeQdpx } from '../../shared/exchange/qdpx';
import { smallBundle } from './fixtures';
import { eachCodec } from './aes-codec';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`evidence-${++n}`);
  const b = smallBundle(900 + n);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, b, pid: b.project.id };
}
const quotes = (db: ChorusDb, pid: string) => db.quotes.where('projectId').equals(pid).toArray();

describe('starQuote and unstarQuote (Dexie executor)', () => {
  it('star a coded segment as one undoable step, unstar it, and undo both', async () => {
    const { db, b, pid } = await seeded();
    const c = b.codings[0]!;
    const starred = await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId });
    expect(starred.step).not.toBeNull();
    expect(await quotes(db, pid)).toEqual([expect.objectContaining({ id: starred.result.id, documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, starredBy: c.coderId, note: '' })]);
    await execute(db, pid, { type: 'unstarQuote', quoteId: starred.result.id });
    expect(await quotes(db, pid)).toEqual([]);
    await execute(db, pid, { type: 'undo' });
    expect((await quotes(db, pid)).map((q) => q.id)).toEqual([starred.result.id]);
    await execute(db, pid, { type: 'undo' });
    expect(await quotes(db, pid)).toEqual([]);
    const audit = await db.audit.where('projectId').equals(pid).toArray();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['quote.star', 'quote.unstar']));
  });

  it('refuses a second star on the same place, a span outside the document, a mismatched coding and an unknown quote — changing nothing', async () => {
    const { db, b, pid } = await seeded();
    const c = b.codings[2]!;
    await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, coderId: c.coderId });
    const before = await quotes(db, pid);
    const history = await db.history.count();
    await expect(execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, coderId: c.coderId })).rejects.toThrow(/already a candidate quote/);
    await expect(execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: 5, end: 99_999, coderId: c.coderId })).rejects.toThrow(/inside the document/);
    await expect(execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: 0, end: 3, codingId: c.id, coderId: c.coderId })).rejects.toThrow(/does not match/);
    await expect(execute(db, pid, { type: 'unstarQuote', quoteId: '00000000-0000-4000-8000-00000000dead' })).rejects.toThrow(/not in this project/);
    expect(await quotes(db, pid)).toEqual(before);
    expect(await db.history.count()).toBe(history);
  });

  it('quotes travel with the project: export bundle → .qdpx → bundle, and through the in-memory executor', async () => {
    const { db, b, pid } = await seeded();
    for (const c of b.codings.slice(0, 2)) await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId, note: `=HYPERLINK("x")` });
    const bundle = await exportBundle(db, pid);
    expect(bundle.quotes).toHaveLength(2);
    const back = readQdpx(writeQdpx(bundle), 'p.qdpx');
    expect(back.quotes).toEqual(bundle.quotes);

    const m = MemoryProject.fromBundle(back);
    const q = back.quotes![0]!;
    m.execute({ type: 'unstarQuote', quoteId: q.id });
    expect(m.toBundle().quotes?.map((x) => x.id)).toEqual([back.quotes![1]!.id]);
    m.execute({ type: 'undo' });
    expect(m.toBundle().quotes).toEqual(back.quotes);
    // a file without quotes has none, and a bundle without quotes writes no quotes field
    expect(readQdpx(writeQdpx(b), 'none.qdpx').quotes).toBeUndefined();
  });
});

describe('confirmQuote and unconfirmQuote', () => {
  eachCodec(() => {
    it('confirm sets who and when as one undoable step; unconfirm clears both; undo and redo; audit has ids only', async () => {
      const { db, b, pid } = await seeded();
      const c = b.codings[1]!;
      const coder = b.coders.at(-1)!.id;
      const { result: q } = await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId });
      const history = await db.history.count();
      const done = await execute(db, pid, { type: 'confirmQuote', quoteId: q.id, coderId: coder });
      expect(done.step).not.toBeNull();
      expect(await db.history.count()).toBe(history + 1);
      const [row] = await quotes(db, pid);
      expect(row).toEqual({ ...q, confirmedBy: coder, confirmedAt: done.result.confirmedAt });
      expect(Number.isNaN(Date.parse(row!.confirmedAt!))).toBe(false);
      await expect(execute(db, pid, { type: 'confirmQuote', quoteId: q.id, coderId: coder })).rejects.toThrow(/already confirmed/);

      await execute(db, pid, { type: 'unconfirmQuote', quoteId: q.id });
      expect(await quotes(db, pid)).toEqual([q]);
      await expect(execute(db, pid, { type: 'unconfirmQuote', quoteId: q.id })).rejects.toThrow(/not confirmed/);
      await execute(db, pid, { type: 'undo' });
      expect((await quotes(db, pid))[0]!.confirmedBy).toBe(coder);
      await execute(db, pid, { type: 'undo' });
      expect(await quotes(db, pid)).toEqual([q]);
      await execute(db, pid, { type: 'redo' });
      expect((await quotes(db, pid))[0]!.confirmedBy).toBe(coder);

      const audit = (await db.audit.where('projectId').equals(pid).toArray()).filter((a) => a.action.startsWith('quote.'));
      expect(audit.map((a) => a.action).sort()).toEqual(['quote.confirm', 'quote.star', 'quote.unconfirm']);
      for (const a of audit.filter((x) => x.action !== 'quote.star')) expect(a.ids).toEqual([q.id]);
      const text = b.documents.find((d) => d.id === c.documentId)!.text.slice(c.start, c.end);
      expect(JSON.stringify(audit)).not.toContain(text);
    });

    it('refuses an unknown quote and a missing coder, changing nothing', async () => {
      const { db, b, pid } = await seeded();
      const c = b.codings[0]!;
      const { result: q } = await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId });
      const history = await db.history.count();
      await expect(execute(db, pid, { type: 'confirmQuote', quoteId: '00000000-0000-4000-8000-00000000dead', coderId: c.coderId })).rejects.toThrow(/not in this project/);
      await expect(execute(db, pid, { type: 'confirmQuote', quoteId: q.id, coderId: '' })).rejects.toThrow(/Choose who you are/);
      expect(await quotes(db, pid)).toEqual([q]);
      expect(await db.history.count()).toBe(history);
    });
  });

  it('the in-memory executor confirms and unconfirms the same way, and the confirmation travels in the .qdpx', async () => {
    const { db, b, pid } = await seeded();
    const c = b.codings[0]!;
    const { result: q } = await execute(db, pid, { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId });
    const m = MemoryProject.fromBundle(await exportBundle(db, pid));
    const { result } = m.execute({ type: 'confirmQuote', quoteId: q.id, coderId: c.coderId });
    expect(result.confirmedBy).toBe(c.coderId);
    const back = readQdpx(writeQdpx(m.toBundle()), 'p.qdpx');
    expect(back.quotes).toEqual([{ ...q, confirmedBy: c.coderId, confirmedAt: result.confirmedAt }]);
    const m2 = MemoryProject.fromBundle(back);
    m2.execute({ type: 'unconfirmQuote', quoteId: q.id });
    expect(m2.toBundle().quotes).toEqual([q]);
    m2.execute({ type: 'undo' });
    expect(m2.toBundle().quotes![0]!.confirmedBy).toBe(c.coderId);
  });
});
