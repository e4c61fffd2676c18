import type { MemoTarget } from '../../shared/model';
import type { ChorusDb } from './schema';

/** Every memo target in a project (for memo indicators); safe inside useLiveQuery. */
export async function listMemoTargets(db: ChorusDb, projectId: string): Promise<MemoTarget[]> {
  return (await db.memos.where('projectId').equals(projectId).toArray()).map((m) => m.target);
}
