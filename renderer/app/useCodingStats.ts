import { useLiveQuery } from 'dexie-react-hooks';
import { listCodings, type ChorusDb } from '../db/api';
import { codeCounts } from '../../shared/coding/counts';
import type { Code, DocumentMeta } from '../../shared/model';
import type { CodeCountMaps } from '../features/codebook/countsText';

const NO_COUNTS: CodeCountMaps = { own: new Map(), rolled: new Map() };

/**
 * Project-wide figures for the Code workspace, live: the codebook's counts, computed inside a live
 * query, so the workbench never holds every coding of the project in its state (it keeps only the
 * open document's codings). Keys 1–9 follow shared/coding/quick-keys.ts (codebook order).
 */
export function useCodingStats(
  db: ChorusDb,
  projectId: string,
  codes: readonly Code[],
  documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[],
): { counts: CodeCountMaps } {
  const counts = useLiveQuery(async () => codeCounts(codes, await listCodings(db, { projectId }), documents), [db, projectId, codes, documents]);
  return { counts: counts ?? NO_COUNTS };
}
