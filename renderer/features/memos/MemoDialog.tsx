import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { execute, getMemo, isChangedElsewhere } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import type { MemoTarget } from '../../../shared/model';
import { errorMessage } from '../../../shared/error-message';

interface Props {
  projectId: string;
  target: MemoTarget;
  /** What the memo is about, e.g. 'Code “Being believed”'. */
  about: string;
  coderId: string | null;
  onClose: () => void;
  onSaved?: () => void;
}

/**
 * A plain-text memo on a project, document, code or coding: a textarea with Save. The memo is a
 * live query, so a save in another tab or window shows here at once; the save carries the version
 * this editor started from, and if the memo changed since, nothing is overwritten: the user
 * chooses to load the other version or to overwrite it with theirs (a second, explicit save).
 */
export function MemoDialog({ projectId, target, about, coderId, onClose, onSaved }: Props) {
  const db = useDb();
  const memo = useLiveQuery(async () => (await getMemo(db, target)) ?? null, [db, target.kind, target.id]);
  const [text, setText] = useState<string | null>(null);
  /** The stored version this editor's text started from (updatedAt; null: no memo yet). */
  const [base, setBase] = useState<string | null | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState('');
  const saving = useRef(false);
  useEffect(() => {
    if (memo !== undefined && text === null) {
      setText(memo?.text ?? '');
      setBase(memo?.updatedAt ?? null);
    }
  }, [memo, text]);
  const stored = memo?.updatedAt ?? null;
  const changedElsewhere = memo !== undefined && base !== undefined && stored !== base && !saving.current;

  const write = async (expected: string | null) => {
    saving.current = true;
    try {
      const { result } = await execute(db, projectId, { type: 'saveMemo', target, text: text ?? '', title: about, coderId, expected });
      setBase(result.updatedAt);
      setConflict(false);
      setStatus('Memo saved.');
      onSaved?.();
    } catch (e) {
      if (isChangedElsewhere(e)) {
        setConflict(true);
        setStatus('');
      } else setStatus(`The memo was not saved: ${errorMessage(e)}`);
    } finally {
      saving.current = false;
    }
  };
  const save = () => write(base ?? null);
  /** Keep the other version: replace this editor's text with it. */
  const reload = () => {
    setText(memo?.text ?? '');
    setBase(stored);
    setConflict(false);
    setStatus('Loaded the version saved elsewhere.');
  };
  /** Overwrite the other version with this editor's text (checked against the version shown, so a third change is not lost either). */
  const overwrite = () => write(stored);

  return (
    <Modal title={<>Memo: <bdi>{about}</bdi></>} onClose={onClose}>
      <label htmlFor="memo-text">Memo text</label>
      <textarea
        id="memo-text"
        className="memo-text"
        rows={10}
        value={text ?? ''}
        readOnly={text === null}
        aria-busy={text === null}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {memo && <p className="hint">Last saved {new Date(memo.updatedAt).toLocaleString('en-GB')}.</p>}
      {(conflict || changedElsewhere) && (
        <div className="memo-conflict" role="alert" aria-labelledby="memo-conflict-title">
          <h3 id="memo-conflict-title">{conflict ? 'Not saved: this memo was changed elsewhere' : 'This memo was changed elsewhere'}</h3>
          <p>
            {conflict
              ? 'Another tab or window saved this memo after you started editing it. Your text is still here; nothing was overwritten.'
              : 'Another tab or window has saved this memo since you opened it. Saving now will ask before overwriting it.'}
          </p>
          <label htmlFor="memo-theirs">Their version</label>
          <textarea id="memo-theirs" className="memo-text" rows={4} readOnly value={memo?.text ?? ''} />
          <div className="modal__actions">
            <button type="button" onClick={reload}>
              Load their version
            </button>
            {conflict && (
              <button type="button" className="danger" onClick={() => void overwrite()}>
                Overwrite with mine
              </button>
            )}
          </div>
        </div>
      )}
      <p role="status" className="hint">
        {status}
      </p>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={text === null}>
          Save memo
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
