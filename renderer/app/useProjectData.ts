import { useLiveQuery } from 'dexie-react-hooks';
import { listCodes, listCodings, listDocuments, listParticipants, listSources, listVariables, type ChorusDb } from '../db';
import type { Code, DocumentMeta, Participant, Source, Variable } from '../../shared/model';

export interface ProjectData {
  sources: Source[];
  documents: DocumentMeta[];
  participants: Participant[];
  variables: Variable[];
  codes: Code[];
  /** Codings per code id, across the project. */
  counts: Map<string, number>;
}

const EMPTY: never[] = [];

/** Everything the workbench lists for a project, live. */
export function useProjectData(db: ChorusDb, projectId: string): ProjectData {
  const sources = useLiveQuery(() => listSources(db, projectId), [db, projectId]);
  const documents = useLiveQuery(() => listDocuments(db, projectId), [db, projectId]);
  const participants = useLiveQuery(() => listParticipants(db, projectId), [db, projectId]);
  const variables = useLiveQuery(() => listVariables(db, projectId), [db, projectId]);
  const codes = useLiveQuery(() => listCodes(db, projectId), [db, projectId]);
  const counts = useLiveQuery(async () => {
    const m = new Map<string, number>();
    for (const c of await listCodings(db, { projectId })) m.set(c.codeId, (m.get(c.codeId) ?? 0) + 1);
    return m;
  }, [db, projectId]);
  return {
    sources: sources ?? EMPTY,
    documents: documents ?? EMPTY,
    participants: participants ?? EMPTY,
    variables: variables ?? EMPTY,
    codes: codes ?? EMPTY,
    counts: counts ?? new Map(),
  };
}
