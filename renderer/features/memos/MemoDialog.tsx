import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { execute, getMemo } from '../../db/api';
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

/** A plain-text memo on a project, document, code or coding: a textarea with Save. */
export function MemoDialog({ projectId, target, about, coderId, onClose, onSaved }: Props) {
  const db = useDb();
  const memo = useLiveQuery(async () => (await getMemo(db, target)) ?? null, [db, target.kind, target.id]);
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (memo !== undefined && text === null) setText(memo?.text ?? '');
  }, [memo, text]);
  const save = async () => {
    try {
      await execute(db, projectId, { type: 'saveMemo', target, text: text ?? '', title: about, coderId });
      setStatus('Memo saved.');
      onSaved?.();
    } catch (e) {
      setStatus(`The memo was not saved: ${errorMessage(e)}`);
    }
  };
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
