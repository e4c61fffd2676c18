/**
 * The documents a project's codings are on: what the codebook's counts need (a coded document's
 * participant), without the project's whole list of documents. A survey of 500,000 responses has
 * 875,000 answer documents; a worker that lists them all for a few thousand codings holds about
 * 270 MB it does not need.
 */
import type { DocumentMeta } from '../../shared/model';
import type { ChorusDb } from './schema';
import { getDocuments, hiddenDocumentIds, listCodes, listDocuments } from './reads';
import { readCodingColumns } from './coding-journal';
import { CodingIndex } from '../../shared/coding/coding-index';
import { codeCounts } from '../../shared/coding/counts';

/** Past this many coded documents, the project's list is read once and filtered instead of reading each by id. */
export const CODED_BY_ID_UP_TO = 20_000;

/** The visible documents of these ids (the coded ones), each once (a retracted one is left out, as listDocuments leaves it out). */
export async function codedDocuments(db: ChorusDb, projectId: string, documentIds: Iterable<string>): Promise<DocumentMeta[]> {
  const ids = new Set(documentIds);
  if (ids.size === 0) return [];
  if (ids.size > CODED_BY_ID_UP_TO) return (await listDocuments(db, projectId)).filter((d) => ids.has(d.id));
  const docs = await getDocuments(db, [...ids]);
  return docs.filter((d): d is DocumentMeta => d !== undefined && d.projectId === projectId);
}

/**
 * The codebook's counts of a project (the analysis worker's, once per revision): its codings read as
 * columns (a million codings are not made into a million objects to be counted), less those of
 * documents a pending retraction hides (as listCodings leaves them out), with the coded documents'
 * participants.
 */
export async function projectCodeCounts(db: ChorusDb, projectId: string) {
  const [codes, read, hidden] = await Promise.all([listCodes(db, projectId), readCodingColumns(db, projectId), hiddenDocumentIds(db, projectId)]);
  const codings = new CodingIndex(read.digest);
  codings.apply(projectId, read.changes);
  for (const d of hidden) for (const c of codings.get(d) ?? []) codings.remove(c.id);
  return codeCounts(codes, codings, await codedDocuments(db, projectId, codings.documentIds()));
}
