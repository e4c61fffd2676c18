import { DocumentWithText, Participant, ProjectBundle, parseCodings, type MemoMeta, type Project } from '../../shared/model';
import { DATASET_ID_LENGTH } from '../../shared/import/dataset';
import { datasetBlockRange, forgetDatasets, listDatasets, openProjectDatasets } from './datasets';
import { openProjectParticipants } from './participant-seal';
import { isTableAnswer, readTableParticipants, tableAnswersOf } from './table-answers';
import { indexParticipants, type IndexParticipants, type TableParticipants } from '../../shared/analysis/index-participants';
import { indexDocuments, type IndexDocuments, type TableAnswers } from '../../shared/analysis/index-documents';
import { documentsToFill, listParticipants, readStoredTexts, retractionView } from './reads';
import { decodeAll, getCodec, type StoredText } from './codec';
import type { Table } from 'dexie';
import { projectTables, type ChorusDb } from './schema';
import { execute } from './execute';
import { currentActor } from './actor';
import { eraseProjectLog, recordAudit } from './audit-log';
import { codingCacheTables, columnsRead, readCodingColumnsIn, readProjectCodings, resetCodingCache, saveCodingDigest, type CodingColumnsRead } from './coding-journal';

export const listProjects = (db: ChorusDb) => db.projects.orderBy('name').toArray();

/**
 * Delete a project and every row that belongs to it, in one transaction — its audit log too (the
 * one deletion the append-only log allows), replaced by one `project.delete` entry that keeps who
 * deleted it, when, and how many rows of each kind went (never names or text).
 */
export async function deleteProject(db: ChorusDb, projectId: string, opts: { actor?: string } = {}): Promise<void> {
  const tables = projectTables(db);
  const datasetIds = (await db.datasets.where('projectId').equals(projectId).primaryKeys()) as string[];
  const actor = opts.actor ?? (await currentActor(db, projectId));
  await eraseProjectLog(projectId, () =>
    db.transaction('rw', [db.projects, db.datasetBlocks, ...tables, ...codingCacheTables(db)], async () => {
      const counts: Record<string, number> = {};
      for (const t of tables) if (t.name !== 'audit') counts[t.name] = await t.where('projectId').equals(projectId).count();
      for (const id of datasetIds) await datasetBlockRange(db, id).delete();
      for (const t of tables) await t.where('projectId').equals(projectId).delete();
      await resetCodingCache(db);
      const existed = (await db.projects.get(projectId)) !== undefined;
      await db.projects.delete(projectId);
      if (existed) await recordAudit(db, projectId, 'project.delete', [projectId], actor, Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    }),
  );
  forgetDatasets(db, datasetIds);
}

/** Audit entries of projects that were deleted (each keeps only its `project.delete` entry). */
export async function deletedProjectLog(db: ChorusDb) {
  const live = new Set((await db.projects.toCollection().primaryKeys()) as string[]);
  return (await db.audit.toArray()).filter((a) => a.action === 'project.delete' && !live.has(a.projectId));
}

/**
 * Read a whole project back as a bundle (for REFI-QDA export and analyses): every row is read in
 * one read transaction (a consistent snapshot), and texts are decoded after it has closed.
 */
/** An optional bundle list: absent when empty, so bundles without it compare equal to older ones. */
async function optionalRows<K extends string, T>(key: K, rows: Promise<T[]>): Promise<{ [P in K]?: T[] }> {
  const r = await rows;
  return r.length ? ({ [key]: r } as { [P in K]: T[] }) : {};
}

export async function exportBundle(db: ChorusDb, projectId: string): Promise<ProjectBundle> {
  const { bundle, codings } = await readBundle(db, projectId, 'list');
  return { ...bundle, codings: parseCodings(codings) };
}

/**
 * A project as exportBundle reads it, but its codings as columns (never an object per coding), for
 * the analysis worker: `bundle.codings` is empty; `codings` holds the project's coding digest and the
 * journal's changes after it, and `keep` says which documents' codings belong (a retraction pending
 * hides a document's codings, as exportBundle leaves them out). Codings are not checked one by one
 * (the digest is made from stored records, each checked when written).
 */
/**
 * The project as the analysis worker reads it: its codings as columns (`codings`), and its documents
 * as the analysis index reads them (`documents`): the bundle's `documents` are only those stored
 * one by one, and a survey table's answers are places, not documents (see
 * shared/analysis/index-documents.ts). Their texts are not read: readAnswerTexts reads them into
 * `tables` for the analyses that read text.
 */
export async function exportBundleColumns(
  db: ChorusDb,
  projectId: string,
): Promise<{ bundle: ProjectBundle; codings: CodingColumnsRead; documents: IndexDocuments; tables: TableAnswers[]; participants: IndexParticipants; people: TableParticipants[]; keep?: (documentId: string) => boolean }> {
  const { bundle, columns, keep, tables = [], people = [] } = await readBundle(db, projectId, 'columns');
  return {
    bundle: { ...bundle, codings: [] },
    codings: columns!,
    documents: indexDocuments(bundle.documents, tables),
    tables,
    participants: indexParticipants(bundle.participants, people),
    people,
    ...(keep ? { keep } : {}),
  };
}

/** `codingsAs: 'columns'` also gives survey tables' answers as `tables`, their places only (and leaves them out of `documents`). */
async function readBundle(db: ChorusDb, projectId: string, codingsAs: 'list' | 'columns') {
  const asTables = codingsAs === 'columns';
  // (an encrypted project's survey tables are decoded before the read transaction, never inside it)
  await openProjectDatasets(db, projectId);
  await openProjectParticipants(db, projectId);
  const read = await db.transaction('r', [db.projects, db.datasetBlocks, ...projectTables(db), ...codingCacheTables(db)], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const by = <T>(t: Table<T, string>): Promise<T[]> => t.where('projectId').equals(projectId).toArray();
    // (each with an empty text, filled in once decoded: one object a document, not a list entry and a copy with its text)
    const documents = await documentsToFill(db, projectId, !asTables);
    const datasets = await listDatasets(db, projectId);
    const datasetIds = new Set(datasets.map((ds) => ds.id));
    const storedTexts = await readStoredTexts(db, documents.map((d) => d.id));
    const participants = await listParticipants(db, projectId, !asTables);
    // Retracted documents, participants and sources (awaiting confirmation) leave nothing in an export.
    const view = await retractionView(db, projectId);
    const answers = asTables ? tableAnswersOf(datasets, view?.hidden) : undefined;
    const people = asTables ? readTableParticipants(datasets, view?.hidden) : undefined;
    // (the visible documents' ids, needed only when a retraction hides some: 875,000 of them in a large survey, unless read as tables)
    const docIds = view ? new Set(documents.map((d) => d.id)) : undefined;
    const keep = docIds ? (documentId: string) => docIds.has(documentId) || (answers !== undefined && isTableAnswer(answers, documentId)) : undefined;
    const allCodings = codingsAs === 'list' ? await readProjectCodings(db, projectId) : undefined;
    const columns = codingsAs === 'columns' ? await readCodingColumnsIn(db, projectId) : undefined;
    const codings = allCodings ? allCodings.codings.filter((c) => !keep || keep(c.documentId)) : [];
    const memoRows = await by(db.memos);
    // a memo on a coding of a hidden document goes with it (with codings as columns, its coding is looked up on its own)
    const codingIds = allCodings ? new Set(codings.map((c) => c.id)) : await visibleCodings(db, projectId, memoRows, keep);
    const visible: Record<string, (id: string) => boolean> = {
      document: (id) => !keep || keep(id),
      coding: (id) => codingIds.has(id),
      participant: (id) => !view?.hidden.participants.has(id),
      source: (id) => !view?.hidden.sources.has(id),
    };
    const memos = memoRows.filter((m) => !view || (visible[m.target.kind]?.(m.target.id) ?? true));
    const storedMemos: StoredText[] = (await db.texts.bulkGet(memos.map((m) => m.id))).map((r) => r?.stored ?? { v: 0, text: '' });
    return {
      allCodings,
      columns,
      answers,
      people,
      keep,
      datasetIds,
      project,
      coders: await by(db.coders),
      sources: (await by(db.sources)).filter((s) => !view?.hidden.sources.has(s.id)),
      variables: await by(db.variables),
      participants,
      documents,
      storedTexts,
      codes: await by(db.codes),
      codings,
      memos,
      storedMemos,
      findings: await by(db.findings),
      actions: await by(db.actions),
      ...(db.recommendations ? await optionalRows('recommendations', by(db.recommendations)) : {}),
      ...(db.quotes ? await optionalRows('quotes', by(db.quotes)) : {}),
      assignments: db.assignments ? await by(db.assignments) : [],
      decisions: db.decisions ? await by(db.decisions) : [],
      ...(db.packTemplates ? await optionalRows('packTemplates', by(db.packTemplates)) : {}),
    };
  });
  const codec = getCodec();
  const [texts, memoTexts] = await Promise.all([decodeAll(codec, read.storedTexts), decodeAll(codec, read.storedMemos)]);
  const { storedTexts: _t, storedMemos: _m, datasetIds, documents, participants, allCodings, columns, answers: tables, people, keep, ...rows } = read;
  if (allCodings) await saveCodingDigest(db, allCodings.refresh, allCodings.codings);
  // a survey table's documents and participants are made by the app from the table, which was
  // checked when it was imported: they are not checked again one by one (at 200,000 responses
  // that alone took seconds and made a third copy of every document); every stored row is
  // checked, codings by parseCodings (the schema's answer, without zod's cost per coding)
  const fromTable = (id: string) => datasetIds.has(id.slice(0, DATASET_ID_LENGTH));
  const { codings, ...others } = rows;
  const bundle: Omit<ProjectBundle, 'codings'> = {
    ...BundleWithoutRowLists.parse({ ...others, memos: read.memos.map((m, i) => ({ ...m, text: memoTexts[i]! })) }),
    participants: participants.map((p) => (fromTable(p.id) ? p : Participant.parse(p))),
    documents: documents.map((d, i) => (fromTable(d.id) ? Object.assign(d, { text: texts[i]! }) : DocumentWithText.parse({ ...d, text: texts[i]! }))),
  };
  return { bundle, codings, columns: columns && (await columnsRead(db, projectId, columns)), keep, tables, people };
}

/** Of the codings memos are on, those visible: this project's, on a document `keep` accepts. */
async function visibleCodings(db: ChorusDb, projectId: string, memos: readonly Pick<MemoMeta, 'target'>[], keep: ((documentId: string) => boolean) | undefined): Promise<Set<string>> {
  const found = await db.codings.bulkGet(memos.filter((m) => m.target.kind === 'coding').map((m) => m.target.id));
  return new Set(found.filter((c) => c !== undefined && c.projectId === projectId && (!keep || keep(c.documentId))).map((c) => c!.id));
}

/** A bundle's schema without the lists exportBundle checks its own way: a survey table's derived documents and participants, and codings (parseCodings). */
const BundleWithoutRowLists = ProjectBundle.omit({ documents: true, participants: true, codings: true });

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
