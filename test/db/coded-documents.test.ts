/**
 * The codebook's counts read only the coded documents (renderer/db/coded-documents.ts): the same
 * documents, with the same participants, as filtering the project's whole list, whether read by id
 * or from the list; a retracted document is left out as the list leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { codedDocuments, CODED_BY_ID_UP_TO, projectCodeCounts } from '../../renderer/db/coded-documents';
import { addCoding, execute, listCodings, listDocuments, listParticipants, openChorusDb } from '../../renderer/db';
import { codeCounts } from '../../shared/coding/counts';
import { listCodes } from '../../renderer/db';
import { reopenCounting, surveyProject } from './survey-coding';

describe('codedDocuments', () => {
  it('gives the coded documents of the project list, survey answers included, and leaves out a retracted one', async () => {
    const name = `coded-documents-${Date.now()}`;
    const p = await surveyProject(name, 40);
    const db = await openChorusDb(name);
    const docs = await listDocuments(db, p.projectId);
    const chosen = [docs[0]!, docs[3]!, docs[3]!, docs[17]!, docs[30]!];
    for (const [i, d] of chosen.entries()) await addCoding(db, { projectId: p.projectId, documentId: d.id, codeId: p.codeId, coderId: p.coderId, start: i, end: i + 4 });
    const codings = await listCodings(db, { projectId: p.projectId });
    expect(codings.length).toBe(5);
    const fromList = (all: typeof docs) => all.filter((d) => codings.some((c) => c.documentId === d.id));

    const coded = await codedDocuments(db, p.projectId, codings.map((c) => c.documentId));
    expect(new Set(coded.map((d) => d.id))).toEqual(new Set(fromList(docs).map((d) => d.id)));
    expect(coded.length).toBe(4);
    for (const d of coded) expect(d).toEqual(docs.find((x) => x.id === d.id));
    // the counts beside the codes are those of the whole list
    const codes = await listCodes(db, p.projectId);
    expect(codeCounts(codes, codings, coded)).toEqual(codeCounts(codes, codings, docs));
    expect(await projectCodeCounts(db, p.projectId)).toEqual(codeCounts(codes, codings, docs));

    // a participant retracted (pending): their documents and codings leave both
    const participant = (await listParticipants(db, p.projectId)).find((x) => x.id === docs[3]!.participantId)!;
    await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
    const after = await listCodings(db, { projectId: p.projectId });
    const visible = await listDocuments(db, p.projectId);
    const codedAfter = await codedDocuments(db, p.projectId, codings.map((c) => c.documentId));
    expect(codedAfter.map((d) => d.id).sort()).toEqual(visible.filter((d) => codings.some((c) => c.documentId === d.id)).map((d) => d.id).sort());
    expect(codedAfter.some((d) => d.participantId === participant.id)).toBe(false);
    expect(codeCounts(codes, after, await codedDocuments(db, p.projectId, after.map((c) => c.documentId)))).toEqual(codeCounts(codes, after, visible));
    // the worker's counts (codings read as columns, the hidden document's left out) are the same
    expect(after.length).toBeLessThan(codings.length);
    expect(await projectCodeCounts(db, p.projectId)).toEqual(codeCounts(codes, after, visible));
    expect(await codedDocuments(db, p.projectId, [])).toEqual([]);
    db.close();
  });

  it('past the by-id limit reads the list once and gives the same documents', async () => {
    const name = `coded-documents-many-${Date.now()}`;
    const rows = Math.ceil((CODED_BY_ID_UP_TO + 1) / 1.5) + 10;
    const p = await surveyProject(name, rows);
    const db = await openChorusDb(name);
    const docs = await listDocuments(db, p.projectId);
    expect(docs.length).toBeGreaterThan(CODED_BY_ID_UP_TO);
    // (the coded documents' ids, as the counts give them)
    const many = docs.map((d) => d.id);
    const viaList = await codedDocuments(db, p.projectId, many);
    expect(viaList.length).toBe(docs.length);
    expect(viaList.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    const few = many.slice(0, CODED_BY_ID_UP_TO);
    const byId = await codedDocuments(db, p.projectId, few);
    expect(byId.map((d) => d.id)).toEqual(docs.slice(0, CODED_BY_ID_UP_TO).map((d) => d.id));
    db.close();
  }, 120_000);

  it('reads a survey table once for all its coded answers, not once per answer (a fresh connection, nothing cached)', async () => {
    const name = `coded-documents-once-${Date.now()}`;
    const p = await surveyProject(name, 300);
    const setup = await openChorusDb(name);
    const many = (await listDocuments(setup, p.projectId)).slice(0, 400).map((d) => d.id);
    setup.close();
    const { db, reads } = await reopenCounting(name);
    const docs = await codedDocuments(db, p.projectId, many);
    expect(docs.length).toBe(400);
    // one read of the dataset's record (and none per answer)
    expect(reads.records).toBe(1);
    db.close();
  });
});
