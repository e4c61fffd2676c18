import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { confirmRetraction, execute, listDocuments, listParticipants, listRetractions, listVisibleSources, retractionStep, type ChorusDb } from '../../db/api';
import { RETRACTION_REASONS, type Project, type RetractionReason, type RetractionRecord, type RetractionTarget } from '../../../shared/model';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../../shared/error-message';
import { countsSentence, TARGET_NOUN } from './words';

/** Reasons a person can choose (the retention one is set by a retention deletion). */
const CHOOSABLE = RETRACTION_REASONS.filter((r) => r !== 'retention period ended');

interface Props {
  db: ChorusDb;
  project: Project;
  coderName: string;
  onStatus: (s: string) => void;
}

/** Retract a participant, a document or a source: step 1 hides it (undoable); step 2 removes it for good. */
export function RetractionPanel({ db, project, coderName, onStatus }: Props) {
  const pid = project.id;
  const [kind, setKind] = useState<RetractionTarget['kind']>('participant');
  const [targetId, setTargetId] = useState('');
  const [reason, setReason] = useState<RetractionReason>('participant request');
  const [confirming, setConfirming] = useState<RetractionRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const options = useLiveQuery(async () => {
    const [sources, participants, documents] = await Promise.all([listVisibleSources(db, pid), listParticipants(db, pid), listDocuments(db, pid)]);
    const sourceName = new Map(sources.map((s) => [s.id, s.name]));
    return {
      participant: participants.map((p) => ({ id: p.id, label: `${p.pseudonym} (${sourceName.get(p.sourceId) ?? 'source'})` })),
      document: documents.map((d) => ({ id: d.id, label: d.title })),
      source: sources.map((s) => ({ id: s.id, label: s.name })),
    };
  }, [db, pid]);
  const records = useLiveQuery(() => listRetractions(db, pid), [db, pid]) ?? [];
  const pending = records.filter((r) => r.status === 'pending');
  const choices = options?.[kind] ?? [];
  const chosen = choices.some((c) => c.id === targetId) ? targetId : (choices[0]?.id ?? '');

  const retract = async () => {
    if (!chosen) return;
    setError('');
    try {
      await execute(db, pid, { type: 'retract', target: { kind, id: chosen }, reason, by: coderName }, { actor: coderName });
      onStatus(`The ${TARGET_NOUN[kind]} is retracted and hidden everywhere. Undo it below, or confirm to remove it for good.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const undo = async (r: RetractionRecord) => {
    setError('');
    try {
      const step = await retractionStep(db, pid, r.id);
      if (step === undefined) throw new Error('This retraction can no longer be undone from here: use Undo at the top');
      await execute(db, pid, { type: 'undo', step }, { actor: coderName });
      onStatus(`Retraction undone: the ${TARGET_NOUN[r.target!.kind]} is back.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      const done = await confirmRetraction(db, pid, confirming.id, { actor: coderName, churn: true });
      onStatus(`Removed for good: ${countsSentence(done.counts)}. Only a record of when, who and why is kept.`);
      setConfirming(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="governance__section" aria-labelledby="retract-title">
      <h2 id="retract-title">Retract data</h2>
      <p className="governance__hint">
        Participants have the right to withdraw what they told you. Retracting hides the data everywhere at once (lists, the grid, search, analyses,
        agreement and exports) and can be undone until you confirm it. Only the reason category is kept — never a note — so nothing of what was removed remains.
      </p>
      <div className="governance__form">
        <div className="governance__field">
          <label htmlFor="retract-kind">What to retract</label>
          <select id="retract-kind" value={kind} onChange={(e) => setKind(e.target.value as RetractionTarget['kind'])}>
            <option value="participant">A participant (all their responses)</option>
            <option value="document">One document or response</option>
            <option value="source">A whole source</option>
          </select>
        </div>
        <div className="governance__field">
          <label htmlFor="retract-target">{kind === 'participant' ? 'Participant' : kind === 'document' ? 'Document' : 'Source'}</label>
          <select id="retract-target" value={chosen} onChange={(e) => setTargetId(e.target.value)} disabled={choices.length === 0}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="governance__field">
          <label htmlFor="retract-reason">Reason</label>
          <select id="retract-reason" value={reason} onChange={(e) => setReason(e.target.value as RetractionReason)}>
            {CHOOSABLE.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void retract()} disabled={!chosen}>
          Retract
        </button>
      </div>
      {error && (
        <p className="governance__error" role="alert">
          {error}
        </p>
      )}
      <h3>Awaiting confirmation</h3>
      {pending.length === 0 ? (
        <p>No retractions are waiting.</p>
      ) : (
        <table className="governance__table">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.map((r) => (
              <tr key={r.id}>
                <td>{TARGET_NOUN[r.target!.kind]}</td>
                <td>{r.at.slice(0, 10)}</td>
                <td>{r.by}</td>
                <td>{r.reason}</td>
                <td className="governance__actions">
                  <button type="button" onClick={() => void undo(r)}>
                    Undo
                  </button>
                  <button type="button" className="danger" onClick={() => setConfirming(r)}>
                    Confirm retraction…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <Modal title="Confirm retraction" onClose={() => !busy && setConfirming(null)}>
          <p>
            This removes the retracted {TARGET_NOUN[confirming.target!.kind]} <strong>for good</strong>: its text and survey answers, attribute values,
            codings, memos, starred quotes and their links from findings, cached word counts, and every undo step that holds any of it.
          </p>
          <p>It cannot be undone. A record is kept of when, who ({coderName}) and the reason ({confirming.reason}), with counts of what was removed.</p>
          <div className="modal__actions">
            <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
              Remove for good
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
