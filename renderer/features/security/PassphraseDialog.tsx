import { useState } from 'react';
import { Modal } from '../../app/Modal';
import { executeSetPassphrase, setSetting, type ChorusDb } from '../../db/api';
import { errorMessage } from '../../../shared/error-message';
import { PassphraseFields } from './PassphraseFields';
import { LOCK_AFTER_SETTING, passphraseProblem } from './passphrase-rules';

interface Props {
  db: ChorusDb;
  projectId: string;
  projectName: string;
  encrypted: boolean;
  lockMinutes: number;
  onClose: () => void;
  onStatus: (message: string) => void;
}

/** Set or change the open project's passphrase (every stored text re-encrypted in one step), and the inactivity lock. */
export function PassphraseDialog({ db, projectId, projectName, encrypted, lockMinutes, onClose, onStatus }: Props) {
  const [pass, setPass] = useState({ passphrase: '', again: '' });
  const [minutes, setMinutes] = useState(String(lockMinutes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={encrypted ? 'Change the passphrase' : 'Encrypt this project'} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const m = Number(minutes);
          if (!Number.isInteger(m) || m < 1 || m > 480) {
            setError('Lock after: a whole number of minutes from 1 to 480.');
            return;
          }
          const wantsNew = pass.passphrase !== '' || pass.again !== '' || !encrypted;
          const problem = wantsNew ? passphraseProblem(pass.passphrase, pass.again) : null;
          if (problem) {
            setError(problem);
            return;
          }
          setBusy(true);
          try {
            await setSetting(db, LOCK_AFTER_SETTING, m);
            if (wantsNew) {
              const r = await executeSetPassphrase(db, projectId, pass.passphrase);
              onStatus(`“${projectName}” is encrypted: ${r.texts + r.answers} texts re-encrypted with the new passphrase.`);
            }
            onClose();
          } catch (err) {
            setError(`Nothing was changed: ${errorMessage(err)}`);
            setBusy(false);
          }
        }}
      >
        <p className="hint">
          Document texts, memos, survey answers, cached word counts and the text kept for Undo are stored encrypted (AES-256-GCM, key from the passphrase with Argon2id). Names, codes, attribute values and
          codings are not. The key is held in memory only. <strong>A forgotten passphrase cannot be recovered</strong>: keep it somewhere safe.
        </p>
        <PassphraseFields
          idPrefix="set-passphrase"
          legend={encrypted ? 'New passphrase (leave empty to keep the current one)' : 'Passphrase'}
          hint="At least 8 characters; a few unrelated words work well."
          passphrase={pass.passphrase}
          again={pass.again}
          onChange={(passphrase, again) => {
            setPass({ passphrase, again });
            setError(null);
          }}
        />
        <label htmlFor="lock-minutes">Lock after this many minutes without activity</label>
        <input id="lock-minutes" type="number" min={1} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Encrypting…' : encrypted ? 'Save' : 'Encrypt project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
