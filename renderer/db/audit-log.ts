/**
 * The audit log is append-only: store hooks refuse any change to or deletion of an audit row —
 * from a command, a migration or a stray helper alike — except when a whole project is being
 * deleted (`eraseProjectLog`), which removes that project's log and leaves one content-free
 * `project.delete` entry naming who deleted it and how many rows went.
 */
import { newGuid, type AuditEvent } from '../../shared/model';
import type { ChorusDb } from './schema';
import { monotonicNow } from './clock';

/** Projects whose deletion is in progress (their audit rows may go). */
const erasing = new Set<string>();

export class AuditLogError extends Error {
  override name = 'AuditLogError';
}

/** Install the append-only guard (the store's constructor calls it). */
export function guardAuditLog(db: ChorusDb): void {
  db.audit.hook('updating', () => {
    throw new AuditLogError('The audit log is append-only: an audit entry cannot be changed.');
  });
  db.audit.hook('deleting', (_key, row: AuditEvent | undefined) => {
    if (!row || !erasing.has(row.projectId)) throw new AuditLogError('The audit log is append-only: an audit entry cannot be deleted (only with its whole project).');
  });
}

/** Run `body` (the project's deletion transaction) with its audit rows deletable. */
export async function eraseProjectLog<T>(projectId: string, body: () => Promise<T>): Promise<T> {
  erasing.add(projectId);
  try {
    return await body();
  } finally {
    erasing.delete(projectId);
  }
}

/** An audit entry written outside a command (imports, project deletion): ids and counts only. Call inside the caller's transaction. */
export async function recordAudit(db: ChorusDb, projectId: string, action: string, ids: string[], actor: string, counts?: Record<string, number>): Promise<void> {
  await db.audit.add({ id: newGuid(), projectId, at: monotonicNow(), actor, action, ids, ...(counts ? { counts } : {}) });
}
