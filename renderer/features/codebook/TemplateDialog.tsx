import { useState } from 'react';
import { execute } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import { CODEBOOK_TEMPLATES, instantiateTemplate } from '../../../shared/coding/templates';
import { newGuid } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';

/** Choose a starter codebook and add it to the project (codes already there by name are kept, not duplicated). */
export function TemplateDialog({ projectId, onClose, onDone }: { projectId: string; onClose: () => void; onDone: (message: string) => void }) {
  const db = useDb();
  const [id, setId] = useState(CODEBOOK_TEMPLATES[0]?.id ?? '');
  const t = CODEBOOK_TEMPLATES.find((x) => x.id === id);
  const apply = async () => {
    if (!t) return;
    try {
      const codes = instantiateTemplate(t, projectId, newGuid, new Date().toISOString());
      const { result: r } = await execute(db, projectId, { type: 'importCodes', codes, label: `Apply template “${t.name}”` });
      onDone(`Added ${r.added} codes from “${t.name}”${r.matched ? ` (${r.matched} were already in the codebook)` : ''}.`);
    } catch (e) {
      onDone(`The template was not applied: ${errorMessage(e)}`);
    }
  };
  return (
    <Modal title="Start from a template" onClose={onClose}>
      <fieldset className="template-list">
        <legend>Starter codebooks</legend>
        {CODEBOOK_TEMPLATES.map((x) => (
          <label key={x.id} className="template-list__item">
            <input type="radio" name="template" value={x.id} checked={x.id === id} onChange={() => setId(x.id)} />
            <span>
              <strong>{x.name}</strong>
              <span className="hint"> — {x.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="modal__actions">
        <button type="button" className="primary" disabled={!t} onClick={() => void apply()}>
          Add these codes
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
