import { describe, expect, it } from 'vitest';
import { ChorusDb, SCHEMA_VERSION, StoreError, openChorusDb, exportBundle, importBundle } from '../../renderer/db';
import { smallBundle } from './fixtures';
import { readAnswersStored, readDatasetStoredText } from '../../renderer/db/datasets';
import { DATASET_BLOCK_ROWS, datasetDocumentId, datasetIdFrom, datasetRowKey, rowAnswerId } from '../../shared/import/dataset';
import type { DatasetRowRecord } from '../../renderer/db/schema';

/** Every answer place (two slots a row) of these rows, read at once from their blocks: the stored answers by document id. */
async function storedAnswers(db: ChorusDb, rowKeys: readonly string[], tables = [...new Set(rowKeys.map((k) => k.slice(0, 24)))]) {
  const ids = rowKeys.flatMap((k) => [rowAnswerId(k, 0), rowAnswerId(k, 1)]);
  const read = await readAnswersStored(db, ids, new Set(tables));
  return new Map(ids.flatMap((id, i) => (read[i] ? [[id, read[i]!] as const] : [])));
}

/**
 * Survey answer rows as a v4–v6 store held them (one record per row): two datasets, the first with
 * gaps (row 7 and rows 1,000–1,099 have no record, rows 1,100–1,999 are all empty answers), row 9 with
 * one empty answer; the second a single short block.
 */
function legacyRows() {
  const a = datasetIdFrom('0f0e0d0c-0b0a-4908-8706-050403020100');
  const b = datasetIdFrom('1f0e0d0c-0b0a-4908-8706-050403020100');
  const text = (ds: string, r: number, slot: string) => ({ v: 0 as const, text: `${ds === a ? 'A' : 'B'} answer ${r}${slot}` });
  const rows: DatasetRowRecord[] = [];
  for (let r = 0; r < 2500; r++) {
    if (r === 7 || (r >= 1000 && r < 1100)) continue;
    rows.push({ key: datasetRowKey(a, r), texts: r >= 1100 && r < 2000 ? [null, null] : [text(a, r, 'a'), r === 9 ? null : text(a, r, 'b')] });
  }
  for (let r = 0; r < 30; r++) rows.push({ key: datasetRowKey(b, r), texts: [text(b, r, 'x')] });
  return { a, b, rows };
}

/** Every answer that was stored, by document id. */
const answersOf = (rows: readonly DatasetRowRecord[]) => new Map(rows.flatMap((r) => r.texts.flatMap((t, slot) => (t ? [[rowAnswerId(r.key, slot), t] as const] : []))));

describe('schema versions', () => {
  it('opens a fresh store at the newest version', async () => {
    const db = await openChorusDb('mig-fresh');
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).toContain('termCounts');
    db.close();
  });

  it('v1 → v2 keeps every row and adds the term-count cache and the [documentId+codeId] index', async () => {
    const v1 = new ChorusDb('mig-v1', 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const b = smallBundle(7);
    await importBundle(v1, b);
    v1.close();

    const db = await openChorusDb('mig-v1');
    expect(db.verno).toBe(SCHEMA_VERSION);
    const back = await exportBundle(db, b.project.id);
    expect(back.codings).toHaveLength(b.codings.length);
    expect(back.documents.map((d) => d.text).sort()).toEqual(b.documents.map((d) => d.text).sort());
    const d1 = b.documents[0]!.id;
    const viaIndex = await db.codings.where('[documentId+codeId]').equals([d1, b.codes[1]!.id]).count();
    expect(viaIndex).toBe(1);
    expect(await db.termCounts.count()).toBe(0);
    db.close();
  });

  it('v2 → v3 adds the undo history and keeps every row', async () => {
    const v2 = new ChorusDb('mig-v2', 2);
    await v2.open();
    const b = smallBundle(8);
    await importBundle(v2, b);
    v2.close();
    const db = await openChorusDb('mig-v2');
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.history.count()).toBe(0);
    expect((await exportBundle(db, b.project.id)).codes).toHaveLength(b.codes.length);
    db.close();
  });

  it('v3 → v4 adds the survey dataset tables and keeps every row', async () => {
    const v3 = new ChorusDb('mig-v3', 3);
    await v3.open();
    const b = smallBundle(9);
    await importBundle(v3, b);
    v3.close();
    const db = await openChorusDb('mig-v3');
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.datasetRows.count()).toBe(0);
    const back = await exportBundle(db, b.project.id);
    expect(back.documents.map((d) => d.text).sort()).toEqual(b.documents.map((d) => d.text).sort());
    expect(back.participants).toHaveLength(b.participants.length);
    db.close();
  });

  it('v4 → v5 adds coder assignments and consensus decisions and keeps every row', async () => {
    const v4 = new ChorusDb('mig-v4', 4);
    await v4.open();
    const b = smallBundle(10);
    await importBundle(v4, b);
    v4.close();
    const db = await openChorusDb('mig-v4');
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.assignments.count()).toBe(0);
    expect(await db.decisions.count()).toBe(0);
    const back = await exportBundle(db, b.project.id);
    expect(back.codings).toHaveLength(b.codings.length);
    expect(back.documents.map((d) => d.text).sort()).toEqual(b.documents.map((d) => d.text).sort());
    expect(back.assignments).toEqual([]);
    expect(back.decisions).toEqual([]);
    db.close();
  });

  it('v6 → v7 moves survey answers from one record per row into blocks of 1,000 rows (stored texts as they were), every answer readable by its document id', async () => {
    const v6 = new ChorusDb('mig-v6', 6);
    await v6.open();
    const { a, b, rows } = legacyRows();
    await v6.datasetRows.bulkAdd(rows);
    v6.close();

    const db = await openChorusDb('mig-v6');
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.datasetRows.count()).toBe(0);
    const blocks = await db.datasetBlocks.toArray();
    // block 1 of the first dataset holds no answer at all (gap then empty rows): no record
    expect(blocks.map((x) => [x.key.slice(0, 24) === a ? 'A' : 'B', x.first, x.rows!.length])).toEqual([
      ['A', 0, DATASET_BLOCK_ROWS],
      ['A', 2000, 500],
      ['B', 0, 30],
    ]);
    expect(blocks[0]!.rows![7]).toBeNull();
    expect(blocks[0]!.rows![9]).toEqual([{ v: 0, text: 'A answer 9a' }, null]);
    const want = answersOf(rows);
    const keys = [...Array.from({ length: 2600 }, (_, r) => datasetRowKey(a, r)), ...Array.from({ length: 40 }, (_, r) => datasetRowKey(b, r))];
    expect(await storedAnswers(db, keys)).toEqual(want);
    // a table not named is not read
    expect(await storedAnswers(db, keys, [b])).toEqual(new Map([...want].filter(([id]) => id.startsWith(b))));
    expect(want.size).toBe(999 * 2 - 1 + 500 * 2 + 30); // rows 0–999 but row 7, two answers each but row 9; rows 2,000–2,499; the second dataset's 30
    expect(await readDatasetStoredText(db, datasetDocumentId(a, 2499, 1))).toEqual({ v: 0, text: 'A answer 2499b' });
    expect(await readDatasetStoredText(db, datasetDocumentId(b, 29, 0))).toEqual({ v: 0, text: 'B answer 29x' });
    for (const [r, slot] of [[7, 0], [9, 1], [1050, 0], [1500, 0], [2500, 0]] as const) expect(await readDatasetStoredText(db, datasetDocumentId(a, r, slot))).toBeUndefined();
    db.close();
    }, 60_000);

  it('v4 and v5 stores with survey rows open at v7 with their answers in blocks', async () => {
    for (const version of [4, 5]) {
      const name = `mig-rows-v${version}`;
      const old = new ChorusDb(name, version);
      await old.open();
      const b = smallBundle(20 + version);
      await importBundle(old, b);
      const { rows } = legacyRows();
      await old.datasetRows.bulkAdd(rows);
      old.close();

      const db = await openChorusDb(name);
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.datasetRows.count()).toBe(0);
      expect(await db.datasetBlocks.count()).toBe(3);
      expect(await storedAnswers(db, rows.map((r) => r.key))).toEqual(answersOf(rows));
      expect((await exportBundle(db, b.project.id)).documents.map((d) => d.text).sort()).toEqual(b.documents.map((d) => d.text).sort());
      db.close();
    }
    }, 60_000);

  it('refuses a store written by a newer Chorus with a clear message', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('mig-newer', (SCHEMA_VERSION + 5) * 10);
      req.onupgradeneeded = () => req.result.createObjectStore('projects', { keyPath: 'id' });
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const err = await openChorusDb('mig-newer').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('newer-schema');
    expect((err as StoreError).message).toMatch(/newer version of Chorus/);
  });

  it('reports unavailable storage when there is no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser with storage disabled
    delete globalThis.indexedDB;
    try {
      const err = await openChorusDb('x').catch((e: unknown) => e);
      expect((err as StoreError).code).toBe('unavailable');
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
