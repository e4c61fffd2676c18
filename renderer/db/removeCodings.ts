import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';

/**
 * Remove several codings as ONE undoable step (e.g. rejecting a disagreement between coders).
 * Ids that are missing are ignored; every coding must belong to `projectId`.
 */
export async function removeCodings(db: ChorusDb, projectId: string, ids: string[], label: string): Promise<number> {
  if (ids.length === 0) return 0;
  return recorded(db, projectId, label, [db.codings, db.audit], async (rec) => {
    const rows = (await db.codings.bulkGet(ids)).filter((c) => c !== undefined);
    for (const c of rows) if (c.projectId !== projectId) throw new Error('A coding to remove belongs to another project');
    for (const c of rows) await rec.delete(db.codings, c.id);
    if (rows.length) await recordAudit(db, projectId, 'coding.remove-many', rows.slice(0, 50).map((c) => c.id));
    return rows.length;
  });
}
