import { useLiveQuery } from 'dexie-react-hooks';
import { projectChangeStamp, type ChorusDb } from '../../db/api';

/**
 * A key that changes whenever the project's analysable data changes (any recorded step, its undo
 * or redo, or rows added without history, such as imports), so the worker re-reads the project.
 */
export function useRevision(db: ChorusDb, projectId: string): string | undefined {
  return useLiveQuery(async () => {
    const s = await projectChangeStamp(db, projectId);
    return `${s.lastStep}.${s.undone}.${s.documents}.${s.datasets}.${s.codings}.${s.codes}.${s.participants}.${s.retractions}`;
  }, [db, projectId]);
}
