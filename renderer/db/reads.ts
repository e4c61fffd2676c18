/** Read-only queries; each is safe to call inside dexie-react-hooks' useLiveQuery. */
import type { DocumentMeta, Participant } from '../../shared/model';
import type { ChorusDb } from './schema';
import { datasetsDocuments, datasetsParticipants, getDataset, getDatasetDocument, listDatasets, readDatasetRowStoredTexts, readDatasetStoredTexts } from './datasets';
import { parseDatasetDocumentId } from '../../shared/import/dataset';
import { decodeAll, getCodec, type StoredText } from './codec';
import { getText } from './texts';

export const listSources = (db: ChorusDb, projectId: string) => db.sources.where('projectId').equals(projectId).toArray();
/** A project's documents: those stored one by one (transcripts, REFI imports, the demo) and the answers of its survey datasets. */
export async function listDocuments(db: ChorusDb, projectId: string): Promise<DocumentMeta[]> {
  const [stored, datasets] = await Promise.all([db.documents.where('projectId').equals(projectId).toArray(), listDatasets(db, projectId)]);
  return datasets.length === 0 ? stored : stored.concat(datasetsDocuments(datasets));
}

/** Whether a project has any document (stored, or a survey dataset's answers): two index counts, no rows read. */
export async function hasDocuments(db: ChorusDb, projectId: string): Promise<boolean> {
  const [stored, datasets] = await Promise.all([db.documents.where('projectId').equals(projectId).count(), db.datasets.where('projectId').equals(projectId).count()]);
  return stored + datasets > 0;
}

export async function listParticipants(db: ChorusDb, projectId: string): Promise<Participant[]> {
  const [stored, datasets] = await Promise.all([db.participants.where('projectId').equals(projectId).toArray(), listDatasets(db, projectId)]);
  return datasets.length === 0 ? stored : stored.concat(datasetsParticipants(datasets));
}

/** Documents by id, stored or derived (undefined where there is none). */
export async function getDocuments(db: ChorusDb, ids: readonly string[]): Promise<(DocumentMeta | undefined)[]> {
  const stored = await db.documents.bulkGet([...ids]);
  return Promise.all(stored.map((d, i) => d ?? getDatasetDocument(db, ids[i]!)));
}
/**
 * What the survey grid is built from (shared/grid/rows.ts): the project's survey tables as stored,
 * and the responses and participants stored one by one (the demo, REFI-QDA imports).
 */
export async function listSurveyParts(db: ChorusDb, projectId: string) {
  const [sources, variables, datasets, documents, participants] = await Promise.all([
    listSources(db, projectId),
    listVariables(db, projectId),
    listDatasets(db, projectId),
    db.documents.where('projectId').equals(projectId).filter((d) => d.kind === 'response').toArray(),
    db.participants.where('projectId').equals(projectId).toArray(),
  ]);
  return { sources, variables, datasets, documents, participants };
}

export const listVariables = (db: ChorusDb, projectId: string) => db.variables.where('projectId').equals(projectId).toArray();
export const listCoders = (db: ChorusDb, projectId: string) => db.coders.where('projectId').equals(projectId).toArray();
export const listCodes = (db: ChorusDb, projectId: string) => db.codes.where('projectId').equals(projectId).toArray();

export function listCodings(db: ChorusDb, query: { documentId: string } | { projectId: string }) {
  return 'documentId' in query
    ? db.codings.where('documentId').equals(query.documentId).toArray()
    : db.codings.where('projectId').equals(query.projectId).toArray();
}

/**
 * The stored (undecoded) texts of many documents at once, in the order asked: stored texts by key;
 * dataset answers by one range read per dataset involved (a corpus load reads each row once, not
 * once per answer), or, when only a few of a dataset's rows are wanted, those rows by key. Dexie
 * reads only, so it is safe inside a transaction; decode after it.
 */
export async function readStoredTexts(db: ChorusDb, ids: readonly string[]): Promise<StoredText[]> {
  const rows = await db.texts.bulkGet([...ids]);
  const wanted = new Map<string, Set<string>>();
  ids.forEach((id, i) => {
    const where = rows[i] ? undefined : parseDatasetDocumentId(id);
    if (where) (wanted.get(where.datasetId) ?? wanted.set(where.datasetId, new Set()).get(where.datasetId)!).add(where.rowKey);
  });
  const answers = new Map<string, StoredText>();
  for (const [dsId, rowKeys] of wanted) {
    const ds = await getDataset(db, dsId);
    if (!ds) continue;
    // a few rows (a page of the survey grid) by key; a corpus load in one range scan
    const stored = rowKeys.size * 8 < ds.recordIds.length ? await readDatasetRowStoredTexts(db, [...rowKeys]) : await readDatasetStoredTexts(db, ds);
    for (const [id, st] of stored) answers.set(id, st);
  }
  return ids.map((id, i) => {
    const stored = rows[i]?.stored ?? answers.get(id);
    if (stored === undefined) throw new Error(`Document ${id} has no stored text`);
    return stored;
  });
}

/** The texts of many documents at once, in the order asked: read, then decoded (never inside a transaction). */
export async function getDocumentTexts(db: ChorusDb, ids: readonly string[]): Promise<string[]> {
  return decodeAll(getCodec(), await readStoredTexts(db, ids));
}

export async function getDocumentText(db: ChorusDb, documentId: string): Promise<string> {
  const text = await getText(db, documentId);
  if (text === undefined) throw new Error(`Document ${documentId} has no stored text`);
  return text;
}
