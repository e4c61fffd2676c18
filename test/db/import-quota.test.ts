/**
 * A store that fills up part-way through an import: IndexedDB refuses a write with a
 * QuotaExceededError (planted here in fake-indexeddb's object store, after some rows have been
 * written in the same transaction). The import must roll back to exactly the store it found and
 * say why in words, through the db layer and through the import worker's session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commitImports } from '../../renderer/db';
import { isQuotaError, StorageFullError } from '../../renderer/db/quota';
import { ImportSession } from '../../renderer/workers/import-session';
import { TableBuilder } from '../../shared/import/mapping';
import { newGuid, type DocumentWithText } from '../../shared/model';
import { freshProject, snapshot } from './test-store';

type Writer = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const proto = globalThis.IDBObjectStore.prototype as unknown as { add: Writer; put: Writer };
const original = { add: proto.add, put: proto.put };
afterEach(() => Object.assign(proto, original));

/**
 * From now on, the `nth` write (add or put) into a store whose name starts with `prefix` — and
 * every one after it — is refused as the browser refuses a write over quota. Returns the writes
 * that went through into those stores before it.
 */
function fillUpAt(prefix: string, nth: number): { written: () => number } {
  let seen = 0;
  for (const op of ['add', 'put'] as const) {
    proto[op] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name.startsWith(prefix) && ++seen >= nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original[op].apply(this, args);
    };
  }
  return { written: () => Math.min(seen, nth - 1) };
}

const meta = (file: string) => ({ fileNames: [file], checksum: file, by: 'You', redactions: {} });

function documentsBatch(pid: string, rows: number) {
  const sourceId = newGuid();
  const participants = Array.from({ length: rows }, (_, i) => ({ id: newGuid(), projectId: pid, sourceId, pseudonym: `R${i + 1}`, attributes: {} }));
  const documents: DocumentWithText[] = participants.map((p, i) => {
    const text = `Response ${i + 1}: I waited three weeks for a call back.`;
    return { id: newGuid(), projectId: pid, sourceId, participantId: p.id, title: `R${i + 1}`, kind: 'response', length: text.length, turns: [], text, createdAt: '2026-01-01T00:00:00Z' };
  });
  return { sources: [{ id: sourceId, projectId: pid, name: 'Interviews', kind: 'interview' as const, description: '', createdAt: '2026-01-01T00:00:00Z' }], variables: [], participants, documents, skippedEmpty: 0 };
}

/** A survey table streamed as a dataset, in chunks of `per` rows. */
function datasetBatch(pid: string, rows: number, per: number) {
  const builder = new TableBuilder(
    { columns: ['ID', 'Area', 'Q1'], descriptions: [] },
    { idColumn: 'ID', textColumns: ['Q1'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: pid, newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
  );
  function* chunks() {
    for (let i = 0; i < rows; i += per) {
      const answers = builder.addRows(Array.from({ length: Math.min(per, rows - i) }, (_, j) => [`R${i + j + 1}`, j % 2 ? 'North' : 'South', `Answer ${i + j + 1}: the officer was kind.`]));
      yield answers.map((a) => ({ row: a.row, texts: [a.text] }));
    }
  }
  return { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: chunks(), documents: rows, participants: rows, rowCount: rows, dataset: () => builder.dataset() } };
}

describe('a store that fills up part-way through an import', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError(new Error('Key already exists', { cause: new Error('no') }))).toBe(false);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
  });

  it('rolls back a document batch whose texts no longer fit, and says so', async () => {
    const { db, pid } = await freshProject('import-quota');
    const before = await snapshot(db);
    const full = fillUpAt('texts', 3);
    const p = commitImports(db, pid, [{ batch: documentsBatch(pid, 40), meta: meta('interviews.txt') }], { chunk: 1 });
    await expect(p).rejects.toBeInstanceOf(StorageFullError);
    await expect(p).rejects.toThrow(/ran out of space part-way through the import .* everything written was rolled back/);
    expect(full.written()).toBe(2); // some texts were written before the store filled up
    Object.assign(proto, original);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back a survey dataset part-way through its rows, with the files before it in the same commit', async () => {
    const { db, pid } = await freshProject('import-quota');
    const before = await snapshot(db);
    const full = fillUpAt('dataset', 3);
    const p = commitImports(db, pid, [{ batch: documentsBatch(pid, 5), meta: meta('a.txt') }, { batch: datasetBatch(pid, 3000, 100), meta: meta('survey.csv') }], { chunk: 2 });
    await expect(p).rejects.toBeInstanceOf(StorageFullError);
    expect(full.written()).toBe(2);
    Object.assign(proto, original);
    expect(await snapshot(db)).toEqual(before);
    // and the store still works: the same import goes through once there is room
    await commitImports(db, pid, [{ batch: datasetBatch(pid, 300, 100), meta: meta('survey.csv') }]);
    expect(await db.imports.where('projectId').equals(pid).count()).toBe(1);
  });

  it('reaches the Import workspace as a specific message from the import worker, nothing stored', async () => {
    const { db, pid } = await freshProject('import-quota');
    const before = await snapshot(db);
    const csv = ['ID,Area,Experience', ...Array.from({ length: 300 }, (_, i) => `R${i + 1},North,"I waited ${i + 1} days for a call back."`)].join('\n');
    const s = new ImportSession(async () => db, () => new Date('2026-11-27T10:00:00Z'), { chunkRows: 50 });
    expect((await s.handle({ type: 'add-file', projectId: pid, fileId: 'f', name: 'survey.csv', data: new TextEncoder().encode(csv) })).type).toBe('file');
    expect((await s.handle({ type: 'parse-table', fileId: 'f', settings: {} })).type).toBe('table');
    const mapping = { idColumn: 'ID', textColumns: ['Experience'], attributes: [{ column: 'Area', type: 'category' as const }], dateOrder: 'dmy' as const, source: { name: 'Survey', kind: 'survey' as const } };
    const review = await s.handle({ type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'Interviews', kind: 'interview' }, allowList: [] });
    expect(review.type).toBe('review');
    fillUpAt('dataset', 2);
    const r = await s.handle({ type: 'commit', projectId: pid, decisions: {}, by: 'Analyst', chunk: 50 });
    expect(r).toMatchObject({ type: 'error', message: expect.stringMatching(/^The store ran out of space part-way through the import/) });
    Object.assign(proto, original);
    expect(await snapshot(db)).toEqual(before);
  });
});
