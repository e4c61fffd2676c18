/** Reading the audit log (ids, counts and who — never content), oldest first. */
import type { AuditEvent } from '../../shared/model';
import type { ChorusDb } from './schema';

export async function listAudit(db: ChorusDb, projectId: string): Promise<AuditEvent[]> {
  return (await db.audit.where('projectId').equals(projectId).toArray()).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}
