import { useLiveQuery } from 'dexie-react-hooks';
import type { ChorusDb } from '../../db';

/**
 * A key that changes whenever the project's analysable data changes (any recorded step, its undo
 * or redo, or rows added without history, such as imports), so the worker re-reads the project.
 */
export function useRevision(db: ChorusDb, projectId: string): string | undefined {
  return useLiveQuery(async () => {
    const [last, undone, docs, codings, codes, participants] = await Promise.all([
      db.history.where('projectId').equals(projectId).last(),
      db.history.where('[projectId+undone]').equals([projectId, 1]).count(),
      db.documents.where('projectId').equals(projectId).count(),
      db.codings.where('projectId').equals(projectId).count(),
      db.codes.where('projectId').equals(projectId).count(),
      db.participants.where('projectId').equals(projectId).count(),
    ]);
    return `${last?.seq ?? 0}.${undone}.${docs}.${codings}.${codes}.${participants}`;
  }, [db, projectId]);
}
