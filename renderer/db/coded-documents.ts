/**
 * The documents a project's codings are on: what the codebook's counts need (a coded document's
 * participant), without the project's whole list of documents. A survey of 500,000 responses has
 * 875,000 answer documents; a worker that lists them all for a few thousand codings holds about
 * 270 MB it does not need.
 */
import type { DocumentMeta } from '../../shared/model';
import type { ChorusDb } from './schema';
import { getDocuments, listDocuments } from './reads';

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
