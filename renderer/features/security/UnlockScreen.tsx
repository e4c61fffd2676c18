import { useEffect, useRef, useState } from 'react';
import { unlockProject, unlockWithSessionKey, type ChorusDb } from '../../db/api';
import { getPlatform } from '../../platform';
import { canHoldSessionKey } from './session-key';
import { errorMessage } from '../../../shared/error-message';

interface Props {
  db: ChorusDb;
  projectId: string;
  projectName: string;
  /** Why it is locked (e.g. after inactivity), shown above the form. */
  reason?: string;
}

/** Shown instead of a workspace while the project is locked: the passphrase, once. Nothing changes until it is right. */
export function UnlockScreen({ db, projectId, projectName, reason }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hold, setHold] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  // Electron: a key held for this session (after a reload) opens the project without the passphrase
  useEffect(() => {
    const keys = getPlatform().sessionKeys;
    if (!keys) return;
    void keys
      .take(projectId)
      .then((raw) => raw && unlockWithSessionKey(db, projectId, raw).finally(() => raw.fill(0)))
      .catch(() => undefined);
  }, [db, projectId]);
  return (
    <main className="unlock" id="document-area" tabIndex={-1}>
      <form
        className="unlock__form"
        aria-labelledby="unlock-title"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!passphrase) {
            setError('Type the project’s passphrase.');
            return;
          }
          setBusy(true);
          setError(null);
          try {
            const raw = await unlockProject(db, projectId, passphrase, { keepRaw: hold });
            if (raw) {
              await getPlatform()
                .sessionKeys?.hold(projectId, raw)
                .finally(() => raw.fill(0));
            }
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
            input.current?.select();
          }
        }}
      >
        <h2 id="unlock-title">
          “<bdi>{projectName}</bdi>” is locked
        </h2>
        {reason && <p className="hint">{reason}</p>}
        <p className="hint">Its texts, memos and survey answers are encrypted on this computer. Type its passphrase to open it; the key is kept in memory only, until it locks again.</p>
        <label htmlFor="unlock-passphrase">Passphrase</label>
        <input
          id="unlock-passphrase"
          ref={input}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'unlock-error' : undefined}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setError(null);
          }}
        />
        {canHoldSessionKey() && (
          <label className="unlock__hold">
            <input type="checkbox" checked={hold} onChange={(e) => setHold(e.target.checked)} /> Keep it unlocked after a reload until Chorus closes (held with the system’s
            safe storage, never on disk; Lock now and the inactivity lock forget it)
          </label>
        )}
        {error && (
          <p id="unlock-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="unlock__actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </p>
      </form>
    </main>
  );
}
