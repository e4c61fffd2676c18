/** Read-only queries; each is safe to call inside dexie-react-hooks' useLiveQuery. */
import type { DocumentMeta, DocumentWithText, Participant } from '../../shared/model';
import type { ChorusDb, TextRow } from './schema';
import { answerIn, datasetListsMade, datasetsDocuments, datasetsParticipants, getDataset, getDatasetDocument, listDatasets, readAnswersStored } from './datasets';
import { DATASET_ID_LENGTH, datasetAnswerParticipantId, datasetDocumentCount, datasetDocumentsIn, datasetParticipantIndex, datasetParticipantsIn, parseDatasetParticipantId } from '../../shared/import/dataset';
import { documentView, type DocumentView } from '../../shared/import/document-view';
import { answerPlacesOf } from './table-answers';
import { participantLabel } from '../../shared/governance/target-search';
import { decodeAll, getCodec, type StoredText } from './codec';
import { getText } from './texts';
import { projectCodings } from './coding-journal';
import { openParticipants } from './participant-seal';
import { hiddenTargets, hideInDatasets, isHiddenDocument, type Hidden } from '../../shared/governance/retraction';
import type { RetractionRecord, RetractionTarget } from '../../shared/model';

/**
 * Retracted targets (issue 12): hidden from every read below while their retraction awaits
 * confirmation (and, once confirmed, a derived participant's blanked remains). null when the
 * project has none, so the usual reads cost nothing extra.
 */
export async function retractionView(db: ChorusDb, projectId: string): Promise<{ hidden: Hidden; pending: RetractionTarget[] } | null> {
  if (!db.retractions) return null;
  const records = (await db.retractions.where('projectId').equals(projectId).toArray()).filter((r) => r.target);
  if (records.length === 0) return null;
  return { hidden: hiddenTargets(records), pending: records.filter((r) => r.status === 'pending').map((r) => r.target!) };
}

export const listRetractions = (db: ChorusDb, projectId: string): Promise<RetractionRecord[]> => db.retractions.where('projectId').equals(projectId).sortBy('at');

const visibleParticipant = (p: Participant, h: Hidden) => !h.participants.has(p.id) && !h.sources.has(p.sourceId);

/** Every document of the project, retracted ones too (for the purge and the retraction dialog's counts). */
async function allDocuments(db: ChorusDb, projectId: string): Promise<DocumentMeta[]> {
  const [stored, datasets] = await Promise.all([db.documents.where('projectId').equals(projectId).toArray(), listDatasets(db, projectId)]);
  if (datasets.length === 0) return stored;
  await datasetListsMade(datasets, 'documents');
  return datasetsDocuments(datasets, stored);
}

/** Whether a project has any document (stored, or a survey dataset's answers): two index counts, no rows read. */
export async function hasDocuments(db: ChorusDb, projectId: string): Promise<boolean> {
  const [stored, datasets] = await Promise.all([db.documents.where('projectId').equals(projectId).count(), db.datasets.where('projectId').equals(projectId).count()]);
  return stored + datasets > 0;
}

/**
 * How big a project is, for the import's pre-flight check (the memory it needs once open): its
 * documents (stored ones and its survey tables' answers, retracted ones too) and its codings,
 * counted from the index and the survey tables' lengths, never listed.
 */
export async function projectSize(db: ChorusDb, projectId: string): Promise<{ documents: number; codings: number }> {
  const [stored, datasets, codings] = await Promise.all([db.documents.where('projectId').equals(projectId).count(), listDatasets(db, projectId), db.codings.where('projectId').equals(projectId).count()]);
  return { documents: datasets.reduce((n, ds) => n + datasetDocumentCount(ds), stored), codings };
}

export const listSources = (db: ChorusDb, projectId: string) => db.sources.where('projectId').equals(projectId).toArray();
/** Sources as shown: a retracted source is left out while its retraction awaits confirmation. */
export async function listVisibleSources(db: ChorusDb, projectId: string) {
  const [sources, view] = await Promise.all([listSources(db, projectId), retractionView(db, projectId)]);
  return view ? sources.filter((s) => !view.hidden.sources.has(s.id)) : sources;
}
/** A project's documents: those stored one by one (transcripts, REFI imports, the demo) and the answers of its survey datasets. */
export async function listDocuments(db: ChorusDb, projectId: string): Promise<DocumentMeta[]> {
  const [all, view] = await Promise.all([allDocuments(db, projectId), retractionView(db, projectId)]);
  return visibleDocuments(all, view);
}

/**
 * A project's documents as the Code workspace's list reads them (shared/import/document-view.ts):
 * the stored ones as listDocuments gives them, and each survey table's answers as places, a
 * retracted one left out. No document is made per answer (listDocuments makes 875,000 for a
 * 500,000-response survey, and keeps them).
 */
export async function listDocumentView(db: ChorusDb, projectId: string): Promise<DocumentView> {
  const [stored, datasets, view] = await Promise.all([db.documents.where('projectId').equals(projectId).toArray(), listDatasets(db, projectId), retractionView(db, projectId)]);
  return documentView(visibleDocuments(stored, view), answerPlacesOf(datasets, view?.hidden));
}

/** A participant of the project by id (a survey table's made from the table's columns), or undefined; one a retraction hides too, as listParticipants leaves it out. */
export async function getParticipant(db: ChorusDb, projectId: string, id: string): Promise<Participant | undefined> {
  const found = await participantById(db, projectId, id);
  const view = found && (await retractionView(db, projectId));
  return found && (!view || visibleParticipant(found, view.hidden)) ? found : undefined;
}

async function participantById(db: ChorusDb, projectId: string, id: string): Promise<Participant | undefined> {
  const where = parseDatasetParticipantId(id);
  const ds = where ? await getDataset(db, where.datasetId) : undefined;
  if (ds) {
    const p = datasetParticipantIndex(ds, id);
    return ds.projectId === projectId && p >= 0 ? datasetParticipantsIn(ds, p, p + 1)[0] : undefined;
  }
  const stored = await db.participants.get(id);
  return stored && stored.projectId === projectId ? (await openParticipants(db, [stored]))[0] : undefined;
}

/** These documents less those a retraction hides (all of them when none is pending). */
const visibleDocuments = <D extends DocumentMeta>(all: D[], view: { hidden: Hidden } | null): D[] => (view ? all.filter((d) => !isHiddenDocument(d, view.hidden)) : all);

/**
 * A project's documents as listDocuments gives them (the same order, a retracted one left out), each
 * with an empty `text` for the caller to fill in: made afresh, not taken from the survey tables'
 * lists the window keeps, so a reader that wants the texts (exportBundle, the analysis worker)
 * holds each document once, with its text, and not beside a copy without. `withTables: false`: the
 * stored documents only (the analysis worker reads survey tables' answers as places: table-answers.ts).
 */
export async function documentsToFill(db: ChorusDb, projectId: string, withTables = true): Promise<DocumentWithText[]> {
  const [stored, datasets, view] = await Promise.all([db.documents.where('projectId').equals(projectId).toArray(), withTables ? listDatasets(db, projectId) : [], retractionView(db, projectId)]);
  const all = (stored.map((d) => ({ ...d, text: '' })) as DocumentWithText[]).concat(...datasets.map((ds) => datasetDocumentsIn(ds, 0, ds.recordIds.length, true) as DocumentWithText[]));
  return visibleDocuments(all, view);
}

/** A project's stored participants, opened (an encrypted project's pseudonyms and attribute values decoded). */
const readParticipants = async (db: ChorusDb, projectId: string): Promise<Participant[]> => openParticipants(db, await db.participants.where('projectId').equals(projectId).toArray());

/** A project's participants: those stored one by one, then its survey tables' (`withTables: false`: the stored ones only; the analysis worker reads a table's as columns, table-answers.ts). */
export async function listParticipants(db: ChorusDb, projectId: string, withTables = true): Promise<Participant[]> {
  const [stored, datasets, view] = await Promise.all([readParticipants(db, projectId), withTables ? listDatasets(db, projectId) : [], retractionView(db, projectId)]);
  if (datasets.length > 0) await datasetListsMade(datasets, 'participants');
  const all = datasets.length === 0 ? stored : datasetsParticipants(datasets, stored);
  return view ? all.filter((p) => visibleParticipant(p, view.hidden)) : all;
}

/** A survey participant's pseudonym by id (its dataset's column, found by the row its id names), or undefined. */
async function datasetPseudonym(db: ChorusDb, projectId: string, id: string): Promise<{ pseudonym: string; sourceId: string } | undefined> {
  const where = parseDatasetParticipantId(id);
  if (!where) return undefined;
  const ds = await getDataset(db, where.datasetId);
  if (!ds || ds.projectId !== projectId) return undefined;
  const i = datasetParticipantIndex(ds, id);
  if (i < 0) return undefined;
  const pseudonym = ds.participants.pseudonyms[i];
  return pseudonym === undefined ? undefined : { pseudonym, sourceId: ds.sourceId };
}

/**
 * What each retraction awaiting confirmation retracts, by target id, as the retraction picker
 * names it: a participant's pseudonym (with its source's name), a document's title, a source's
 * name. Read past the hiding (every list above leaves a pending target out) and only for the
 * pending targets: a few keyed reads. A target not found is left out.
 */
export async function pendingRetractionNames(db: ChorusDb, projectId: string): Promise<Map<string, string>> {
  const targets = (await listRetractions(db, projectId)).filter((r) => r.status === 'pending' && r.target).map((r) => r.target!);
  const names = new Map<string, string>();
  if (targets.length === 0) return names;
  const sources = new Map((await listSources(db, projectId)).map((s) => [s.id, s.name]));
  for (const { kind, id } of targets) {
    if (kind === 'source') {
      const name = sources.get(id);
      if (name !== undefined) names.set(id, name);
    } else if (kind === 'document') {
      const doc = (await db.documents.get(id)) ?? (await getDatasetDocument(db, id));
      if (doc && doc.projectId === projectId) names.set(id, doc.title);
    } else {
      const record = await db.participants.get(id);
      const stored = record && record.projectId === projectId ? (await openParticipants(db, [record]))[0] : undefined;
      const found = stored ?? (await datasetPseudonym(db, projectId, id));
      if (found) names.set(id, participantLabel(found.pseudonym, sources.get(found.sourceId)));
    }
  }
  return names;
}

/** Documents by id, stored or derived (undefined where there is none, or it is retracted). */
export async function getDocuments(db: ChorusDb, ids: readonly string[]): Promise<(DocumentMeta | undefined)[]> {
  const stored = await db.documents.bulkGet([...ids]);
  const docs = await Promise.all(stored.map((d, i) => d ?? getDatasetDocument(db, ids[i]!)));
  const projectId = docs.find((d) => d)?.projectId;
  const view = projectId ? await retractionView(db, projectId) : null;
  return view ? docs.map((d) => (d && isHiddenDocument(d, view.hidden) ? undefined : d)) : docs;
}

/**
 * Which of the project's documents a retraction hides, as a test by id (undefined when there is
 * no retraction: nothing is hidden). A survey answer is judged from its table (its source, and its row's participant),
 * so no survey's answers are listed: at 500,000 responses, listing them made 875,000 documents each
 * time codings were read while a retraction awaited confirmation. A stored document is judged as
 * listed; an id that is no document of the project is not hidden.
 */
export async function hiddenDocuments(db: ChorusDb, projectId: string): Promise<((documentId: string) => boolean) | undefined> {
  const view = await retractionView(db, projectId);
  if (!view) return undefined;
  const h = view.hidden;
  const [stored, datasets] = await Promise.all([db.documents.where('projectId').equals(projectId).toArray(), listDatasets(db, projectId)]);
  const hiddenStored = new Set(stored.filter((d) => isHiddenDocument(d, h)).map((d) => d.id));
  const answer = answerIn(datasets);
  return (id) => {
    if (hiddenStored.has(id)) return true;
    const a = answer(id);
    const participantId = a && datasetAnswerParticipantId(a.ds, a.row, a.slot);
    return participantId !== undefined && isHiddenDocument({ id, sourceId: a!.ds.sourceId, participantId }, h);
  };
}
/**
 * What the survey grid is built from (shared/grid/rows.ts): the project's survey tables as stored,
 * and the responses and participants stored one by one (the demo, REFI-QDA imports).
 */
export async function listSurveyParts(db: ChorusDb, projectId: string) {
  const [sources, variables, datasets, documents, participants, view] = await Promise.all([
    listSources(db, projectId),
    listVariables(db, projectId),
    listDatasets(db, projectId),
    db.documents.where('projectId').equals(projectId).filter((d) => d.kind === 'response').toArray(),
    readParticipants(db, projectId),
    retractionView(db, projectId),
  ]);
  if (!view) return { sources, variables, datasets, documents, participants };
  return {
    sources: sources.filter((s) => !view.hidden.sources.has(s.id)),
    variables,
    datasets: hideInDatasets(datasets, view.pending),
    documents: documents.filter((d) => !isHiddenDocument(d, view.hidden)),
    participants: participants.filter((p) => visibleParticipant(p, view.hidden)),
  };
}

export const listVariables = (db: ChorusDb, projectId: string) => db.variables.where('projectId').equals(projectId).toArray();
export const listCoders = (db: ChorusDb, projectId: string) => db.coders.where('projectId').equals(projectId).toArray();
export const listCodes = (db: ChorusDb, projectId: string) => db.codes.where('projectId').equals(projectId).toArray();

/**
 * Codings of a document, or of the project (those of retracted documents left out; in id order,
 * read through the project's coding digest: coding-journal.ts), or of some of its codes (read by
 * the code index: a dialog about two codes never reads a project's millions of codings).
 */
export async function listCodings(db: ChorusDb, query: { documentId: string } | { projectId: string; codeIds?: readonly string[] }) {
  if ('documentId' in query) return db.codings.where('documentId').equals(query.documentId).toArray();
  if (query.codeIds) {
    const [rows, hidden] = await Promise.all([db.codings.where('codeId').anyOf([...query.codeIds]).toArray(), hiddenDocuments(db, query.projectId)]);
    return rows.filter((c) => c.projectId === query.projectId && !hidden?.(c.documentId)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const [codings, hidden] = await Promise.all([projectCodings(db, query.projectId), hiddenDocuments(db, query.projectId)]);
  return hidden ? codings.filter((c) => !hidden(c.documentId)) : codings;
}

/** Past this many ids, the texts table is read by one cursor over the ids, not a keyed read per id. */
const KEYED_READS = 2000;

/**
 * The text rows of these ids (undefined where there is none), in order. A few ids: a keyed read
 * each. Many: one cursor that jumps from id to id (Dexie's anyOf), so ids with no row — a survey's
 * answers, which live in their dataset's blocks — cost nothing each (the Analyse workspace's read
 * of a 200,000-response survey spent 9 of its 10 s in 350,000 keyed reads that found nothing).
 */
async function readTextRows(db: ChorusDb, ids: readonly string[]): Promise<(TextRow | undefined)[]> {
  if (ids.length <= KEYED_READS) return db.texts.bulkGet([...ids]);
  const found = new Map<string, TextRow>();
  for (const r of await db.texts.where(':id').anyOf([...ids]).toArray()) found.set(r.id, r);
  return ids.map((id) => found.get(id));
}

/**
 * The stored (undecoded) texts of many documents at once, in the order asked: stored texts by key;
 * dataset answers by one keyed read of each block of rows involved (a corpus load reads each block
 * once, not once per answer; a page of the survey grid only its blocks). Dexie reads only, so it is
 * safe inside a transaction; decode after it.
 */
export async function readStoredTexts(db: ChorusDb, ids: readonly string[]): Promise<StoredText[]> {
  const rows = await readTextRows(db, ids);
  // the others are survey answers, read from their blocks if their table exists
  const tables = new Set<string>();
  let last = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (rows[i] || id.length !== 36 || (last !== '' && id.startsWith(last))) continue;
    last = id.slice(0, DATASET_ID_LENGTH);
    tables.add(last);
  }
  for (const t of tables) if (!(await getDataset(db, t))) tables.delete(t);
  const answers = tables.size > 0 ? await readAnswersStored(db, ids, tables) : [];
  return ids.map((id, i) => {
    const stored = rows[i]?.stored ?? answers[i];
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

/** The undo step that marked a retraction (so its own "Undo" reverts exactly that step), if it is still in the history. */
export async function retractionStep(db: ChorusDb, projectId: string, recordId: string): Promise<number | undefined> {
  const steps = await db.history.where('[projectId+undone]').equals([projectId, 0]).filter((e) => e.changes.some((c) => c.table === 'retractions' && c.key === recordId)).toArray();
  return steps.at(-1)?.seq;
}
