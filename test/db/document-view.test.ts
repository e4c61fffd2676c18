/**
 * The Code workspace's reads (renderer/db/reads.ts): listDocumentView gives listDocuments'
 * documents (a survey's answers as places), and getParticipant gives listParticipants' participant
 * by id — before and after retractions, plain and encrypted.
 */
import { describe, expect, it } from 'vitest';
import { execute, getParticipant, listDocuments, listDocumentView, listParticipants, listSources, openChorusDb } from '../../renderer/db';
import { speakerPopulation } from '../../shared/packs/quote-safety';
import { documentSeq } from '../../shared/import/document-view';
import { eachCodec } from './aes-codec';
import { surveyProject } from './survey-coding';

describe('the Code workspace’s reads of a survey', () => {
  eachCodec(() => {
    it('list the documents listDocuments gives and find each participant by id, before and after retractions', async () => {
      const name = `document-view-${Date.now()}-${Math.random()}`;
      const p = await surveyProject(name, 25);
      const db = await openChorusDb(name);
      const same = async () => {
        const listed = await listDocuments(db, p.projectId);
        const view = await listDocumentView(db, p.projectId);
        const seq = documentSeq(view.stored, view.tables);
        expect(view.length).toBe(listed.length);
        // the same documents in the same order (row by row, each row's questions by name)
        expect(Array.from({ length: seq.length }, (_, i) => seq.at(i))).toEqual(listed);
        const people = await listParticipants(db, p.projectId);
        for (const x of people) expect(await getParticipant(db, p.projectId, x.id)).toEqual(x);
        // a quote's population from the view's stored documents (every survey answer has its participant) is the list's
        const sources = await listSources(db, p.projectId);
        expect(speakerPopulation({ sources, documents: view.stored, participants: people })).toEqual(speakerPopulation({ sources, documents: listed, participants: people }));
        return { listed, people };
      };
      const before = await same();
      expect(before.listed).toHaveLength(38);
      const gone = before.people[4]!;
      await execute(db, p.projectId, { type: 'retract', target: { kind: 'participant', id: gone.id }, reason: 'consent withdrawn', by: 'Alex' });
      await execute(db, p.projectId, { type: 'retract', target: { kind: 'document', id: before.listed[0]!.id }, reason: 'consent withdrawn', by: 'Alex' });
      const after = await same();
      expect(after.listed.length).toBeLessThan(before.listed.length - 1);
      // no one by an id of nothing, from another project, or hidden by a retraction
      expect(await getParticipant(db, p.projectId, gone.id)).toBeUndefined();
      expect(await getParticipant(db, p.projectId, gone.id.slice(0, 24) + '00000fffffff')).toBeUndefined();
      expect(await getParticipant(db, 'b0000000-0000-4000-8000-000000000000', before.people[0]!.id)).toBeUndefined();
      db.close();
    });
  });
});
