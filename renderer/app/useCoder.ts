import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, listCoders, type ChorusDb } from '../db/api';
import type { Coder } from '../../shared/model';

/** The coder who applies codings: the saved 'currentCoderId' if it belongs to the project, else its first coder. */
export function useCoder(db: ChorusDb, projectId: string): { coder: Coder | undefined; coders: Coder[] } {
  const result = useLiveQuery(async () => {
    const coders = await listCoders(db, projectId);
    const saved = await getSetting<string>(db, 'currentCoderId');
    return { coders, coder: coders.find((c) => c.id === saved) ?? coders[0] };
  }, [db, projectId]);
  return result ?? { coder: undefined, coders: [] };
}
