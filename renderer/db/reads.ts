/** Read-only queries; each is safe to call inside dexie-react-hooks' useLiveQuery. */
import type { ChorusDb } from './schema';
import { getText } from './texts';

export const listSources = (db: ChorusDb, projectId: string) => db.sources.where('projectId').equals(projectId).toArray();
export const listDocuments = (db: ChorusDb, projectId: string) => db.documents.where('projectId').equals(projectId).toArray();
export const listParticipants = (db: ChorusDb, projectId: string) => db.participants.where('projectId').equals(projectId).toArray();
export const listVariables = (db: ChorusDb, projectId: string) => db.variables.where('projectId').equals(projectId).toArray();
export const listCoders = (db: ChorusDb, projectId: string) => db.coders.where('projectId').equals(projectId).toArray();
export const listCodes = (db: ChorusDb, projectId: string) => db.codes.where('projectId').equals(projectId).toArray();

export function listCodings(db: ChorusDb, query: { documentId: string } | { projectId: string }) {
  return 'documentId' in query
    ? db.codings.where('documentId').equals(query.documentId).toArray()
    : db.codings.where('projectId').equals(query.projectId).toArray();
}

export async function getDocumentText(db: ChorusDb, documentId: string): Promise<string> {
  const text = await getText(db, documentId);
  if (text === undefined) throw new Error(`Document ${documentId} has no stored text`);
  return text;
}
