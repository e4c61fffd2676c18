/**
 * The codebook's counts read only the coded documents' participants (renderer/db/coded-documents.ts),
 * as keys: the same key for the same participant and another for another, as the project's whole
 * list of documents gives them, a survey answer's read from its table without making its document
 * or its participant's id; a retracted document is left out as the list leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { codedParticipantKeys, projectCodeCounts } from '../../renderer/db/coded-documents';
import type { ParticipantKeys } from '../../shared/coding/counts';
import { execute, importBundle, listCodings, listDocuments, listParticipants, openChorusDb, type ChorusDb } from '../../renderer/db';
import { hiddenDocuments } from '../../renderer/db/reads';
import type { RetractionTarget } from '../../shared/model';
import { codeCounts } from '../../shared/coding/counts';
import { listCodes } from '../../renderer/db';
import { codeAnswers, reopenCounting, surveyProject } from './survey-coding';
import { commitImport } from '../../renderer/db';
import { TableBuilder } from '../../shared/import/mapping';
import { newGuid } from '../../shared/model';

/** A second survey table in the project (every row its own participant, as in the first). */
async function addSurvey(db: ChorusDb, projectId: string, rows: number) {
  const builder = new TableBuilder(
    { columns: ['ID', 'Q1'], descriptions: [] },
    { idColumn: 'ID', textColumns: ['Q1'], attributes: [], dateOrder: 'dmy', source: { name: 'Second survey', kind: 'survey' } },
    { projectId, newId: newGuid, now: '2026-01-02T00:00:00.000Z', fileName: 't.csv' },
  );
  const answers = builder.addRows(Array.from({ length: rows }, (_, i) => [`T${i}`, `Another answer ${i}`]));
  await commitImport(
    db,
    projectId,
    { sources: [builder.source], variables: builder.variables, participants: [], documents: [], skippedEmpty: 0, dataset: { id: builder.datasetId, rows: [answers.map((a) => ({ row: a.row, texts: [a.text] }))][Symbol.iterator](), documents: answers.length, participants: rows, rowCount: rows, dataset: () => builder.dataset() } },
    { fileNames: ['t.csv'], checksum: 't', by: 'me', redactions: {} },
  );
}
import { datasetDocumentId } from '../../shared/import/dataset';
import { smallBundle } from './fixtures';

/** Keys name participants as the documents' ids do: -1 for none, one key per participant, another for another. */
function expectKeysAsIds(keys: ParticipantKeys, docs: readonly { id: string; participantId: string | null | undefined }[]) {
  const idOfKey = new Map<number, string>();
  const keyOfId = new Map<string, number>();
  for (const d of docs) {
    const k = keys.keyOf(d.id);
    if (!d.participantId) {
      expect(k, d.id).toBe(-1);
      continue;
    }
    expect(k, d.id).toBeGreaterThanOrEqual(0);
    expect(idOfKey.get(k) ?? d.participantId).toBe(d.participantId);
    expect(keyOfId.get(d.participantId) ?? k).toBe(k);
    idOfKey.set(k, d.participantId);
    keyOfId.set(d.participantId, k);
  }
}

describe('codedParticipantKeys', () => {
  it('gives each coded document’s participant as the project list does, survey answers included, and leaves out a retracted one', async () => {
    const name = `coded-documents-${Date.now()}`;
    const p = await surveyProject(name, 40);
    const db = await openChorusDb(name);
    const docs = await listDocuments(db, p.projectId);
    const chosen = [docs[0]!, docs[3]!, docs[3]!, docs[17]!, docs[30]!];
    await codeAnswers(db, p, chosen, 4);
    const codings = await listCodings(db, { projectId: p.projectId });
    expect(codings.length).toBe(5);

    const keys = await codedParticipantKeys(db, p.projectId, codings.map((c) => c.documentId));
    // (several answers of one participant: the same key)
    expect(new Set(docs.map((d) => d.participantId)).size).toBeLessThan(docs.length);
    expectKeysAsIds(keys, docs);
    // an answer left blank, a row past the table, and an id that is not the project's have none
    for (const id of [datasetDocumentId(p.datasetId, 1, 1), datasetDocumentId(p.datasetId, 40, 0), 'not-a-document']) expect(keys.keyOf(id)).toBe(-1);
    // the counts beside the codes are those of the whole list
    const codes = await listCodes(db, p.projectId);
    expect(codeCounts(codes, codings, keys)).toEqual(codeCounts(codes, codings, docs));
    expect(await projectCodeCounts(db, p.projectId)).toEqual(codeCounts(codes, codings, docs));

    // a participant retracted (pending): their documents and codings leave the counts
    const participant = (await listParticipants(db, p.projectId)).find((x) => x.id === docs[3]!.participantId)!;
    await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
    const after = await listCodings(db, { projectId: p.projectId });
    const visible = await listDocuments(db, p.projectId);
    // the worker's counts (codings read as columns, the hidden document's left out) are the list's
    expect(after.length).toBeLessThan(codings.length);
    expect(await projectCodeCounts(db, p.projectId)).toEqual(codeCounts(codes, after, visible));
    db.close();
  });

  it('gives a stored document’s participant from its record, and a document of another project none', async () => {
    const name = `coded-documents-stored-${Date.now()}`;
    const survey = await surveyProject(name, 10);
    const db = await openChorusDb(name);
    const b = smallBundle(5);
    await importBundle(db, b);
    const docs = await listDocuments(db, b.project.id);
    expect(docs.some((d) => d.participantId !== null)).toBe(true);
    const surveyDocs = await listDocuments(db, survey.projectId);
    const keys = await codedParticipantKeys(db, b.project.id, [...docs.map((d) => d.id), ...surveyDocs.map((d) => d.id)]);
    expectKeysAsIds(keys, [...docs, ...surveyDocs.map((d) => ({ id: d.id, participantId: null }))]);
    // and the other way round: the survey's project gives its answers' participants, not the bundle's
    const fromSurvey = await codedParticipantKeys(db, survey.projectId, [...docs.map((d) => d.id), ...surveyDocs.map((d) => d.id)]);
    expectKeysAsIds(fromSurvey, [...surveyDocs, ...docs.map((d) => ({ id: d.id, participantId: null }))]);
    db.close();
  });

  it('gives the participants of two survey tables in one project keys of their own', async () => {
    const name = `coded-documents-two-${Date.now()}`;
    const p = await surveyProject(name, 12);
    const db = await openChorusDb(name);
    await addSurvey(db, p.projectId, 9);
    const docs = await listDocuments(db, p.projectId);
    expect(new Set(docs.map((d) => d.sourceId)).size).toBe(2);
    const keys = await codedParticipantKeys(db, p.projectId, docs.map((d) => d.id));
    expectKeysAsIds(keys, docs);
    // (two tables, one key space: 12 and 9 participants, none sharing a key)
    expect(new Set(docs.map((d) => keys.keyOf(d.id))).size).toBe(21);
    db.close();
  });

  it('reads a survey table once for all its coded answers, not once per answer (a fresh connection, nothing cached)', async () => {
    const name = `coded-documents-once-${Date.now()}`;
    const p = await surveyProject(name, 300);
    const setup = await openChorusDb(name);
    const all = await listDocuments(setup, p.projectId);
    const many = all.slice(0, 400).map((d) => d.id);
    setup.close();
    const { db, reads } = await reopenCounting(name);
    expectKeysAsIds(await codedParticipantKeys(db, p.projectId, many), all.slice(0, 400));
    // one read of the dataset's record (and none per answer)
    expect(reads.records).toBe(1);
    db.close();
  });
});

describe('hiddenDocuments', () => {
  /** The test against the lists: hidden exactly where the list before the retraction has a document the list after leaves out. */
  async function expectHiddenAsListed(db: ChorusDb, projectId: string, target: (docs: { id: string; participantId: string | null; sourceId: string }[]) => RetractionTarget, extra: string[] = []) {
    expect(await hiddenDocuments(db, projectId)).toBeUndefined();
    const before = await listDocuments(db, projectId);
    await execute(db, projectId, { type: 'retract', target: target(before), reason: 'consent withdrawn', by: 'Alex' });
    const visible = new Set((await listDocuments(db, projectId)).map((d) => d.id));
    const hidden = (await hiddenDocuments(db, projectId))!;
    expect(visible.size).toBeLessThan(before.length);
    for (const d of before) expect(hidden(d.id), d.id).toBe(!visible.has(d.id));
    for (const id of extra) expect(hidden(id), id).toBe(false);
  }

  it('hides a survey answer as the project list does, judged from its table, for each kind of retraction', async () => {
    const kinds: ((docs: { id: string; participantId: string | null; sourceId: string }[]) => RetractionTarget)[] = [
      (docs) => ({ kind: 'participant', id: docs[3]!.participantId! }),
      (docs) => ({ kind: 'document', id: docs[5]!.id }),
      (docs) => ({ kind: 'source', id: docs[0]!.sourceId }),
    ];
    for (const [k, target] of kinds.entries()) {
      const name = `hidden-documents-${k}-${Date.now()}`;
      const p = await surveyProject(name, 12);
      const db = await openChorusDb(name);
      // not documents: a blank answer, a row past the table, an unknown id
      await expectHiddenAsListed(db, p.projectId, target, [datasetDocumentId(p.datasetId, 1, 1), datasetDocumentId(p.datasetId, 12, 0), 'not-a-document']);
      db.close();
    }
  });

  it('hides a stored document as the project list does', async () => {
    const name = `hidden-documents-stored-${Date.now()}`;
    const db = await openChorusDb(name);
    const b = smallBundle(7);
    await importBundle(db, b);
    await expectHiddenAsListed(db, b.project.id, (docs) => ({ kind: 'participant', id: docs.find((d) => d.participantId !== null)!.participantId! }));
    db.close();
  });
});
