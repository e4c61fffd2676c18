import { useLiveQuery } from 'dexie-react-hooks';
import { listMemoTargets, type ChorusDb } from '../../db/api';

const EMPTY: ReadonlySet<string> = new Set();

/** Live set of "kind:id" for every target in the project that has a memo (for memo indicators). */
export function useMemoIndex(db: ChorusDb, projectId: string): ReadonlySet<string> {
  return useLiveQuery(async () => new Set((await listMemoTargets(db, projectId)).map((t) => `${t.kind}:${t.id}`)), [db, projectId]) ?? EMPTY;
}
