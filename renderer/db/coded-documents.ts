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
import { codeCounts, type ParticipantOf } from '../../shared/coding/counts';
import { datasetAnswerParticipantId } from '../../shared/import/dataset';

/**
 * A lookup of the participant of each of these documents (the coded ones) of the project: a survey
 * answer's from its table, any other document's from its stored record, read by id (a retracted
 * one is not found, as getDocuments leaves it out). A document that is not the project's, or not
 * there, has none. The caller leaves out the codings of survey answers a pending retraction hides.
 */
export async function codedParticipants(db: ChorusDb, projectId: string, documentIds: Iterable<string>): Promise<ParticipantOf> {
  const answer = answerIn(await listDatasets(db, projectId));
  const others: string[] = [];
  for (const id of documentIds) if (!answer(id)) others.push(id);
  const stored = new Map<string, string | null>();
  for (const d of others.length > 0 ? await getDocuments(db, others) : []) if (d && d.projectId === projectId) stored.set(d.id, d.participantId);
  return (id) => {
    const a = answer(id);
    return a ? datasetAnswerParticipantId(a.ds, a.row, a.slot) : stored.get(id);
  };
}

/**
 * The codebook's counts of a project (the analysis worker's, once per revision): its codings read as
 * columns (a million codings are not made into a million objects to be counted), less those of
 * documents a pending retraction hides (as listCodings leaves them out), with the coded documents'
 * participants.
 */
export async function projectCodeCounts(db: ChorusDb, projectId: string) {
  const [codes, read, hidden] = await Promise.all([listCodes(db, projectId), readCodingColumns(db, projectId), hiddenDocuments(db, projectId)]);
  const codings = new CodingIndex(read.digest);
  codings.apply(projectId, read.changes);
  if (hidden) for (const d of codings.documentIds()) if (hidden(d)) for (const c of codings.get(d) ?? []) codings.remove(c.id);
  return codeCounts(codes, codings, await codedParticipants(db, projectId, codings.documentIds()));
}
