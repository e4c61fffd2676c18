import { useState } from 'react';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../../shared/error-message';

interface Props {
  onCreate: (name: string) => Promise<void>;
  onClose: () => void;
}

export function NewProjectDialog({ onCreate, onClose }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="New project" onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) {
            setError('Give the project a name.');
            return;
          }
          setBusy(true);
          try {
            await onCreate(name.trim());
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
            Create project
          </button>
        </div>
      </form>
    </Modal>
  );
}
