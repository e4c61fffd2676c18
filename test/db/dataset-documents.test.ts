import { afterEach, describe, expect, it } from 'vitest';
import { confirmRetraction, execute, listDatasets, listDocuments, listParticipants, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { makeListsInSlices, openProjectDatasets, type IdleTime } from '../../renderer/db/api';
import { datasetIdsOf, openDatasetsOf } from '../../renderer/db/dataset-documents';
import { isSealedRecord } from '../../renderer/db/dataset-seal';
import { datasetDocumentId, datasetDocuments, datasetParticipants } from '../../shared/import/dataset';
import { newGuid } from '../../shared/model';
import { freshAesCodec } from './aes-codec';
import { reopenCounting, surveyProject } from './survey-coding';

afterEach(() => {
  setCodec(plainCodec);
  makeListsInSlices(undefined);
});

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
    expect(isSealedRecord(sealed[0]!)).toBe(true);
    const { db } = await reopenCounting(name);
    await openDatasetsOf(db, ['not-a-dataset-answer']);
    const { result } = await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, 2, 1), codeId: p.codeId, start: 0, end: 8, coderId: p.coderId }] });
    expect(result.map((c) => [c.documentId, c.end])).toEqual([[datasetDocumentId(p.datasetId, 2, 1), 8]]);
    db.close();
  });

  it.each([
    ['plain', async () => plainCodec],
    ['encrypted', freshAesCodec],
  ])('once the project is open (%s), the first coding of the session reads no dataset record', async (_name, makeCodec) => {
    setCodec(await makeCodec());
    const name = `coding-path-open-${newGuid()}`;
    const p = await surveyProject(name);
    const { db, reads } = await reopenCounting(name);
    // what the workbench does when the project opens: the survey tables opened once, off the coding path
    await openProjectDatasets(db, p.projectId);
    expect(reads.records).toBe(1);
    const before = reads.records;
    const { result } = await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, 4, 0), codeId: p.codeId, start: 0, end: 5, coderId: p.coderId }] });
    expect(result).toHaveLength(1);
    expect(reads.records - before).toBe(0);
    db.close();
  });

  it('lists documents and participants from records read once per window: two lists at once share one read, later lists read only ids', async () => {
    const name = `coding-path-lists-${newGuid()}`;
    const p = await surveyProject(name);
    const { db, reads } = await reopenCounting(name);
    const [documents, participants] = await Promise.all([listDocuments(db, p.projectId), listParticipants(db, p.projectId)]);
    expect(documents).toHaveLength(45); // 30 first answers and 15 second ones
    expect(participants).toHaveLength(30);
    expect(reads.records).toBe(1);
    expect((await listDocuments(db, p.projectId)).map((d) => d.id)).toEqual(documents.map((d) => d.id));
    expect(await listParticipants(db, p.projectId)).toEqual(participants);
    expect(reads.records).toBe(1);
    // and a coding after them reads none
    await execute(db, p.projectId, { type: 'applyCodings', spans: [{ documentId: datasetDocumentId(p.datasetId, 0, 1), codeId: p.codeId, start: 0, end: 3, coderId: p.coderId }] });
    expect(reads.records).toBe(1);
    db.close();
  });

  it('sees a purge made through another connection (another window or worker): the cached table is read again', async () => {
    const name = `coding-path-purge-${newGuid()}`;
    const p = await surveyProject(name);
    const { db, reads } = await reopenCounting(name);
    const other = await openChorusDb(name);
    const participant = (await listParticipants(other, p.projectId))[3]!;
    expect((await listDocuments(db, p.projectId)).filter((d) => d.participantId === participant.id)).toHaveLength(1);
    const before = reads.records;
    // another connection retracts a participant and confirms it (a purge blanks the dataset record in place)
    const { result } = await execute(other, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
    await confirmRetraction(other, p.projectId, result.id);
    const after = await listDatasets(db, p.projectId);
    expect(reads.records).toBe(before + 1);
    const fresh = await listDatasets(other, p.projectId);
    expect(after.map((d) => [...d.lengths])).toEqual(fresh.map((d) => [...d.lengths]));
    expect((await listDocuments(db, p.projectId)).filter((d) => d.participantId === participant.id)).toHaveLength(0);
    other.close();
    db.close();
  });
});

describe('a survey’s lists', () => {
  /** Stretches with no time left, each a task of its own: one slice (LIST_ROWS rows) each; what ran between two stretches is recorded. */
  function stretches() {
    const log = { given: 0 };
    makeListsInSlices(() => new Promise<IdleTime>((resolve) => setTimeout(() => (log.given++, resolve({ timeRemaining: () => 0 })))));
    return log;
  }

  it('are made a slice a task in the window, the same lists as made at once, one making for lists asked for together', async () => {
    const name = `coding-path-sliced-${newGuid()}`;
    const p = await surveyProject(name, 1100);
    const { db } = await reopenCounting(name);
    const log = stretches();
    // asked for together: each list is made once, the two lists of documents sharing one making
    const [documents, participants, again] = await Promise.all([listDocuments(db, p.projectId), listParticipants(db, p.projectId), listDocuments(db, p.projectId)]);
    // the record opened a piece a stretch (its personal columns' JSON pieces), then 1,100 rows at 250 a slice:
    // 5 slices of documents and 5 of participants, one stretch each
    const pieces = (await db.datasets.get(p.datasetId))!.pieces!.length;
    expect(pieces).toBeGreaterThanOrEqual(2);
    expect(log.given).toBe(pieces + 10);
    expect(documents).toHaveLength(1100 + 550);
    expect(again[0]).toBe(documents[0]);
    const [ds] = await listDatasets(db, p.projectId);
    expect(sortById(documents)).toEqual(sortById(datasetDocuments(ds!)));
    expect(sortById(participants)).toEqual(sortById(datasetParticipants(ds!)));
    // made: later lists take no stretch
    await listDocuments(db, p.projectId);
    expect(log.given).toBe(pieces + 10);
    db.close();
  });

  it('make only the list asked for (a workspace that shows participants does not hold every answer as a document)', async () => {
    const name = `coding-path-one-list-${newGuid()}`;
    const p = await surveyProject(name, 1100);
    const { db } = await reopenCounting(name);
    const log = stretches();
    expect(await listParticipants(db, p.projectId)).toHaveLength(1100);
    const pieces = (await db.datasets.get(p.datasetId))!.pieces!.length;
    expect(log.given).toBe(pieces + 5);
    expect(await listDocuments(db, p.projectId)).toHaveLength(1100 + 550);
    expect(log.given).toBe(pieces + 10);
    db.close();
  });
});

const sortById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
