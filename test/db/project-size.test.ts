/**
 * The import's pre-flight check counts the project it imports into (renderer/db/reads.ts,
 * projectSize): its documents, survey answers included, and its codings, as the lists give them.
 */
import { describe, expect, it } from 'vitest';
import { createProject, listCodings, listDocuments, openChorusDb, projectSize } from '../../renderer/db';
import { codeAnswers, surveyProject } from './survey-coding';

describe('projectSize', () => {
  it('counts a survey project’s answers (blank ones are not documents) and its codings, as listing them would', async () => {
    const name = `project-size-${Date.now()}`;
    const p = await surveyProject(name, 30);
    const db = await openChorusDb(name);
    const docs = await listDocuments(db, p.projectId);
    // 30 first answers, and the second answer on the 15 even rows
    expect(docs.length).toBe(45);
    expect(await projectSize(db, p.projectId)).toEqual({ documents: docs.length, codings: 0 });
    await codeAnswers(db, p, [docs[0]!, docs[0]!, docs[7]!], 3);
    expect(await projectSize(db, p.projectId)).toEqual({ documents: 45, codings: (await listCodings(db, { projectId: p.projectId })).length });
    expect((await projectSize(db, p.projectId)).codings).toBe(3);
    // another project's documents and codings are not counted
    const other = await createProject(db, 'Other');
    expect(await projectSize(db, other.id)).toEqual({ documents: 0, codings: 0 });
    db.close();
  });
});
