/** Reads of safeguarding flags (changes go through `execute`: shared/commands/safeguarding.ts). */
import type { FlagStatus, SafeguardFlag } from '../../shared/safeguarding/flags';
import type { ChorusDb } from './schema';

/** The project's flags, optionally of one status, oldest first then by place. */
export async function listSafeguardFlags(db: ChorusDb, projectId: string, status?: FlagStatus): Promise<SafeguardFlag[]> {
  const rows = status ? await db.safeguardFlags.where('[projectId+status]').equals([projectId, status]).toArray() : await db.safeguardFlags.where('projectId').equals(projectId).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.documentId.localeCompare(b.documentId) || a.start - b.start || a.category.localeCompare(b.category));
}

/** How many flags wait for review (the navigation's badge). */
export function countOpenSafeguardFlags(db: ChorusDb, projectId: string): Promise<number> {
  return db.safeguardFlags.where('[projectId+status]').equals([projectId, 'open']).count();
}

/** The flags on one document, in text order. */
export async function safeguardFlagsOf(db: ChorusDb, documentId: string): Promise<SafeguardFlag[]> {
  return (await db.safeguardFlags.where('documentId').equals(documentId).toArray()).sort((a, b) => a.start - b.start || a.end - b.end);
}
