import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteForRetention, execute, listVisibleSources, type ChorusDb } from '../../db/api';
import { dueForDeletion, retentionState } from '../../../shared/governance/retraction';
import type { Project, Source } from '../../../shared/model';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../../shared/error-message';
import { countsSentence } from './words';

interface Props {
  db: ChorusDb;
  project: Project;
  coderName: string;
  today: string;
  onStatus: (s: string) => void;
}

const STATE_TEXT = { overdue: 'Past its date', 'due soon': 'Due within 30 days', kept: '' } as const;

/** Retention dates per source, the sources due for deletion, and deletion on confirmation (the retraction purge). */
export function RetentionPanel({ db, project, coderName, today, onStatus }: Props) {
  const pid = project.id;
  const sources = useLiveQuery(() => listVisibleSources(db, pid), [db, pid]) ?? [];
  const [deleting, setDeleting] = useState<Source | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const due = dueForDeletion(sources, today);

  const setDate = async (s: Source, value: string) => {
    if ((s.retainUntil ?? '') === value) return;
    setError('');
    try {
      await execute(db, pid, { type: 'setRetention', sourceId: s.id, retainUntil: value || null }, { actor: coderName });
      onStatus(value ? `“${s.name}” is kept until ${value}.` : `“${s.name}” has no retention date now.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      const record = await deleteForRetention(db, pid, deleting.id, coderName, { churn: true });
      onStatus(`“${deleting.name}” was deleted at the end of its retention period: ${countsSentence(record.counts)}.`);
      setDeleting(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="governance__section" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p className="governance__hint">Set how long each source is kept. When the date has passed, delete it here: the same secure deletion as a confirmed retraction.</p>
      <h3 id="due-title">Due for deletion</h3>
      {due.length === 0 ? (
        <p>Nothing is due for deletion in the next 30 days.</p>
      ) : (
        <ul className="governance__due" aria-labelledby="due-title">
          {due.map((s) => (
            <li key={s.id} className={`governance__due-item governance__due-item--${s.state === 'overdue' ? 'overdue' : 'soon'}`}>
              <span>
                <strong>{s.name}</strong> — kept until {s.retainUntil} ({STATE_TEXT[s.state].toLowerCase()})
              </span>
              <button type="button" className="danger" onClick={() => setDeleting(s)} aria-label={`Delete “${s.name}”…`}>
                Delete…
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Retention dates</h3>
      <table className="governance__table">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Keep until</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>
                <input
                  type="date"
                  aria-label={`Keep “${s.name}” until`}
                  defaultValue={s.retainUntil?.slice(0, 10) ?? ''}
                  key={s.retainUntil ?? 'none'}
                  onBlur={(e) => void setDate(s, e.target.value)}
                />
              </td>
              <td>{STATE_TEXT[retentionState(s, today)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="governance__error" role="alert">
          {error}
        </p>
      )}
      {deleting && (
        <Modal title="Delete at the end of retention" onClose={() => !busy && setDeleting(null)}>
          <p>
            This deletes <strong>{deleting.name}</strong> for good: every document, survey answer, participant and attribute value, with their codings,
            memos, quotes, cached word counts and every undo step that holds any of it.
          </p>
          <p>It cannot be undone. A record is kept of when, who ({coderName}) and why (retention period ended), with counts.</p>
          <div className="modal__actions">
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
              Delete for good
            </button>
            <button type="button" onClick={() => setDeleting(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
