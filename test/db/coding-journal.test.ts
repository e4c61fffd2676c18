import { describe, expect, it } from 'vitest';
import { ChorusDb, addCoding, addCodings, saveMemo, confirmRetraction, deleteProject, execute, exportBundle, exportBundleColumns, importBundle, listCodings, mergeCodes, openChorusDb, redo, removeCoding, undo } from '../../renderer/db';
import { REFRESH_ENTRIES, latestCodingChange, projectCodings, readCodingChangesSince, readCodingColumns, readProjectCodings, resetCodingCache, saveCodingDigest } from '../../renderer/db/coding-journal';
import { CodingIndex } from '../../shared/coding/coding-index';
import type { Coding } from '../../shared/model';
import { applyCodingChanges, digestToCodings } from '../../shared/coding/coding-digest';
import { smallBundle } from './fixtures';

/** The project's coding records as stored, read the old way (the truth the digest must match). */
const records = (db: ChorusDb, projectId: string) => db.codings.where('projectId').equals(projectId).toArray();
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

async function expectInStep(db: ChorusDb, projectId: string) {
  const truth = await records(db, projectId);
  expect(await projectCodings(db, projectId)).toEqual(truth);
  return truth;
}

/** The coding records as the survey grid holds them (its fields only, in id order). */
const gridView = (codings: readonly Coding[]) => codings.map(({ id, documentId, codeId, coderId, start, end }) => ({ id, documentId, codeId, coderId, start, end })).sort(byId);

describe('coding digests and their journal (every coding of a project in one read)', () => {
  it('the analysis read (codings as columns) gives the bundle and, brought up to date, the codings exportBundle gives: a pending retraction hides a document’s codings and memos on them', async () => {
    const db = await openChorusDb('coding-journal-analysis');
    const b = smallBundle(71);
    await importBundle(db, b);
    const pid = b.project.id;
    const [d1, d2] = b.documents;
    const coder = b.coders[0]!.id;
    const made = await addCodings(db, [d1!, d2!, d2!].map((d, i) => ({ projectId: pid, documentId: d.id, codeId: b.codes[i]!.id, start: i, end: i + 6, coderId: coder })), 'Some');
    await saveMemo(db, { projectId: pid, target: { kind: 'coding', id: made[1]!.id }, title: 'On d2', coderId: coder, text: 'A note on a coding.' });
    await saveMemo(db, { projectId: pid, target: { kind: 'coding', id: made[0]!.id }, title: 'On d1', coderId: coder, text: 'Another.' });
    const same = async () => {
      const whole = await exportBundle(db, pid);
      const { bundle, codings, keep } = await exportBundleColumns(db, pid);
      const list = applyCodingChanges(digestToCodings(codings.digest), pid, codings.changes).filter((c) => !keep || keep(c.documentId));
      expect(list).toEqual(whole.codings);
      expect({ ...bundle, codings: list }).toEqual(whole);
      return whole;
    };
    expect((await same()).memos).toHaveLength(b.memos.length + 2);
    // d2 retracted, awaiting confirmation: its codings and the memo on one leave both reads
    await execute(db, pid, { type: 'retract', target: { kind: 'document', id: d2!.id }, reason: 'consent withdrawn', by: 'Alex' });
    const after = await same();
    // a dialog about some codes reads only theirs, as the project's list has them (the hidden document's left out)
    for (const ids of [[b.codes[1]!.id], [b.codes[0]!.id, b.codes[2]!.id]]) {
      const want = (await listCodings(db, { projectId: pid })).filter((c) => ids.includes(c.codeId));
      expect(want.length).toBeGreaterThan(0);
      expect(await listCodings(db, { projectId: pid, codeIds: ids })).toEqual(want);
    }
    expect(after.codings.some((c) => c.documentId === d2!.id)).toBe(false);
    expect(after.memos.map((m) => m.title)).toContain('On d1');
    expect(after.memos.map((m) => m.title)).not.toContain('On d2');
  });
  it('the survey grid reads columns once, then follows the journal; pruned or reset, it is told to read whole again', async () => {
    const db = await openChorusDb('coding-journal-columns');
    const b = smallBundle(61);
    const other = smallBundle(62);
    await importBundle(db, b);
    const pid = b.project.id;
    // no digest yet: the records are read once, and the digest written
    await db.codingDigests.clear();
    const first = await readCodingColumns(db, pid);
    expect(await db.codingDigests.get(pid)).toBeDefined();
    const index = new CodingIndex(first.digest);
    index.apply(pid, first.changes);
    expect(index.all()).toEqual(gridView(await records(db, pid)));
    let seq = first.seq;
    const follow = async () => {
      const tail = await readCodingChangesSince(db, seq);
      if (!tail) return false;
      index.apply(pid, tail.changes);
      seq = tail.seq;
      return true;
    };
    // changes of every kind, and another project's, followed entry by entry
    const coder = b.coders[0]!.id;
    const made = await addCodings(db, Array.from({ length: 12 }, (_, i) => ({ projectId: pid, documentId: b.documents[i % 2]!.id, codeId: b.codes[i % 3]!.id, start: i, end: i + 5, coderId: coder })), 'Many');
    await removeCoding(db, made[2]!.id);
    await mergeCodes(db, b.codes[1]!.id, b.codes[2]!.id);
    await importBundle(db, other);
    await undo(db, pid);
    expect(await follow()).toBe(true);
    expect(index.all()).toEqual(gridView(await records(db, pid)));
    // a digest read since includes those changes: the columns read now give the same codings
    const again = await readCodingColumns(db, pid);
    const fresh = new CodingIndex(again.digest);
    fresh.apply(pid, again.changes);
    expect(fresh.all()).toEqual(index.all());
    // entries pruned past what was followed: not all kept, so read whole
    const before = seq;
    for (let i = 0; i < 3; i++) await addCoding(db, { projectId: pid, documentId: b.documents[0]!.id, codeId: b.codes[2]!.id, start: 60 + i, end: 62 + i, coderId: coder });
    await db.codingJournal.where(':id').belowOrEqual(before + 1).delete();
    expect(await readCodingChangesSince(db, before)).toBeNull();
    // a purge or a project's deletion (a reset) since: read whole too
    const now = await latestCodingChange(db);
    await deleteProject(db, other.project.id);
    expect(await readCodingChangesSince(db, now)).toBeNull();
    const whole = await readCodingColumns(db, pid);
    const rebuilt = new CodingIndex(whole.digest);
    rebuilt.apply(pid, whole.changes);
    expect(rebuilt.all()).toEqual(gridView(await records(db, pid)));
  });

  it('every way codings change (apply, remove, merge codes, undo, redo, another project) leaves the digest read equal to the records', async () => {
    const db = await openChorusDb('coding-journal-1');
    const b = smallBundle(41);
    const other = smallBundle(42);
    await importBundle(db, b);
    const pid = b.project.id;
    await expectInStep(db, pid);
    expect(await db.codingDigests.get(pid)).toBeDefined(); // the first read wrote it
    const coder = b.coders[0]!.id;
    const [d1, d2] = b.documents;
    const made = await addCodings(db, Array.from({ length: 30 }, (_, i) => ({ projectId: pid, documentId: i % 2 ? d1!.id : d2!.id, codeId: b.codes[i % 3]!.id, start: i, end: i + 4, coderId: coder })), 'Many');
    await expectInStep(db, pid);
    for (let i = 0; i < 20; i++) await addCoding(db, { projectId: pid, documentId: d1!.id, codeId: b.codes[2]!.id, start: 50 + i, end: 52 + i, coderId: coder });
    await removeCoding(db, made[3]!.id);
    await expectInStep(db, pid);
    await mergeCodes(db, b.codes[1]!.id, b.codes[2]!.id);
    await expectInStep(db, pid);
    await undo(db, pid);
    await undo(db, pid);
    await expectInStep(db, pid);
    await redo(db, pid);
    await importBundle(db, other); // another project's codings are journalled but never join this one's
    const truth = await expectInStep(db, pid);
    expect(truth.length).toBeGreaterThan(40);
    expect(await projectCodings(db, other.project.id)).toEqual(await records(db, other.project.id));
    // what the app reads: listCodings and the export bundle
    expect(await listCodings(db, { projectId: pid })).toEqual(truth);
    expect((await exportBundle(db, pid)).codings).toEqual(truth);
  });

  it('the journal stays short: digests are rewritten as changes pile up, and entries no digest needs are pruned', async () => {
    const db = await openChorusDb('coding-journal-2');
    const b = smallBundle(43);
    await importBundle(db, b);
    const pid = b.project.id;
    for (let i = 0; i < REFRESH_ENTRIES + 20; i++) {
      await addCoding(db, { projectId: pid, documentId: b.documents[0]!.id, codeId: b.codes[i % 3]!.id, start: i % 40, end: (i % 40) + 3, coderId: b.coders[0]!.id });
      await projectCodings(db, pid);
    }
    const newest = await latestCodingChange(db);
    expect(newest).toBeGreaterThan(REFRESH_ENTRIES + 20);
    expect(await db.codingJournal.count()).toBeLessThanOrEqual(REFRESH_ENTRIES);
    expect(newest - (await db.codingDigests.get(pid))!.seq).toBeLessThan(REFRESH_ENTRIES);
    await expectInStep(db, pid);
  });

  it('a big change is journalled in entries of at most 10,000 codings, and read back whole', async () => {
    const db = await openChorusDb('coding-journal-big');
    const b = smallBundle(50);
    await importBundle(db, b);
    const pid = b.project.id;
    await projectCodings(db, pid);
    const before = await latestCodingChange(db);
    const hex = (n: number) => n.toString(16).padStart(12, '0');
    const many: Coding[] = Array.from({ length: 25_000 }, (_, i) => ({ ...b.codings[i % 3]!, id: `00000000-0000-4000-8000-${hex(i)}` }));
    await db.codings.bulkAdd(many);
    const entries = await db.codingJournal.where(':id').above(before).toArray();
    expect(entries.map((e) => e.written.length)).toEqual([10_000, 10_000, 5_000]);
    expect(await expectInStep(db, pid)).toHaveLength(25_000 + b.codings.length);
    await db.codings.bulkDelete(many.slice(0, 12_000).map((c) => c.id));
    expect(await expectInStep(db, pid)).toHaveLength(13_000 + b.codings.length);
  });

  it('a change rolled back with its transaction leaves no journal entry', async () => {
    const db = await openChorusDb('coding-journal-3');
    const b = smallBundle(44);
    await importBundle(db, b);
    const before = await db.codingJournal.count();
    const c = { ...b.codings[0]!, id: '0f0e0d0c-0b0a-4908-8706-050403020199' };
    await expect(
      db.transaction('rw', db.codings, async () => {
        await db.codings.add(c);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await db.codingJournal.count()).toBe(before);
    await expectInStep(db, b.project.id);
  });

  it('a range deletion is journalled as a reset, and the next read rebuilds from the records', async () => {
    const db = await openChorusDb('coding-journal-4');
    const b = smallBundle(45);
    await importBundle(db, b);
    await expectInStep(db, b.project.id);
    await db.codings.clear();
    expect(await db.codingJournal.where('reset').equals(1).count()).toBe(1);
    expect(await expectInStep(db, b.project.id)).toEqual([]);
  });

  it('a digest read before a purge is never written back after it', async () => {
    const db = await openChorusDb('coding-journal-5');
    const b = smallBundle(46);
    await importBundle(db, b);
    const pid = b.project.id;
    const read = await db.transaction('r', db.codings, db.codingDigests, db.codingJournal, () => readProjectCodings(db, pid));
    expect(read.refresh).not.toBeNull(); // no digest yet
    await db.transaction('rw', db.codings, db.codingDigests, db.codingJournal, async () => {
      await db.codings.delete(b.codings[0]!.id);
      await resetCodingCache(db);
    });
    await saveCodingDigest(db, read.refresh, read.codings);
    expect(await db.codingDigests.get(pid)).toBeUndefined();
    expect(await expectInStep(db, pid)).toHaveLength(b.codings.length - 1);
  });

  it('a retraction’s purge and a project’s deletion leave nothing of the removed codings in the cache', async () => {
    const db = await openChorusDb('coding-journal-6');
    const b = smallBundle(47);
    const other = smallBundle(48);
    await importBundle(db, b);
    await importBundle(db, other);
    const pid = b.project.id;
    await projectCodings(db, pid);
    await projectCodings(db, other.project.id);
    const doc = b.documents[0]!;
    const gone = b.codings.filter((c) => c.documentId === doc.id).map((c) => c.id);
    expect(gone.length).toBeGreaterThan(0);
    const marked = (await execute(db, pid, { type: 'retract', target: { kind: 'document', id: doc.id }, reason: 'participant request', by: 'Alex' })).result;
    await confirmRetraction(db, pid, marked.id);
    const cache = JSON.stringify([await db.codingJournal.toArray(), (await db.codingDigests.toArray()).map((d) => d.ids)]);
    for (const id of gone) expect(cache).not.toContain(id);
    expect((await expectInStep(db, pid)).map((c) => c.id).sort()).toEqual(b.codings.filter((c) => c.documentId !== doc.id).map((c) => c.id).sort());
    await projectCodings(db, other.project.id);
    await deleteProject(db, other.project.id);
    expect(await db.codingDigests.get(other.project.id)).toBeUndefined();
    expect(JSON.stringify(await db.codingJournal.toArray())).not.toContain(other.codings[0]!.id);
    expect(await projectCodings(db, other.project.id)).toEqual([]);
  });

  it('a v7 store opens at v8 with its codings read from the records (the cache starts empty)', async () => {
    const b = smallBundle(49);
    const v7 = new ChorusDb('coding-journal-v7', 7);
    await v7.open();
    await v7.codings.bulkAdd(b.codings);
    v7.close();
    const db = await openChorusDb('coding-journal-v7');
    expect(await db.codingDigests.count()).toBe(0);
    expect(await projectCodings(db, b.project.id)).toEqual([...b.codings].sort(byId));
    expect(await db.codingDigests.get(b.project.id)).toBeDefined();
  });
});
