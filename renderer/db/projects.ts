import { ProjectBundle, type Project } from '../../shared/model';
import { datasetRowRange, forgetDatasets } from './datasets';
import { getDocumentTexts, listDocuments, listParticipants } from './reads';
import type { Table } from 'dexie';
import { projectTables, type ChorusDb } from './schema';
import { getText } from './texts';
import { execute } from './execute';

export const listProjects = (db: ChorusDb) => db.projects.orderBy('name').toArray();

/** Delete a project and every row that belongs to it, in one transaction. */
export async function deleteProject(db: ChorusDb, projectId: string): Promise<void> {
  const tables = projectTables(db);
  const datasetIds = (await db.datasets.where('projectId').equals(projectId).primaryKeys()) as string[];
  await db.transaction('rw', [db.projects, db.datasetRows, ...tables], async () => {
    for (const id of datasetIds) await datasetRowRange(db, id).delete();
    for (const t of tables) await t.where('projectId').equals(projectId).delete();
    await db.projects.delete(projectId);
  });
  forgetDatasets(db, datasetIds);
}

/** Read a whole project back as a bundle (for REFI-QDA export and analyses). */
export async function exportBundle(db: ChorusDb, projectId: string): Promise<ProjectBundle> {
  return db.transaction('r', [db.projects, db.datasetRows, ...projectTables(db)], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const by = <T>(t: Table<T, string>): Promise<T[]> => t.where('projectId').equals(projectId).toArray();
    const documents = await listDocuments(db, projectId);
    const texts = await getDocumentTexts(db, documents.map((d) => d.id));
    const memos = await by(db.memos);
    return ProjectBundle.parse({
      project,
      coders: await by(db.coders),
      sources: await by(db.sources),
      variables: await by(db.variables),
      participants: await listParticipants(db, projectId),
      documents: documents.map((d, i) => ({ ...d, text: texts[i]! })),
      codes: await by(db.codes),
      codings: await by(db.codings),
      memos: await Promise.all(memos.map(async (m) => ({ ...m, text: (await getText(db, m.id)) ?? '' }))),
      findings: await by(db.findings),
      actions: await by(db.actions),
    });
  });
}

/**
 * Make sure the embedded fictional demo project is present (first run); idempotent.
 * The builder is passed in so the demo generator is loaded only when needed.
 */
export async function ensureDemoProject(db: ChorusDb, build?: () => ProjectBundle): Promise<Project> {
  const existing = (await db.projects.toArray()).find((p) => p.isDemo);
  if (existing) return existing;
  const make = build ?? (await import('../../shared/demo')).buildDemoProject;
  const bundle = make();
  return (await execute(db, bundle.project.id, { type: 'importProject', bundle })).result;
}
