/**
 * Reading texts back through the storage codec on a project that holds a survey dataset: every
 * read path must read its rows inside the transaction and decode after it. The codec's promises
 * are not Dexie's: awaited inside a transaction they exhaust Dexie's zone echo (so later reads
 * leave the transaction) or, with a real cipher, let IndexedDB auto-commit — "Transaction
 * committed too early" (PrematureCommitError). Run with the plain codec and a real AES-GCM one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  createCode, addCoding, datasetTexts, ensureTermCounts, exportBundle, getDocumentText, getDocumentTexts, getMemo, importBundle, listCoders, listDatasets, listDocuments,
  openChorusDb, plainCodec, saveMemo, setCodec, type ChorusDb, type StorageCodec, type StoredText,
} from '../../renderer/db';
import { blockRows } from '../../renderer/db/dataset-blocks';
import { importThroughSession } from './session-import';
import type { TableMapping } from '../../shared/import/mapping';
import { ProjectBundle } from '../../shared/model';
import { termCounts } from '../../shared/analysis/text';
import { freshAesCodec } from './aes-codec';
import { smallBundle } from './fixtures';

const ROWS = 150;
const CSV = ['ID,Area,Experience,Improvements', ...Array.from({ length: ROWS }, (_, i) => `R${i + 1},${['North', 'South', 'East'][i % 3]},"I waited ${i + 1} days for a call back from 101.","${i % 7 === 0 ? '' : `Keep me updated, answer ${i + 1}.`}"`)].join('\r\n');
const mapping: TableMapping = { idColumn: 'ID', textColumns: ['Experience', 'Improvements'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } };

let n = 0;
/** A project with stored texts, a memo and a 240-row survey dataset; its name, so a second connection (as a worker opens) can read it. */
async function seeded(): Promise<{ name: string; pid: string; db: ChorusDb }> {
  const name = `reads-codec-${++n}`;
  const db = await openChorusDb(name);
  const b = smallBundle(n + 700);
  await importBundle(db, b);
  const pid = b.project.id;
  await importThroughSession(db, pid, { csv: CSV, mapping, chunkRows: 50 });
  return { name, pid, db };
}

/** Re-store every text with `codec` (encoded outside any transaction), then make it the active codec. */
async function encryptAll(db: ChorusDb, codec: StorageCodec): Promise<void> {
  const texts = await db.texts.toArray();
  const plain = await Promise.all(texts.map((t) => plainCodec.decode(t.stored)));
  const enc = await codec.encodeMany(plain);
  const blocks = await db.datasetBlocks.toArray();
  const reEncode = (t: StoredText | null) => (t ? plainCodec.decode(t).then((x) => codec.encode(x)) : null);
  const blocksEnc = await Promise.all(blocks.map(async (b) => ({ key: b.key, first: b.first, rows: await Promise.all(blockRows(b).map((r) => (r ? Promise.all(r.map(reEncode)) : null))) })));
  await db.texts.bulkPut(texts.map((t, i) => ({ ...t, stored: enc[i]! })));
  await db.datasetBlocks.bulkPut(blocksEnc);
  setCodec(codec);
}

/** Wraps a codec so that any decode or encode started inside a Dexie transaction is recorded. */
function watched(codec: StorageCodec) {
  const inside: string[] = [];
  const note = (what: string) => {
    if (Dexie.currentTransaction) inside.push(what);
  };
  const w: StorageCodec = {
    encode: (t) => (note('encode'), codec.encode(t)),
    encodeMany: (t) => (note('encodeMany'), codec.encodeMany(t)),
    decode: (s) => (note('decode'), codec.decode(s)),
  };
  return { codec: w, inside };
}

afterEach(() => setCodec(plainCodec));

for (const kind of ['plain', 'AES-GCM'] as const) {
  describe(`reads on a project with a survey dataset (${kind} codec)`, () => {
    async function ready() {
      const s = await seeded();
      const base = kind === 'plain' ? plainCodec : await freshAesCodec();
      if (kind !== 'plain') await encryptAll(s.db, base);
      const w = watched(base);
      setCodec(w.codec);
      // a second connection, as the analysis worker opens (no dataset cached yet)
      return { ...s, fresh: await openChorusDb(s.name), inside: w.inside };
    }

    it('exportBundle returns every text, decoded, and never decodes inside its transaction', async () => {
      const { db, fresh, pid, inside } = await ready();
      const code = await createCode(db, { projectId: pid, parentId: null, name: 'Waiting' });
      const [coder] = await listCoders(db, pid);
      const docs = await listDocuments(db, pid);
      const answer = docs.find((d) => d.kind === 'response')!;
      await addCoding(db, { projectId: pid, documentId: answer.id, codeId: code.id, coderId: coder!.id, start: 0, end: 8 });
      const bundle = await exportBundle(fresh, pid);
      expect(bundle.documents).toHaveLength(docs.length);
      expect(bundle.documents.filter((d) => d.kind === 'response')).toHaveLength(ROWS * 2 - Math.ceil(ROWS / 7));
      for (const d of bundle.documents) expect(d.text).toBe(await getDocumentText(db, d.id));
      expect(bundle.documents.find((d) => d.id === answer.id)!.text).toMatch(/^I waited \d+ days/);
      expect(bundle.memos.map((m) => m.text)).toEqual(['Watch for 101 waits.']);
      expect(bundle.codings.some((c) => c.documentId === answer.id)).toBe(true);
      expect(inside).toEqual([]);
      // the survey's documents and participants are not checked one by one: checking the whole bundle changes nothing
      expect(bundle.participants.length).toBeGreaterThan(3);
      expect(ProjectBundle.parse(bundle)).toEqual(bundle);
    });

    it('exportBundle still checks every stored row: a damaged stored document or participant is refused', async () => {
      const { db, fresh, pid } = await ready();
      const stored = (await db.documents.where('projectId').equals(pid).first())!;
      await db.documents.put({ ...stored, title: 'x'.repeat(301) });
      await expect(exportBundle(fresh, pid)).rejects.toThrow(/title|300/);
      await db.documents.put(stored);
      const person = (await db.participants.where('projectId').equals(pid).first())!;
      await db.participants.put({ ...person, sourceId: 'not a guid' });
      await expect(exportBundle(fresh, pid)).rejects.toThrow(/sourceId|uuid|guid/i);
    });

    it('getDocumentTexts and datasetTexts agree with one-by-one reads', async () => {
      const { fresh, pid, inside } = await ready();
      const docs = await listDocuments(fresh, pid);
      const texts = await getDocumentTexts(fresh, docs.map((d) => d.id));
      const [ds] = await listDatasets(fresh, pid);
      const answers = await datasetTexts(fresh, ds!);
      expect(answers.size).toBe(docs.filter((d) => d.kind === 'response').length);
      for (const [i, d] of docs.entries()) {
        expect(texts[i]).toBe(await getDocumentText(fresh, d.id));
        if (d.kind === 'response') expect(answers.get(d.id)).toBe(texts[i]);
      }
      expect(inside).toEqual([]);
    });

    it('ensureTermCounts counts every document, survey answers included', async () => {
      const { fresh, pid, inside } = await ready();
      const docs = await listDocuments(fresh, pid);
      const got = await ensureTermCounts(fresh, pid);
      expect(got.size).toBe(docs.length);
      for (const d of docs.slice(0, 40)) expect(got.get(d.id)).toEqual(termCounts(await getDocumentText(fresh, d.id)));
      expect(inside).toEqual([]);
    });

    it('memos read back through the codec', async () => {
      const { db, pid, inside } = await ready();
      await saveMemo(db, { projectId: pid, target: { kind: 'project', id: pid }, text: 'Ms Nield’s account 😞' });
      expect((await getMemo(db, { kind: 'project', id: pid }))?.text).toBe('Ms Nield’s account 😞');
      expect(inside).toEqual([]);
    });
  });
}
