import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listCodings, type ChorusDb } from '../db/api';
import { codeCounts } from '../../shared/coding/counts';
import type { Code, DocumentMeta } from '../../shared/model';
import type { CodeCountMaps } from '../features/codebook/countsText';
import { recentCodeIds } from '../features/codebook/recentCodes';

const NO_COUNTS: CodeCountMaps = { own: new Map(), rolled: new Map() };
const NO_IDS: string[] = [];

/**
 * Project-wide figures for the Code workspace, live: the codebook's counts and the coder's nine
 * most recent codes (keys 1–9). Both are computed inside one live query, so the workbench never
 * holds every coding of the project in its state (it keeps only the open document's codings).
 */
export function useCodingStats(
  db: ChorusDb,
  projectId: string,
  codes: readonly Code[],
  documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[],
  coderId: string | null,
): { counts: CodeCountMaps; recent: string[] } {
  const stats = useLiveQuery(async () => {
    const codings = await listCodings(db, { projectId });
    return { counts: codeCounts(codes, codings, documents), recent: recentCodeIds(codings, coderId, new Set(codes.map((c) => c.id))) };
  }, [db, projectId, codes, documents, coderId]);
  // Keep the same array while the recent codes are unchanged, so their shortcuts do not re-render everything.
  const key = (stats?.recent ?? NO_IDS).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const recent = useMemo(() => stats?.recent ?? NO_IDS, [key]);
  return { counts: stats?.counts ?? NO_COUNTS, recent };
}
