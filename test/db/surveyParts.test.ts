import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, createProject, getDocumentTexts, listSurveyParts, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { TableBuilder } from '../../shared/import/mapping';
import { datasetDocumentId } from '../../shared/import/dataset';
import { buildGrid, gridRows } from '../../shared/grid/rows';
import { newGuid } from '../../shared/model';
import { freshAesCodec } from './aes-codec';

afterEach(() => setCodec(plainCodec));

const ATTRS = ['Zone', 'Age band', 'Contact', 'Gender', 'Area', 'Ethnicity'];

describe('the survey grid’s reads', () => {
  it('keep an imported table’s attribute columns in file order through the store, and read a page of answers by row', async () => {
    setCodec(await freshAesCodec());
    const db = await openChorusDb(`survey-parts-${newGuid()}`);
    const project = await createProject(db, 'Survey parts');
    const rows = Array.from({ length: 50 }, (_, i) => [`R${i}`, ...ATTRS.map((a) => `${a} ${i % 3}`), `First ${i}`, i % 2 ? '' : `Second ${i}`]);
    const builder = new TableBuilder(
      { columns: ['ID', ...ATTRS, 'Q1', 'Q2'], descriptions: [] },
      { idColumn: 'ID', textColumns: ['Q1', 'Q2'], attributes: ATTRS.map((column) => ({ column, type: 'category' as const })), dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
      { projectId: project.id, newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
    );
    const answers = builder.addRows(rows);
    const byRow = new Map<number, (string | null)[]>();
    for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
    await commitImport(
      db,
      project.id,
      { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: 50, rowCount: 50, dataset: () => builder.dataset() } },
      { fileNames: ['s.csv'], checksum: 'c', by: 'me', redactions: {} },
    );
    const parts = await listSurveyParts(db, project.id);
    // The variables come back in id order (random GUIDs); the grid's columns in file order.
    expect(parts.variables.map((v) => v.name).sort()).toEqual([...ATTRS].sort());
    const model = buildGrid(parts);
    expect(model.attributes.map((a) => a.name)).toEqual(ATTRS);
    expect(gridRows(model)).toHaveLength(50);
    // A page of answers: read by row (not the whole dataset), decrypted, in the order asked.
    const ids = [datasetDocumentId(builder.datasetId, 7, 0), datasetDocumentId(builder.datasetId, 2, 1), datasetDocumentId(builder.datasetId, 2, 0)];
    expect(await getDocumentTexts(db, ids)).toEqual(['First 7', 'Second 2', 'First 2']);
    // Many rows at once (a corpus load) still reads them all.
    const all = gridRows(model).flatMap((r) => r.answers.flatMap((a) => (a ? [a.id] : [])));
    expect((await getDocumentTexts(db, all)).length).toBe(75);
    db.close();
  });
});
