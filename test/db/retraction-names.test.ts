/**
 * pendingRetractionNames: the Data governance workspace names what each pending retraction
 * retracts (a participant's pseudonym, a document's title, a source's name), although every
 * list hides it while it is pending; confirmed ones are not named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, confirmRetraction, createProject, execute, listDocuments, listParticipants, openChorusDb, pendingRetractionNames, plainCodec, setCodec, type StorageCodec } from '../../renderer/db';
import { TableBuilder } from '../../shared/import/mapping';
import { newGuid, type DocumentWithText, type Participant, type Source } from '../../shared/model';
import { RANDOM_KEY_CODECS } from './aes-codec';

afterEach(() => setCodec(plainCodec));

const NOW = '2026-06-01T10:00:00.000Z';

async function project(codec: StorageCodec) {
  setCodec(codec);
  const db = await openChorusDb(`retraction-names-${newGuid()}`);
  const pid = (await createProject(db, 'Names')).id;
  const builder = new TableBuilder(
    { columns: ['ID', 'Person', 'Q1', 'Q2'], descriptions: [] },
    { idColumn: 'ID', participantColumn: 'Person', textColumns: ['Q1', 'Q2'], attributes: [], dateOrder: 'dmy', source: { name: 'Survey 2026', kind: 'survey' } },
    { projectId: pid, newId: newGuid, now: NOW, fileName: 's.csv' },
  );
  const answers = builder.addRows([
    ['R1', 'Person A', 'First answer', 'Second answer'],
    ['R2', 'Person B', 'Another answer', ''],
    ['R3', 'Person C', 'A third', 'And more'],
  ]);
  const byRow = new Map<number, (string | null)[]>();
  for (const a of answers) (byRow.get(a.row) ?? byRow.set(a.row, [null, null]).get(a.row)!)[a.slot] = a.text;
  await commitImport(
    db,
    pid,
    { sources: [builder.source], variables: [], participants: [], documents: [], skippedEmpty: 1, dataset: { id: builder.datasetId, rows: [[...byRow].map(([row, texts]) => ({ row, texts }))][Symbol.iterator](), documents: answers.length, participants: 3, rowCount: 3, dataset: () => builder.dataset() } },
    { fileNames: ['s.csv'], checksum: 'c1', by: 'Alex', redactions: {} },
  );
  const source: Source = { id: newGuid(), projectId: pid, name: 'Interviews', kind: 'interview', description: '', createdAt: NOW };
  const person: Participant = { id: newGuid(), projectId: pid, sourceId: source.id, pseudonym: 'Interviewee 7', attributes: {} };
  const text = 'Interviewer: What happened?\nP1: Nothing for weeks.';
  const transcript: DocumentWithText = { id: newGuid(), projectId: pid, sourceId: source.id, participantId: person.id, title: 'Interview with 7', kind: 'transcript', length: text.length, turns: [], createdAt: NOW, text };
  await commitImport(db, pid, { sources: [source], variables: [], participants: [person], documents: [transcript], skippedEmpty: 0 }, { fileNames: ['7.txt'], checksum: 'c2', by: 'Alex', redactions: {} });
  return { db, pid, survey: builder.source, source, person, transcript };
}

describe.each(RANDOM_KEY_CODECS)('pendingRetractionNames (%s)', (_name, makeCodec) => {
  it('names pending survey and stored participants, survey and stored documents, and sources; not confirmed ones', async () => {
    const { db, pid, survey, source, person, transcript } = await project(await makeCodec());
    expect(await pendingRetractionNames(db, pid)).toEqual(new Map());
    const participants = await listParticipants(db, pid);
    const personB = participants.find((p) => p.pseudonym === 'Person B')!;
    const answer = (await listDocuments(db, pid)).find((d) => d.title.startsWith('R3'))!;
    const retract = async (kind: 'participant' | 'document' | 'source', id: string) => (await execute(db, pid, { type: 'retract', target: { kind, id }, reason: 'participant request', by: 'Alex' })).result;
    // (the transcript first: retracting its participant hides it too)
    const r1 = await retract('document', transcript.id);
    await retract('participant', personB.id);
    await retract('participant', person.id);
    await retract('document', answer.id);
    const names = await pendingRetractionNames(db, pid);
    expect(Object.fromEntries(names)).toEqual({
      [personB.id]: 'Person B (Survey 2026)',
      [person.id]: 'Interviewee 7 (Interviews)',
      [answer.id]: answer.title,
      [transcript.id]: 'Interview with 7',
    });
    // (hidden from the lists meanwhile)
    expect((await listParticipants(db, pid)).some((p) => p.id === personB.id)).toBe(false);
    await confirmRetraction(db, pid, r1.id);
    expect((await pendingRetractionNames(db, pid)).has(transcript.id)).toBe(false);
    await retract('source', survey.id);
    expect((await pendingRetractionNames(db, pid)).get(survey.id)).toBe('Survey 2026');
    expect(source.name).toBe('Interviews');
    db.close();
  });
});
