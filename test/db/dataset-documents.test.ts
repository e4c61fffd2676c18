import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { ChorusDb, commitImport, createProject, execute, listCodes, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { datasetIdsOf, openDatasetsOf } from '../../renderer/db/dataset-documents';
import { TableBuilder } from '../../shared/import/mapping';
import { datasetDocumentId } from '../../shared/import/dataset';
import { newGuid } from '../../shared/model';
import { freshAesCodec } from './aes-codec';

afterEach(() => setCodec(plainCodec));

/** A project with one coder, one code and a 30-row survey table (two answers a row, the second blank on odd rows). */
async function surveyProject(name: string) {
  const db = await openChorusDb(name);
  const project = await createProject(db, 'Coding path');
  const builder = new TableBuilder(
    { columns: ['ID', 'Area', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', textColumns: ['Q1', 'Q2'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: project.id, newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
  );
  const answers = builder.addRows(Array.from({ length: 30 }, (_, i) => [`R${i}`, ['North', 'South'][i % 2]!, `First answer ${i}`, i % 2 ? '' : `Second ${i}`]));
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  await commitImport(
    db,
    project.id,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: 30, rowCount: 30, dataset: () => builder.dataset() } },
    { fileNames: ['s.csv'], checksum: 'c', by: 'me', redactions: {} },
  );
  await execute(db, project.id, { type: 'createCoder', name: 'Alex', initials: 'AX', colour: '#0072B2' });
  await execute(db, project.id, { type: 'createCode', name: 'Waiting', parentId: null });
  const coderId = (await db.coders.where('projectId').equals(project.id).first())!.id;
  const codeId = (await listCodes(db, project.id))[0]!.id;
  db.close();
  return { projectId: project.id, datasetId: builder.datasetId, coderId, codeId };
}

/** The same store opened again (so nothing is cached), counting every read of the datasets table. */
async function reopenCounting(name: string) {
  const reads = { datasets: 0 };
  const db = new ChorusDb(name);
  db.use({
    stack: 'dbcore',
    name: 'count-dataset-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const t = down.table(tableName);
        if (tableName !== 'datasets') return t;
        return {
          ...t,
          get: (req) => (reads.datasets++, t.get(req)),
          getMany: (req) => (reads.datasets++, t.getMany(req)),
          query: (req) => (reads.datasets++, t.query(req)),
          openCursor: (req) => (reads.datasets++, t.openCursor(req)),
        };
      },
    }),
  });
  await db.open();
  return { db, reads };
}

describe('the coding path reads only the datasets it codes in', () => {
  it('tells dataset answer ids from other GUIDs', () => {
    const ds = datasetDocumentId('0a1b2c3d-0000-4000-8000-', 5, 1).slice(0, 24);
    const ids = [datasetDocumentId(ds, 5, 1), datasetDocumentId(ds, 9, 0), 'not-a-guid', datasetDocumentId('ffffffff-0000-4000-8000-', 0, 0)];
    expect(datasetIdsOf(ids)).toEqual([ds, 'ffffffff-0000-4000-8000-']);
    expect(datasetIdsOf([])).toEqual([]);
  });

  it('reads a survey’s dataset record once per session, not once per coding', async () => {
    const name = `coding-path-${newGuid()}`;
    const p = await surveyProject(name);
    const { db, reads } = await reopenCounting(name);
    const span = (row: number) => ({ documentId: datasetDocumentId(p.datasetId, row, 0), codeId: p.codeId, start: 0, end: 5, coderId: p.coderId });
    await execute(db, p.projectId, { type: 'applyCodings', spans: [span(3)] });
    const first = reads.datasets;
    expect(first).toBeGreaterThan(0);
    for (const row of [4, 5, 6, 7]) await execute(db, p.projectId, { type: 'applyCodings', spans: [span(row)] });
    // four more codings in the same table: no further read of its record
    expect(reads.datasets).toBe(first);
    expect(await db.codings.where('projectId').equals(p.projectId).count()).toBe(5);
    // the plan still checks the span against the answer's own length, from the cached dataset
    await expect(execute(db, p.projectId, { type: 'applyCodings', spans: [{ ...span(8), end: 500 }] })).rejects.toThrow(/runs past the end of “R8 – Q1” \(14\)/);
    // an empty answer is no document
    await expect(execute(db, p.projectId, { type: 'applyCodings', spans: [{ ...span(9), documentId: datasetDocumentId(p.datasetId, 9, 1) }] })).rejects.toThrow('No such document in this project');
    expect(reads.datasets).toBe(first);
    db.close();
  });

  it('decodes an encrypted project’s dataset before the transaction, so the first coding in a session works', async () => {
    setCodec(await freshAesCodec());
    const name = `coding-path-sealed-${newGuid()}`;
    const p = await surveyProject(name);
    const sealed = await (await openChorusDb(name)).datasets.toArray();
    expect(sealed[0]!.sealed).toBeDefined();
    const { db } = await reopenCounting(name);
    await openDatasetsOf(db, ['not-a-dataset-answer']);
    const { result } = await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, 2, 1), codeId: p.codeId, start: 0, end: 8, coderId: p.coderId }] });
    expect(result.map((c) => [c.documentId, c.end])).toEqual([[datasetDocumentId(p.datasetId, 2, 1), 8]]);
    db.close();
  });
});
