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

/**
 * Everything the workbench lists for a project, live; with `only`, just those lists (the others
 * stay empty and are never read: a survey's documents are 875,000 and its participants 500,000,
 * so a workspace that shows neither should not hold them or re-read them when they change).
 */
export function useProjectData(db: ChorusDb, projectId: string, only?: readonly (keyof ProjectData)[]): ProjectData {
  const want = (part: keyof ProjectData) => !only || only.includes(part);
  const [s, d, p, v, c] = (['sources', 'documents', 'participants', 'variables', 'codes'] as const).map(want);
  const sources = useLiveQuery(() => (s ? listSources(db, projectId) : EMPTY), [db, projectId, s]);
  const documents = useLiveQuery(() => (d ? listDocuments(db, projectId) : EMPTY), [db, projectId, d]);
  const participants = useLiveQuery(() => (p ? listParticipants(db, projectId) : EMPTY), [db, projectId, p]);
  const variables = useLiveQuery(() => (v ? listVariables(db, projectId) : EMPTY), [db, projectId, v]);
  const codes = useLiveQuery(() => (c ? listCodes(db, projectId) : EMPTY), [db, projectId, c]);
  return {
    sources: sources ?? EMPTY,
    documents: documents ?? EMPTY,
    participants: participants ?? EMPTY,
    variables: variables ?? EMPTY,
    codes: codes ?? EMPTY,
  };
}
