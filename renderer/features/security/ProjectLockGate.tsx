import { useCallback, useState, type ReactNode } from 'react';
import type { ChorusDb } from '../../db/api';
import { lockAndForget } from './session-key';
import { UnlockScreen } from './UnlockScreen';
import { useInactivity } from './useInactivity';
import { useProjectLock } from './useLock';
import './security.css';

interface Props {
  db: ChorusDb;
  projectId: string;
  projectName: string;
  children: ReactNode;
}

/**
 * Shows the workspace only when the open project is plain or unlocked; otherwise the unlock
 * screen. While unlocked, inactivity for the configured minutes drops the key (back to the unlock screen).
 */
export function ProjectLockGate({ db, projectId, projectName, children }: Props) {
  const lock = useProjectLock(db, projectId);
  const [reason, setReason] = useState<string | undefined>();
  const onIdle = useCallback(() => {
    setReason(`Locked after ${lock.lockMinutes} ${lock.lockMinutes === 1 ? 'minute' : 'minutes'} without activity.`);
    lockAndForget();
  }, [lock.lockMinutes]);
  useInactivity(lock.encrypted === true && lock.unlocked, lock.lockMinutes, onIdle);
  if (lock.encrypted === undefined) {
    return (
      <main className="loading" aria-busy="true">
        <p>Opening the project…</p>
      </main>
    );
  }
  if (lock.encrypted && !lock.unlocked) return <UnlockScreen db={db} projectId={projectId} projectName={projectName} reason={reason} />;
  return <>{children}</>;
}
