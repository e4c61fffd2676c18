/** A survey project to code in, and a second connection to its store that counts reads of the datasets table (db and renderer tests). */
import type { DBCore } from 'dexie';
import { ChorusDb, addCoding, commitImport, createProject, execute, listCodes, openChorusDb } from '../../renderer/db';
import { TableBuilder } from '../../shared/import/mapping';
import { newGuid } from '../../shared/model';

/** The same store opened again (so nothing is cached), counting every read of the datasets table. */
export async function reopenCounting(name: string) {
  // datasets: every read of the table; records: the reads that return whole records (not an index's keys)
  const reads = { datasets: 0, records: 0 };
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
          get: (req) => (reads.datasets++, reads.records++, t.get(req)),
          getMany: (req) => (reads.datasets++, reads.records++, t.getMany(req)),
          query: (req) => (reads.datasets++, req.values ? reads.records++ : 0, t.query(req)),
          openCursor: (req) => (reads.datasets++, req.values ? reads.records++ : 0, t.openCursor(req)),
        };
      },
    }),
  });
  await db.open();
  return { db, reads };
}


/** A project with one coder, one code and a 30-row survey table (two answers a row, the second blank on odd rows). */
export async function surveyProject(name: string, rows = 30) {
  const db = await openChorusDb(name);
  const project = await createProject(db, 'Coding path');
  const builder = new TableBuilder(
    { columns: ['ID', 'Area', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', textColumns: ['Q1', 'Q2'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
    { projectId: project.id, newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
  );
  const answers = builder.addRows(Array.from({ length: rows }, (_, i) => [`R${i}`, ['North', 'South'][i % 2]!, `First answer ${i}`, i % 2 ? '' : `Second ${i}`]));
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  await commitImport(
    db,
    project.id,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: rows, rowCount: rows, dataset: () => builder.dataset() } },
    { fileNames: ['s.csv'], checksum: 'c', by: 'me', redactions: {} },
  );
  await execute(db, project.id, { type: 'createCoder', name: 'Alex', initials: 'AX', colour: '#0072B2' });
  await execute(db, project.id, { type: 'createCode', name: 'Waiting', parentId: null });
  const coderId = (await db.coders.where('projectId').equals(project.id).first())!.id;
  const codeId = (await listCodes(db, project.id))[0]!.id;
  db.close();
  return { projectId: project.id, datasetId: builder.datasetId, coderId, codeId };
}


/** One coding of the project's code by its coder on each of these answers, the i-th from character i and `width` long (an answer named twice gets two codings). */
export async function codeAnswers(db: ChorusDb, p: { projectId: string; codeId: string; coderId: string }, answers: readonly { id: string }[], width: number): Promise<void> {
  for (const [i, d] of answers.entries()) await addCoding(db, { projectId: p.projectId, documentId: d.id, codeId: p.codeId, coderId: p.coderId, start: i, end: i + width });
}
