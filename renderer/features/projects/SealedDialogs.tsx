import { useState } from 'react';
import { Modal } from '../../app/Modal';
import type { Project } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';
import type { ChorusDb } from '../../db/api';
import { getPlatform, type PickedFile } from '../../platform';
import { PassphraseFields } from '../security/PassphraseFields';
import { passphraseProblem } from '../security/passphrase-rules';
import '../security/security.css';
import { exportSealedProject, openedMessage, openSealedProject, SEALED_FILE_TYPES } from './projectFiles';

/** Export the project as a sealed .chorus bundle, under a passphrase typed twice (to share by another route). */
export function SealProjectDialog({ db, project, onDone }: { db: ChorusDb; project: Project; onDone: (message: string) => void }) {
  const [pass, setPass] = useState({ passphrase: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={`Export “${project.name}” sealed`} onClose={() => onDone('')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const problem = passphraseProblem(pass.passphrase, pass.again);
          if (problem) return setError(problem);
          setBusy(true);
          try {
            const saved = await exportSealedProject(db, getPlatform(), project, pass.passphrase);
            onDone(saved ? `Exported “${project.name}” sealed (.chorus). Give the passphrase to the recipient by another route.` : '');
          } catch (err) {
            setError(`Nothing was saved: ${errorMessage(err)}`);
            setBusy(false);
          }
        }}
      >
        <p className="hint">The whole project (texts, codes, codings, memos, attributes) is encrypted and authenticated (AES-256-GCM, key from the passphrase with Argon2id), so it can travel on a memory stick or by email. Only someone with the passphrase can open it, and any change to the file is detected.</p>
        <PassphraseFields
          idPrefix="seal"
          legend="Passphrase for the bundle"
          hint="At least 8 characters. Send it separately from the file."
          passphrase={pass.passphrase}
          again={pass.again}
          onChange={(passphrase, again) => (setPass({ passphrase, again }), setError(null))}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={() => onDone('')}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sealing…' : 'Export sealed'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Open a sealed .chorus bundle: pick it, type its passphrase (a wrong one can be retried; nothing is stored until it is right). */
export function OpenSealedDialog({ db, onOpened, onDone }: { db: ChorusDb; onOpened: (projectId: string) => void; onDone: (message: string) => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="Open a sealed project (.chorus)" onClose={() => onDone('')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return setError('Choose a .chorus file first.');
          if (!passphrase) return setError('Type the bundle’s passphrase.');
          setBusy(true);
          setError(null);
          try {
            const opened = await openSealedProject(db, file, passphrase);
            onOpened(opened.project.id);
            onDone(`${openedMessage(opened)} It is stored encrypted with the bundle’s passphrase.`);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        <p>
          <button
            type="button"
            onClick={async () => {
              const [picked] = await getPlatform().openFiles({ title: 'Open a sealed project (.chorus)', accept: SEALED_FILE_TYPES, multiple: false });
              if (picked) (setFile(picked), setError(null));
            }}
          >
            Choose a .chorus file…
          </button>{' '}
          {file && <bdi className="sealed-file">{file.name}</bdi>}
        </p>
        <label htmlFor="open-sealed-passphrase">Passphrase</label>
        <input id="open-sealed-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => (setPassphrase(e.target.value), setError(null))} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={() => onDone('')}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
