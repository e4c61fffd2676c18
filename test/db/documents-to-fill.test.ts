/**
 * exportBundle's documents (renderer/db/reads.ts, documentsToFill): the documents listDocuments
 * gives, in its order, each with an empty text to fill in, made afresh (never the window's cached
 * list entries, which must not change); a retracted document is left out as the list leaves it out.
 */
import { describe, expect, it } from 'vitest';
import { documentsToFill, execute, exportBundle, getDocumentTexts, importBundle, listDocuments, listParticipants, openChorusDb } from '../../renderer/db';
import { surveyProject } from './survey-coding';
import { smallBundle } from './fixtures';

describe('documentsToFill', () => {
  it('gives listDocuments’ documents with an empty text, as new objects, before and after a retraction', async () => {
    const name = `documents-to-fill-${Date.now()}`;
    const p = await surveyProject(name, 20);
    const db = await openChorusDb(name);
    const listed = await listDocuments(db, p.projectId);
    const filled = await documentsToFill(db, p.projectId);
    expect(filled).toEqual(listed.map((d) => ({ ...d, text: '' })));
    // filling one in leaves the cached list as it was
    filled[0]!.text = 'changed';
    expect('text' in (await listDocuments(db, p.projectId))[0]!).toBe(false);
    // the bundle's documents carry the texts the store gives
    const bundle = await exportBundle(db, p.projectId);
    expect(bundle.documents.map((d) => d.text)).toEqual(await getDocumentTexts(db, listed.map((d) => d.id)));

    const participant = (await listParticipants(db, p.projectId))[1]!;
    await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: participant.id }, reason: 'consent withdrawn', by: 'Alex' });
    const visible = await listDocuments(db, p.projectId);
    expect(visible.length).toBeLessThan(listed.length);
    expect(await documentsToFill(db, p.projectId)).toEqual(visible.map((d) => ({ ...d, text: '' })));
    db.close();
  });

  it('gives stored documents (a bundle’s) as listed too', async () => {
    const db = await openChorusDb(`documents-to-fill-stored-${Date.now()}`);
    const b = smallBundle(9);
    await importBundle(db, b);
    expect(await documentsToFill(db, b.project.id)).toEqual((await listDocuments(db, b.project.id)).map((d) => ({ ...d, text: '' })));
    db.close();
  });
});
