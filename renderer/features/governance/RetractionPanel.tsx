import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  confirmRetraction,
  execute,
  listDocuments,
  listParticipants,
  listRetractions,
  listVisibleSources,
  pendingRetractionNames,
  retractionStep,
  type ChorusDb,
} from '../../db/api';
import { RETRACTION_REASONS, type Project, type RetractionReason, type RetractionRecord, type RetractionTarget } from '../../../shared/model';
import { Modal } from '../../app/Modal';
import { Combobox } from '../../app/Combobox';
import { errorMessage } from '../../../shared/error-message';
import { matchCountLine, searchTargets, targetQuery } from '../../../shared/governance/target-search';
import { countsSentence, TARGET_NOUN } from './words';
import { documentTargets, participantTargets, sourceTargets, type Target, type TargetList } from './targets';

const NO_OPTIONS: never[] = [];

/** Reasons a person can choose (the retention one is set by a retention deletion). */
const CHOOSABLE = RETRACTION_REASONS.filter((r) => r !== 'retention period ended');

type Kind = RetractionTarget['kind'];
const FIELD_LABEL: Record<Kind, string> = { participant: 'Participant', document: 'Document', source: 'Source' };
const PLACEHOLDER: Record<Kind, string> = { participant: 'Part of a pseudonym, or an id', document: 'Part of a title or record id, or an id', source: 'Part of a name, or an id' };
const NONE: Record<Kind, string> = { participant: 'There are no participants to retract.', document: 'There are no documents to retract.', source: 'There are no sources to retract.' };

interface Props {
  db: ChorusDb;
  project: Project;
  coderName: string;
  onStatus: (s: string) => void;
}

/** Retract a participant, a document or a source: step 1 hides it (undoable); step 2 removes it for good. */
export function RetractionPanel({ db, project, coderName, onStatus }: Props) {
  const pid = project.id;
  const [kind, setKind] = useState<Kind>('participant');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Target | null>(null);
  const [reason, setReason] = useState<RetractionReason>('participant request');
  const [confirming, setConfirming] = useState<RetractionRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  // Only the chosen kind's list, as the store gives it; labels are made for the options shown.
  const lists = useLiveQuery(async (): Promise<TargetList> => {
    if (kind === 'document') return documentTargets(await listDocuments(db, pid));
    if (kind === 'source') return sourceTargets(await listVisibleSources(db, pid));
    const [participants, sources] = await Promise.all([listParticipants(db, pid), listVisibleSources(db, pid)]);
    return participantTargets(participants, sources);
  }, [db, pid, kind]);
  const current = lists?.kind === kind ? lists : undefined;
  // Typing stays responsive: the list is searched for the query a render behind, when React has time.
  const deferredQuery = useDeferredValue(query);
  const found = useMemo(
    () => (open && current ? { query: targetQuery(deferredQuery), ...searchTargets(current.items, deferredQuery, current.searchLabel, (t) => t.id) } : null),
    [open, current, deferredQuery],
  );

  // The line above the options, read out as it changes: how many match, or why none.
  const status = !open
    ? ''
    : !current || !found
      ? 'Reading the list…'
      : current.items.length === 0
        ? NONE[kind]
        : found.total === 0
          ? `Nothing matches “${deferredQuery.trim()}”.`
          : matchCountLine(found.matches.length, found.total);

  const records = useLiveQuery(() => listRetractions(db, pid), [db, pid]) ?? [];
  const names = useLiveQuery(() => pendingRetractionNames(db, pid), [db, pid]);
  const pending = records.filter((r) => r.status === 'pending');
  const what = (r: RetractionRecord) => {
    const name = names?.get(r.target!.id);
    return name === undefined ? TARGET_NOUN[r.target!.kind] : `${TARGET_NOUN[r.target!.kind]} “${name}”`;
  };

  const chooseKind = (k: Kind) => {
    setKind(k);
    setQuery('');
    setChosen(null);
    setOpen(false);
  };

  const retract = async () => {
    if (!chosen) return;
    setError('');
    try {
      await execute(db, pid, { type: 'retract', target: { kind, id: chosen.id }, reason, by: coderName }, { actor: coderName });
      setChosen(null);
      setQuery('');
      onStatus(`The ${TARGET_NOUN[kind]} “${chosen.label}” is retracted and hidden everywhere. Undo it below, or confirm to remove it for good.`);
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
      onStatus(`Retraction undone: the ${what(r)} is back.`);
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
          <select id="retract-kind" value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
            <option value="participant">A participant (all their responses)</option>
            <option value="document">One document or response</option>
            <option value="source">A whole source</option>
          </select>
        </div>
        <div className="governance__field governance__field--target">
          <label htmlFor="retract-target">{FIELD_LABEL[kind]}</label>
          <Combobox
            id="retract-target"
            className="retract-picker"
            value={query}
            onInput={(v) => {
              setQuery(v);
              setChosen(null);
            }}
            open={open}
            onOpenChange={setOpen}
            options={found?.matches ?? NO_OPTIONS}
            optionKey={(t) => t.id}
            renderOption={(t) => {
              const label = current!.label(t);
              // (found by its id: the id is shown, so it can be checked)
              const byId = found?.query.label && !found.query.label.test(label);
              return (
                <>
                  <span className="retract-picker__label">{label}</span>
                  {byId && <span className="retract-picker__id">id {t.id}</span>}
                </>
              );
            }}
            onChoose={(t) => {
              const label = current!.label(t);
              setChosen({ id: t.id, label });
              setQuery(label);
            }}
            listLabel={`Matching ${TARGET_NOUN[kind]}s`}
            status={status}
            placeholder={PLACEHOLDER[kind]}
          />
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
                <td>{what(r)}</td>
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
            This removes the retracted {what(confirming)} <strong>for good</strong>: its text and survey answers, attribute values,
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
