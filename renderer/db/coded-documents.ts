/**
 * The participants of the documents a project's codings are on: what the codebook's counts need,
 * without the project's list of documents. A survey of 500,000 responses has 875,000 answer
 * documents; a survey answer's participant is read from its table's row → participant column, so
 * a count over a million codings makes no document at all.
 */
import type { ChorusDb } from './schema';
import { getDocuments, hiddenDocuments, listCodes } from './reads';
import { answerIn, listDatasets } from './datasets';
import { readCodingColumns } from './coding-journal';
import { CodingIndex } from '../../shared/coding/coding-index';
import { codeCounts, type ParticipantKeys } from '../../shared/coding/counts';
import { datasetAnswerParticipantId, datasetParticipantIndex, parseDatasetParticipantId, type Dataset } from '../../shared/import/dataset';

/**
 * The coded documents' participants as keys (codeCounts): a survey answer's is its table's
 * participant index, after the tables before it; any other document's participant is read from its
 * stored record and numbered after every table's (or, if it names a table's participant, that one's).
 */
export async function codedParticipantKeys(db: ChorusDb, projectId: string, documentIds: Iterable<string>): Promise<ParticipantKeys> {
  const datasets = await listDatasets(db, projectId);
  const answer = answerIn(datasets);
  const offset = new Map<Dataset, number>();
  let total = 0;
  for (const ds of datasets) {
    offset.set(ds, total);
    total += ds.participants.rows.length;
  }
  const tables = new Map(datasets.map((ds) => [ds.id, ds]));
  const others: string[] = [];
  for (const id of documentIds) if (!answer(id)) others.push(id);
  const stored = new Map<string, number>();
  const keyOfParticipant = new Map<string, number>();
  for (const d of others.length > 0 ? await getDocuments(db, others) : []) {
    if (!d || d.projectId !== projectId || !d.participantId) continue;
    let key = keyOfParticipant.get(d.participantId);
    if (key === undefined) {
      const where = parseDatasetParticipantId(d.participantId);
      const ds = where && tables.get(where.datasetId);
      const i = ds ? datasetParticipantIndex(ds, d.participantId) : -1;
      key = i >= 0 ? offset.get(ds!)! + i : total + keyOfParticipant.size;
      keyOfParticipant.set(d.participantId, key);
    }
    stored.set(d.id, key);
  }
  return {
    keyOf(id) {
      const a = answer(id);
      if (!a) return stored.get(id) ?? -1;
      return datasetAnswerParticipantId(a.ds, a.row, a.slot) === undefined ? -1 : offset.get(a.ds)! + a.ds.participantOf[a.row]!;
    },
  };
}

/**
 * The codebook's counts of a project (the counts worker's, once per revision): its codings read as
 * columns (a million codings are not made into a million objects to be counted), less those of
 * documents a pending retraction hides (as listCodings leaves them out), with the coded documents'
 * participants.
 */
export async function projectCodeCounts(db: ChorusDb, projectId: string) {
  const [codes, read, hidden] = await Promise.all([listCodes(db, projectId), readCodingColumns(db, projectId), hiddenDocuments(db, projectId)]);
  const codings = new CodingIndex(read.digest);
  codings.apply(projectId, read.changes);
  if (hidden) for (const d of codings.documentIds()) if (hidden(d)) for (const c of codings.get(d) ?? []) codings.remove(c.id);
  return codeCounts(codes, codings, await codedParticipantKeys(db, projectId, codings.documentIds()));
}
