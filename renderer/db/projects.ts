import { ProjectBundle, newGuid, type Coder, type Project } from '../../shared/model';
import { datasetRowRange, forgetDatasets } from './datasets';
import { getDocumentTexts, listDocuments, listParticipants } from './reads';
import type { Table } from 'dexie';
import { projectTables, type ChorusDb } from './schema';
import { getText, putText } from './texts';
import { recordAudit } from './audit';

const nowIso = () => new Date().toISOString();

export const listProjects = (db: ChorusDb) => db.projects.orderBy('name').toArray();

/** A new, empty project with one coder ("You") so coding can start at once. */
export async function createProject(db: ChorusDb, name: string): Promise<Project> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A project needs a name');
  const now = nowIso();
  const project: Project = {
    id: newGuid(),
    name: trimmed,
    description: '',
    isDemo: false,
    settings: { disclosureThreshold: 10, locale: 'en-GB' },
    createdAt: now,
    updatedAt: now,
  };
  const coder: Coder = { id: newGuid(), projectId: project.id, name: 'You', initials: 'YOU', colour: '#0072B2' };
  await db.transaction('rw', [db.projects, db.coders, db.audit], async () => {
    await db.projects.add(project);
    await db.coders.add(coder);
    await recordAudit(db, project.id, 'project.create', [project.id]);
  });
  return project;
}

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

/**
 * Store a whole project (from the demo, a REFI-QDA file or an import) all-or-nothing: the bundle
 * is validated first, then written in one transaction; any failure leaves the store unchanged.
 */
export async function importBundle(db: ChorusDb, input: ProjectBundle): Promise<Project> {
  const bundle = ProjectBundle.parse(input);
  const pid = bundle.project.id;
  if (await db.projects.get(pid)) throw new Error(`A project with id ${pid} is already in this store`);
  const texts = await Promise.all(
    [...bundle.documents.map((d) => ({ id: d.id, text: d.text })), ...bundle.memos.map((m) => ({ id: m.id, text: m.text }))],
  );
  await db.transaction('rw', [db.projects, ...projectTables(db)], async () => {
    await db.projects.add(bundle.project);
    await db.coders.bulkAdd(bundle.coders);
    await db.sources.bulkAdd(bundle.sources);
    await db.variables.bulkAdd(bundle.variables);
    await db.participants.bulkAdd(bundle.participants);
    await db.documents.bulkAdd(bundle.documents.map(({ text: _t, ...meta }) => meta));
    for (const t of texts) await putText(db, t.id, pid, t.text);
    await db.codes.bulkAdd(bundle.codes);
    await db.codings.bulkAdd(bundle.codings);
    await db.memos.bulkAdd(bundle.memos.map(({ text: _t, ...meta }) => meta));
    await db.findings.bulkAdd(bundle.findings);
    await db.actions.bulkAdd(bundle.actions);
    // (these tables exist from schema v5; an older store, open only in migration tests, has none to add)
    if (bundle.assignments.length) await db.assignments.bulkAdd(bundle.assignments);
    if (bundle.decisions.length) await db.decisions.bulkAdd(bundle.decisions);
    await recordAudit(db, pid, 'project.import', [pid]);
  });
  return bundle.project;
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
      assignments: db.assignments ? await by(db.assignments) : [],
      decisions: db.decisions ? await by(db.decisions) : [],
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
  return importBundle(db, make());
}
