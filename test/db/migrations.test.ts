import { describe, expect, it } from 'vitest';
import { ChorusDb, SCHEMA_VERSION, StoreError, openChorusDb, exportBundle, importBundle } from '../../renderer/db';
import { smallBundle } from './fixtures';

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
