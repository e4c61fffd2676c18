import { useState } from 'react';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../../shared/error-message';
import { PassphraseFields } from '../security/PassphraseFields';
import { passphraseProblem } from '../security/passphrase-rules';
import '../security/security.css';

interface Props {
  /** `passphrase`: encrypt the project at rest (recommended; undefined = skipped). */
  onCreate: (name: string, passphrase?: string) => Promise<void>;
  onClose: () => void;
}

export function NewProjectDialog({ onCreate, onClose }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pass, setPass] = useState({ passphrase: '', again: '' });
  return (
    <Modal title="New project" onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) {
            setError('Give the project a name.');
            return;
          }
          const wantsPassphrase = pass.passphrase !== '' || pass.again !== '';
          const problem = wantsPassphrase ? passphraseProblem(pass.passphrase, pass.again) : null;
          if (problem) {
            setError(problem);
            return;
          }
          setBusy(true);
          try {
            await onCreate(name.trim(), wantsPassphrase ? pass.passphrase : undefined);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        <label htmlFor="new-project-name">Project name</label>
        <input
          id="new-project-name"
          value={name}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-project-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        <PassphraseFields
          idPrefix="new-project"
          legend="Passphrase (recommended)"
          hint="Encrypts the project’s texts, memos and survey answers on this computer; you will type it to open the project. Leave both empty to skip — you can set one later. A forgotten passphrase cannot be recovered."
          passphrase={pass.passphrase}
          again={pass.again}
          onChange={(passphrase, again) => {
            setPass({ passphrase, again });
            setError(null);
          }}
        />
        {error && (
          <p id="new-project-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
