import { useState } from 'react';
import { execute } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import type { Code } from '../../../shared/model';
import { ColourSwatches } from '../coders/ColourSwatches';
import { errorMessage } from '../../../shared/error-message';

const FIELDS = [
  ['definition', 'Definition', 'What this code means.'],
  ['inclusion', 'Inclusion criteria', 'When to apply it.'],
  ['exclusion', 'Exclusion criteria', 'When not to apply it, and which code to use instead.'],
  ['example', 'Example', 'A typical passage.'],
] as const;

/** Name, colour, definition, inclusion and exclusion criteria, example and autocode keywords of one code. */
export function CodeDetailsDialog({ code, onClose, onSaved }: { code: Code; onClose: () => void; onSaved: (message: string) => void }) {
  const db = useDb();
  const [draft, setDraft] = useState({ ...code, keywordText: code.keywords.join('; ') });
  const [error, setError] = useState('');
  const save = async () => {
    try {
      await execute(db, code.projectId, {
        type: 'updateCode',
        codeId: code.id,
        patch: {
        name: draft.name,
        colour: draft.colour,
        definition: draft.definition.trim(),
        inclusion: draft.inclusion.trim(),
        exclusion: draft.exclusion.trim(),
        example: draft.example.trim(),
        keywords: draft.keywordText.split(/\s*[;,\n]\s*/).map((k) => k.trim()).filter(Boolean),
        },
      });
      onSaved(`Saved the details of “${draft.name.trim()}”.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title={<>Code details: <bdi>{code.name}</bdi></>} onClose={onClose}>
      <form
        className="code-details"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="code-name">Name</label>
        <input id="code-name" value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <ColourSwatches label="Colour" value={draft.colour} onChange={(colour) => setDraft({ ...draft, colour })} />
        {FIELDS.map(([key, label, hint]) => (
          <div key={key}>
            <label htmlFor={`code-${key}`}>{label}</label>
            <textarea id={`code-${key}`} rows={key === 'definition' ? 3 : 2} placeholder={hint} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
          </div>
        ))}
        <label htmlFor="code-keywords">Autocode keywords</label>
        <input
          id="code-keywords"
          aria-describedby="code-keywords-hint"
          value={draft.keywordText}
          onChange={(e) => setDraft({ ...draft, keywordText: e.target.value })}
        />
        <p id="code-keywords-hint" className="hint">
          Separate keywords or phrases with semicolons.
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
