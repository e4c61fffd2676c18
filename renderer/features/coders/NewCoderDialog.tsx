import { useState } from 'react';
import { execute, initialsOf } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import type { Coder } from '../../../shared/model';
import { paletteColour } from '../../../shared/coding/palette';
import { useCoder } from '../../app/useCoder';
import { ColourSwatches } from './ColourSwatches';
import { errorMessage } from '../../../shared/error-message';

/** Name, initials and colour for a new coder; on save the new coder becomes the current one. */
export function NewCoderDialog({ projectId, onCreated, onClose }: { projectId: string; onCreated: (c: Coder) => void; onClose: () => void }) {
  const db = useDb();
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const { coders } = useCoder(db, projectId);
  // each new coder gets the next palette colour (as createCoder picks), unless one is chosen
  const [chosen, setColour] = useState<string | null>(null);
  const colour = chosen ?? paletteColour(coders.length + 4);
  const [error, setError] = useState('');
  const save = async () => {
    try {
      onCreated((await execute(db, projectId, { type: 'createCoder', name, initials: initials || undefined, colour })).result);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title="New coder" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="coder-name">Name</label>
        <input id="coder-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="coder-initials">Initials</label>
        <input id="coder-initials" value={initials} maxLength={4} placeholder={name ? initialsOf(name) : ''} onChange={(e) => setInitials(e.target.value)} />
        <ColourSwatches label="Coder colour" value={colour} onChange={setColour} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="submit" className="primary">
            Add coder
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
