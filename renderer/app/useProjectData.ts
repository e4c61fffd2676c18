import { useLiveQuery } from 'dexie-react-hooks';
import { listCodes, listDocuments, listParticipants, listSources, listVariables, type ChorusDb } from '../db/api';
import type { Code, DocumentMeta, Participant, Source, Variable } from '../../shared/model';

export interface ProjectData {
  sources: Source[];
  documents: DocumentMeta[];
  participants: Participant[];
  variables: Variable[];
  codes: Code[];
}

const EMPTY: never[] = [];

/** Everything the workbench lists for a project, live. */
export function useProjectData(db: ChorusDb, projectId: string): ProjectData {
  const sources = useLiveQuery(() => listSources(db, projectId), [db, projectId]);
  const documents = useLiveQuery(() => listDocuments(db, projectId), [db, projectId]);
  const participants = useLiveQuery(() => listParticipants(db, projectId), [db, projectId]);
  const variables = useLiveQuery(() => listVariables(db, projectId), [db, projectId]);
  const codes = useLiveQuery(() => listCodes(db, projectId), [db, projectId]);
  return {
    sources: sources ?? EMPTY,
    documents: documents ?? EMPTY,
    participants: participants ?? EMPTY,
    variables: variables ?? EMPTY,
    codes: codes ?? EMPTY,
  };
}
