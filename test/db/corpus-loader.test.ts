/**
 * A worker's corpus (renderer/workers/corpus.ts) keeps its texts while the project's documents stay
 * the same, and reads them again when a document leaves (a retraction) or its length changes.
 */
import { describe, expect, it } from 'vitest';
import { addCoding, execute, getDocumentTexts, listCodings, listDocuments, listParticipants, openChorusDb } from '../../renderer/db';
import { CodingIndex } from '../../shared/coding/coding-index';
import { corpusLoader } from '../../renderer/workers/corpus';
import { surveyProject } from './survey-coding';

describe('corpusLoader', () => {
  it('loads every document with its text, keeps it while nothing changes, and reloads when the documents change', async () => {
    const name = `corpus-loader-${Date.now()}`;
    const p = await surveyProject(name, 12);
    const db = await openChorusDb(name);
    const load = corpusLoader();
    const docs = await listDocuments(db, p.projectId);
    const first = await load(db, p.projectId);
    expect(first.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(first.documents.map((d) => d.text)).toEqual(await getDocumentTexts(db, docs.map((d) => d.id)));
    expect(first.documents.every((d, i) => d.text.length === docs[i]!.length)).toBe(true);

    // nothing changed: the same loaded documents (not read again)
    expect((await load(db, p.projectId)).documents).toBe(first.documents);

    // a participant retracted: their answers leave the corpus
    const participant = (await listParticipants(db, p.projectId)).find((x) => x.id === docs[2]!.participantId)!;
    await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
    const after = await load(db, p.projectId);
    expect(after.documents).not.toBe(first.documents);
    expect(after.documents.map((d) => d.id)).toEqual((await listDocuments(db, p.projectId)).map((d) => d.id));
    expect(after.documents.some((d) => d.participantId === participant.id)).toBe(false);
    expect((await load(db, p.projectId)).documents).toBe(after.documents);

    // codings as columns, read fresh: a coding added since is there
    await addCoding(db, { projectId: p.projectId, documentId: docs[0]!.id, codeId: p.codeId, coderId: p.coderId, start: 0, end: 3 });
    const coded = await load(db, p.projectId);
    expect(coded.codings).toBeInstanceOf(CodingIndex);
    const all = (coded.codings as CodingIndex).all();
    const listed = await listCodings(db, { projectId: p.projectId });
    // (the retracted participant's codings, if any, stay in the columns: their texts are not in the corpus)
    expect(all.filter((c) => after.documents.some((d) => d.id === c.documentId))).toEqual(listed.map(({ id, documentId, codeId, coderId, start, end }) => ({ id, documentId, codeId, coderId, start, end })));
    db.close();
  });
});
