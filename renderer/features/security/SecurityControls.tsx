import { useState } from 'react';
import type { ChorusDb } from '../../db/api';
import { lockAndForget } from './session-key';
import { PassphraseDialog } from './PassphraseDialog';
import { useProjectLock } from './useLock';
import './security.css';

interface Props {
  db: ChorusDb;
  projectId: string;
  projectName: string;
  onStatus: (message: string) => void;
}

/** Header controls: "Lock now" for an unlocked encrypted project; "Passphrase…" to set or change one. */
export function SecurityControls({ db, projectId, projectName, onStatus }: Props) {
  const lock = useProjectLock(db, projectId);
  const [open, setOpen] = useState(false);
  if (lock.encrypted === undefined || (lock.encrypted && !lock.unlocked)) return null;
  return (
    <div className="security-controls">
      {lock.encrypted && (
        <button type="button" onClick={lockAndForget}>
          Lock now
        </button>
      )}
      <button type="button" onClick={() => setOpen(true)}>
        {lock.encrypted ? 'Passphrase…' : 'Encrypt…'}
      </button>
      {open && <PassphraseDialog db={db} projectId={projectId} projectName={projectName} encrypted={lock.encrypted} lockMinutes={lock.lockMinutes} onClose={() => setOpen(false)} onStatus={onStatus} />}
    </div>
  );
}
