import { descendantIds } from '../../shared/coding/tree';
import type { ChorusDb } from './schema';

/** How many codes and codings deleting `id` would remove (for the confirmation). */
export async function countCodingsUnder(db: ChorusDb, id: string): Promise<{ codes: number; codings: number }> {
  const code = await db.codes.get(id);
  if (!code) return { codes: 0, codings: 0 };
  const ids = [...descendantIds(await db.codes.where('projectId').equals(code.projectId).toArray(), id)];
  return { codes: ids.length, codings: await db.codings.where('codeId').anyOf(ids).count() };
}
