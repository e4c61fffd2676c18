import { newGuid } from '../../shared/model';
import type { ChorusDb } from './schema';

/** Record who did what, naming ids only (never content). Call inside the caller's transaction. */
export async function recordAudit(db: ChorusDb, projectId: string, action: string, ids: string[], actor = 'local user'): Promise<void> {
  await db.audit.add({ id: newGuid(), projectId, at: new Date().toISOString(), actor, action, ids });
}
