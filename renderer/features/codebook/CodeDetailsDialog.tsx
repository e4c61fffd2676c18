import { useState } from 'react';
import { execute, isChangedElsewhere, listCodes, type CodePatch } from '../../db/api';
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

/** The editable fields of a code, as the base an edit started from. */
const fieldsOf = (c: Code): CodePatch => ({ name: c.name, colour: c.colour, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, keywords: c.keywords });

/** Name, colour, definition, inclusion and exclusion criteria, example and autocode keywords of one code. */
export function CodeDetailsDialog({ code, onClose, onSaved }: { code: Code; onClose: () => void; onSaved: (message: string) => void }) {
  const db = useDb();
  const [draft, setDraft] = useState({ ...code, keywordText: code.keywords.join('; ') });
  /** The fields as this dialog loaded them: the save is refused if any was changed elsewhere since. */
  const [base, setBase] = useState<CodePatch>(() => fieldsOf(code));
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState(false);
  const stored = async () => (await listCodes(db, code.projectId)).find((c) => c.id === code.id);
  const save = async (against: CodePatch = base) => {
    try {
      await execute(db, code.projectId, {
        type: 'updateCode',
        codeId: code.id,
        base: against,
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
      if (isChangedElsewhere(e)) setConflict(true);
      setError(errorMessage(e));
    }
  };
  /** Keep the other version: load the stored details into the form. */
  const reload = async () => {
    const now = await stored();
    if (!now) return setError('This code was deleted elsewhere.');
    setDraft({ ...now, keywordText: now.keywords.join('; ') });
    setBase(fieldsOf(now));
    setConflict(false);
    setError('');
  };
  /** Overwrite the other version with this form (checked against the version read now). */
  const overwrite = async () => {
    const now = await stored();
    if (!now) return setError('This code was deleted elsewhere.');
    setConflict(false);
    await save(fieldsOf(now));
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
        {conflict && (
          <div className="modal__actions">
            <button type="button" onClick={() => void reload()}>
              Load their version
            </button>
            <button type="button" onClick={() => void overwrite()}>
              Overwrite with mine
            </button>
          </div>
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
