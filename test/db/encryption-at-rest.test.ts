/**
 * Encryption at rest with a real passphrase (Argon2id → AES-256-GCM): after a passphrase is set,
 * no row of any table holds a planted plaintext value (document text, memo text, survey answers,
 * undo history, term counts); a wrong passphrase changes nothing; locking drops the key; a changed
 * stored text is reported as tampering, not as a wrong passphrase.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  datasetTexts, ensureTermCounts, executeSetPassphrase, exportBundle, getDocumentTexts, getMemo, importBundle, listDatasets, listDocuments,
  lockAll, lockState, openChorusDb, prepareProjectCodec, saveMemo, undo, unlockProject, unlockWithSessionKey, type ChorusDb,
} from '../../renderer/db';
import { importThroughSession } from './session-import';
import { TamperedDataError, WrongPassphraseError } from '../../shared/crypto';
import type { TableMapping } from '../../shared/import/mapping';
import { smallBundle } from './fixtures';
import { storedStrings } from './test-store';

/** Cheap Argon2id for tests (the defaults are checked in test/unit/crypto). */
const KDF = { memoryKiB: 256, iterations: 1 };
const PASS = 'plum orchard lantern';
const PLANT = { doc: 'Quokkaveldt', memo: 'Marmalisk', memoOld: 'Brindleworth', answer: 'Zephyrquill' } as const;

const CSV = ['ID,Area,Experience', ...Array.from({ length: 40 }, (_, i) => `R${i + 1},${['North', 'South'][i % 2]},"I waited ${i + 1} days; ${PLANT.answer} ${i} never rang back."`)].join('\r\n');
const mapping: TableMapping = { idColumn: 'ID', textColumns: ['Experience'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } };

let n = 0;
async function seeded(): Promise<{ db: ChorusDb; pid: string; memoTarget: { kind: 'project'; id: string } }> {
  const db = await openChorusDb(`at-rest-${++n}`);
  const b = smallBundle(n + 900);
  b.documents[1]!.text = `The officer ${PLANT.doc} believed me.`;
  b.documents[1]!.length = b.documents[1]!.text.length;
  await importBundle(db, b);
  const pid = b.project.id;
  await importThroughSession(db, pid, { csv: CSV, mapping, chunkRows: 16 });
  // a memo edited twice: the undo history holds its text before and after
  const memoTarget = { kind: 'project' as const, id: pid };
  await saveMemo(db, { projectId: pid, target: memoTarget, text: `First thoughts: ${PLANT.memoOld}.` });
  await saveMemo(db, { projectId: pid, target: memoTarget, text: `Second thoughts: ${PLANT.memo}.` });
  await ensureTermCounts(db, pid); // the cache holds the words of every text
  return { db, pid, memoTarget };
}

afterEach(() => lockAll());

describe('encryption at rest', () => {
  it('the planted values are in the store in clear before a passphrase is set (the scan finds them)', async () => {
    const { db } = await seeded();
    const all = await storedStrings(db);
    for (const v of Object.values(PLANT)) expect(all).toContain(v);
  });

  it('after setting a passphrase no row of any table holds a planted value, and every read gives the same texts', async () => {
    const { db, pid, memoTarget } = await seeded();
    const docs = await listDocuments(db, pid);
    const before = await getDocumentTexts(db, docs.map((d) => d.id));
    const counts = await ensureTermCounts(db, pid);
    const r = await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    expect(r).toMatchObject({ texts: 4, answers: 40, encrypted: true }); // 2 documents, 2 memos
    expect(r.historyTexts).toBeGreaterThanOrEqual(3);
    expect(await lockState(db, pid)).toBe('unlocked');

    const all = await storedStrings(db);
    for (const v of Object.values(PLANT)) expect(all).not.toContain(v);
    // every text row, answer and history text is ciphertext
    expect((await db.texts.toArray()).every((t) => t.stored.v === 1)).toBe(true);
    const blocks = await db.datasetBlocks.toArray();
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.rows !== undefined && b.rows.every((row) => row === null || row.every((t) => t === null || t.v === 1)))).toBe(true);

    expect(await getDocumentTexts(db, docs.map((d) => d.id))).toEqual(before);
    expect((await getMemo(db, memoTarget))?.text).toBe(`Second thoughts: ${PLANT.memo}.`);
    const [ds] = await listDatasets(db, pid);
    expect([...(await datasetTexts(db, ds!)).values()].filter((t) => t.includes(PLANT.answer))).toHaveLength(40);
    expect((await exportBundle(db, pid)).documents.map((d) => d.text)).toEqual(before);
    // term counts are rebuilt through the codec: sealed in the store, the same counts read back
    expect(await ensureTermCounts(db, pid)).toEqual(counts);
    expect((await db.termCounts.toArray()).every((t) => t.sealed?.v === 1 && Object.keys(t.terms).length === 0)).toBe(true);
    expect(await storedStrings(db)).not.toContain(PLANT.doc.toLowerCase());
    // new writes are encrypted too, and undo restores the earlier memo text from encrypted history
    await undo(db, pid);
    expect((await getMemo(db, memoTarget))?.text).toBe(`First thoughts: ${PLANT.memoOld}.`);
    await saveMemo(db, { projectId: pid, target: memoTarget, text: 'Third: Vantablossom.' });
    expect(await storedStrings(db)).not.toContain('Vantablossom');
    // the audit entry has counts, never content
    const audit = (await db.audit.where('projectId').equals(pid).toArray()).find((a) => a.action === 'project.passphrase.set');
    expect(audit?.counts).toEqual({ texts: 4, answers: 40, historyTexts: r.historyTexts });
  });

  it('a wrong passphrase is refused with a clear message and changes nothing; the right one opens the same texts', async () => {
    const { db, pid } = await seeded();
    const ids = (await listDocuments(db, pid)).map((d) => d.id);
    const before = await getDocumentTexts(db, ids);
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    lockAll();
    expect(await prepareProjectCodec(db, pid)).toBe('locked');
    await expect(getDocumentTexts(db, ids)).rejects.toThrow(/encrypted and no key/);
    const stored = await storedStrings(db);
    const e = await unlockProject(db, pid, 'plum orchard lanterns').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WrongPassphraseError);
    expect((e as Error).message).toMatch(/^The passphrase is not the one this project was locked with\. Nothing was changed/);
    expect(await storedStrings(db)).toBe(stored);
    expect(await lockState(db, pid)).toBe('locked');
    await unlockProject(db, pid, PASS);
    expect(await lockState(db, pid)).toBe('unlocked');
    expect(await getDocumentTexts(db, ids)).toEqual(before);
  });

  it('lock drops the key; opening another project drops it too', async () => {
    const { db, pid } = await seeded();
    const ids = (await listDocuments(db, pid)).map((d) => d.id);
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    await getDocumentTexts(db, ids);
    lockAll();
    expect(await lockState(db, pid)).toBe('locked');
    await expect(getDocumentTexts(db, ids)).rejects.toThrow(/no key/);
    await unlockProject(db, pid, PASS);
    const other = smallBundle(4242);
    await importBundle(db, other);
    expect(await prepareProjectCodec(db, other.project.id)).toBe('plain');
    expect(await lockState(db, pid)).toBe('locked');
  });

  it('a changed stored text is reported as tampering (the passphrase was right), not as a wrong passphrase', async () => {
    const { db, pid } = await seeded();
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const doc = (await listDocuments(db, pid)).find((d) => d.kind === 'document')!;
    const row = (await db.texts.get(doc.id))!;
    if (row.stored.v !== 1) throw new Error('expected ciphertext');
    const data = row.stored.data.slice();
    data[3]! ^= 0x20;
    await db.texts.put({ ...row, stored: { ...row.stored, data } });
    lockAll();
    await unlockProject(db, pid, PASS);
    const e = await getDocumentTexts(db, [doc.id]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TamperedDataError);
    expect((e as Error).message).toMatch(/passphrase is right, but a stored text of this project has been changed or damaged/);
  });

  it('changing the passphrase re-encrypts under a new key; removing it stores plain text again', async () => {
    const { db, pid } = await seeded();
    const ids = (await listDocuments(db, pid)).map((d) => d.id);
    const before = await getDocumentTexts(db, ids);
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const firstCipher = (await db.texts.get(ids[0]!))!.stored;
    await executeSetPassphrase(db, pid, 'a different passphrase', { kdf: KDF });
    expect((await db.texts.get(ids[0]!))!.stored).not.toEqual(firstCipher);
    lockAll();
    await expect(unlockProject(db, pid, PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    // changing needs the project unlocked
    await expect(executeSetPassphrase(db, pid, 'yet another one', { kdf: KDF })).rejects.toThrow(/Unlock this project/);
    await unlockProject(db, pid, 'a different passphrase');
    await executeSetPassphrase(db, pid, null);
    expect(await lockState(db, pid)).toBe('plain');
    expect(await getDocumentTexts(db, ids)).toEqual(before);
    expect(await storedStrings(db)).toContain(PLANT.doc);
  });

  it('deleting a project removes its lock record', async () => {
    const { db, pid } = await seeded();
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const { deleteProject } = await import('../../renderer/db');
    await deleteProject(db, pid);
    expect(await db.projectLocks.count()).toBe(0);
  });
});

describe('writes go under the right key', () => {
  it('a project opened or created while another is unlocked is stored plain (never under the other key); a locked project refuses writes', async () => {
    const { db, pid } = await seeded();
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const other = smallBundle(5151);
    other.documents[0]!.text = `Interviewer: hello\nP1: ${PLANT.doc} again.`;
    other.documents[0]!.length = other.documents[0]!.text.length;
    other.documents[0]!.turns = [];
    await importBundle(db, other);
    const row = await db.texts.get(other.documents[0]!.id);
    expect(row?.stored).toEqual({ v: 0, text: other.documents[0]!.text });
    expect(await lockState(db, other.project.id)).toBe('plain');
    // the encrypted project, locked: a memo save is refused and nothing is written
    lockAll();
    const before = await storedStrings(db);
    await expect(saveMemo(db, { projectId: pid, target: { kind: 'project', id: pid }, text: 'while locked' })).rejects.toThrow(/locked: unlock it/);
    await expect(undo(db, pid)).rejects.toThrow(/locked/);
    expect(await storedStrings(db)).toBe(before);
  });
});

describe('a key held for the session (Electron safeStorage)', () => {
  it('unlockProject can hand back the raw key; those bytes reopen the project; other bytes do not', async () => {
    const { db, pid } = await seeded();
    const ids = (await listDocuments(db, pid)).map((d) => d.id);
    const before = await getDocumentTexts(db, ids);
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    lockAll();
    const raw = await unlockProject(db, pid, PASS, { keepRaw: true });
    expect(raw).toHaveLength(32);
    lockAll();
    expect(await unlockWithSessionKey(db, pid, new Uint8Array(32).fill(1))).toBe(false);
    expect(await lockState(db, pid)).toBe('locked');
    expect(await unlockWithSessionKey(db, pid, raw!)).toBe(true);
    expect(await lockState(db, pid)).toBe('unlocked');
    expect(await getDocumentTexts(db, ids)).toEqual(before);
  });
});
