import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, hasPassphrase, prepareProjectCodec, subscribeKeyring, unlockedProject, type ChorusDb } from '../../db/api';
import { DEFAULT_LOCK_MINUTES, LOCK_AFTER_SETTING } from './passphrase-rules';

export interface ProjectLock {
  /** undefined until known */
  encrypted: boolean | undefined;
  unlocked: boolean;
  lockMinutes: number;
}

/** The open project's lock: has it a passphrase, is its key held, and after how long it locks. */
export function useProjectLock(db: ChorusDb, projectId: string): ProjectLock {
  const [prepared, setPrepared] = useState<string | null>(null);
  // opening a project drops any other project's key (prepareProjectCodec)
  useEffect(() => {
    let live = true;
    void prepareProjectCodec(db, projectId).then(() => live && setPrepared(projectId));
    return () => {
      live = false;
    };
  }, [db, projectId]);
  const encrypted = useLiveQuery(() => hasPassphrase(db, projectId), [db, projectId]);
  const holder = useSyncExternalStore(subscribeKeyring, unlockedProject);
  const lockMinutes = useLiveQuery(() => getSetting<number>(db, LOCK_AFTER_SETTING), [db]) ?? DEFAULT_LOCK_MINUTES;
  return { encrypted: prepared === projectId ? encrypted : undefined, unlocked: holder === projectId, lockMinutes };
}
