import { useEffect, useRef, useState } from 'react';
import type { Action, Code, Finding, Quote, Recommendation } from '../../../shared/model';
import type { EvidenceStrength } from '../../../shared/findings/strength';
import type { Command } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { ConfirmedMarker } from '../evidence/ConfirmedMarker';
import { ConfirmQuoteOnDemand as ConfirmQuote } from '../evidence/ConfirmQuoteOnDemand';
import { ActionForm, type ActionFields } from './ActionForm';
import { StrengthPanel } from './StrengthPanel';
import { FindingAudiences } from './FindingAudiences';
import { movedIds } from './move';

export type Run = (cmd: Command, done: string) => Promise<boolean>;

interface Props {
  finding: Finding;
  position: number;
  count: number;
  codes: Code[];
  quotes: Quote[];
  quoteTexts: Map<string, string>;
  recommendations: Recommendation[];
  actions: Action[];
  strength: EvidenceStrength | undefined;
  strengthBusy: boolean;
  run: Run;
  onMove: (delta: -1 | 1) => void;
}

const actionPatch = (f: ActionFields) => ({
  recommendation: f.recommendation,
  owner: f.owner,
  due: f.due || null,
  status: f.status,
  notActionedReason: f.notActionedReason,
  outcome: f.outcome,
});

/** One finding: its statement, linked codes, chosen quotes, strength of evidence, recommendations and their actions. */
export function FindingCard({ finding: f, position, count, codes, quotes, quoteTexts, recommendations, actions, strength, strengthBusy, run, onMove }: Props) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(f.title);
  const [summary, setSummary] = useState(f.summary);
  const [codeToLink, setCodeToLink] = useState('');
  const [quoteToLink, setQuoteToLink] = useState('');
  const [newRec, setNewRec] = useState('');
  const [editingAction, setEditingAction] = useState<string | null>(null);
  const headingId = `finding-${f.id}`;
  // after a recommendation moves, the focus stays on its button (or the other one, at an end)
  const recsRef = useRef<HTMLElement>(null);
  const [recFocus, setRecFocus] = useState<{ id: string; dir: 'up' | 'down'; order: string }  | null>(null);
  useEffect(() => {
    // wait for the list to show the new order (the live query follows the write)
    if (!recFocus || !recsRef.current || recommendations.map((r) => r.id).join() !== recFocus.order) return;
    const box = [...recsRef.current.querySelectorAll<HTMLElement>('[data-rec]')].find((el) => el.dataset.rec === recFocus.id);
    const other = recFocus.dir === 'up' ? 'down' : 'up';
    (box?.querySelector<HTMLButtonElement>(`[data-move="${recFocus.dir}"]:not([disabled])`) ?? box?.querySelector<HTMLButtonElement>(`[data-move="${other}"]`))?.focus();
    setRecFocus(null);
  }, [recFocus, recommendations]);
  const moveRec = (id: string, dir: 'up' | 'down', ri: number) => {
    const order = movedIds(recommendations.map((r) => r.id), id, dir === 'up' ? -1 : 1);
    void run({ type: 'reorderRecommendations', findingId: f.id, recommendationIds: order }, `Recommendation ${ri + 1} moved ${dir} (Undo puts it back).`).then((ok) => ok && setRecFocus({ id, dir, order: order.join() }));
  };
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const unlinkedCodes = codes.filter((c) => !f.codeIds.includes(c.id));
  const unlinkedQuotes = quotes.filter((q) => !f.quoteIds.includes(q.id));
  const quoteLabel = (q: Quote) => {
    const t = (quoteTexts.get(q.id) ?? '').replace(/\s+/g, ' ').trim();
    return t.length > 80 ? `${t.slice(0, 79)}…` : t || '(quote)';
  };

  return (
    <article className="finding" aria-labelledby={headingId}>
      <header className="finding__head">
        <h3 id={headingId}>
          <span className="finding__number">{position + 1}.</span> <bdi>{f.title}</bdi>
        </h3>
        <div className="finding__tools">
          <button type="button" onClick={() => onMove(-1)} disabled={position === 0} aria-label={`Move finding ${position + 1} up`}>
            ↑ Up
          </button>
          <button type="button" onClick={() => onMove(1)} disabled={position === count - 1} aria-label={`Move finding ${position + 1} down`}>
            ↓ Down
          </button>
          <button type="button" onClick={() => (setTitle(f.title), setSummary(f.summary), setEditing(true))} aria-label={`Edit finding ${position + 1}`}>
            Edit
          </button>
          <button type="button" className="danger" onClick={() => void run({ type: 'deleteFinding', findingId: f.id }, `Deleted finding ${position + 1} with its recommendations and actions (Undo restores them).`)} aria-label={`Delete finding ${position + 1}`}>
            Delete
          </button>
        </div>
      </header>
      {editing ? (
        <form
          className="finding__edit"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'updateFinding', findingId: f.id, patch: { title, summary } }, 'Finding saved.').then((ok) => ok && setEditing(false));
          }}
        >
          <label>
            Statement
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
          </label>
          <label>
            Summary
            <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} />
          </label>
          <div>
            <button type="submit">Save finding</button> <button type="button" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        f.summary && <p className="finding__summary">{f.summary}</p>
      )}

      <FindingAudiences finding={f} position={position} run={run} />

      <div className="finding__grid">
        <section aria-label="Linked codes" className="finding__codes">
          <h4>Codes</h4>
          {f.codeIds.length === 0 ? (
            <p className="muted">No codes linked yet.</p>
          ) : (
            <ul className="chips">
              {f.codeIds.map((id) => (
                <li key={id} className="chip">
                  <bdi>{codeName.get(id) ?? 'deleted code'}</bdi>
                  <button type="button" aria-label={`Unlink code ${codeName.get(id) ?? ''}`} onClick={() => void run({ type: 'unlinkFindingCodes', findingId: f.id, codeIds: [id] }, 'Code unlinked.')}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {unlinkedCodes.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (codeToLink) void run({ type: 'linkFindingCodes', findingId: f.id, codeIds: [codeToLink] }, 'Code linked.').then(() => setCodeToLink(''));
              }}
            >
              <label>
                Link a code
                <select value={codeToLink} onChange={(e) => setCodeToLink(e.target.value)}>
                  <option value="">Choose a code…</option>
                  {unlinkedCodes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={!codeToLink}>
                Link code
              </button>
            </form>
          )}

          <h4>Quotes</h4>
          {f.quoteIds.length === 0 ? (
            <p className="muted">No quotes chosen. Star segments in the Code view, then choose them here.</p>
          ) : (
            <ul className="finding__quotes">
              {f.quoteIds.map((id) => (
                <li key={id}>
                  <blockquote>{quoteTexts.get(id) ?? '…'}</blockquote>
                  <button type="button" onClick={() => void run({ type: 'unlinkFindingQuotes', findingId: f.id, quoteIds: [id] }, 'Quote removed from the finding.')}>
                    Remove quote
                  </button>{' '}
                  <QuoteConfirmation projectId={f.projectId} quote={quotes.find((q) => q.id === id)} text={quoteTexts.get(id)} />
                </li>
              ))}
            </ul>
          )}
          {unlinkedQuotes.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (quoteToLink) void run({ type: 'linkFindingQuotes', findingId: f.id, quoteIds: [quoteToLink] }, 'Quote added to the finding.').then(() => setQuoteToLink(''));
              }}
            >
              <label>
                Add a starred quote
                <select value={quoteToLink} onChange={(e) => setQuoteToLink(e.target.value)}>
                  <option value="">Choose a quote…</option>
                  {unlinkedQuotes.map((q) => (
                    <option key={q.id} value={q.id}>
                      {quoteLabel(q)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={!quoteToLink}>
                Add quote
              </button>
            </form>
          )}
        </section>
        <StrengthPanel strength={strength} busy={strengthBusy} />
      </div>

      <section className="finding__recs" aria-label={`Recommendations for finding ${position + 1}`} ref={recsRef}>
        <h4>Recommendations and actions</h4>
        {recommendations.length === 0 && <p className="muted">No recommendations yet.</p>}
        {recommendations.map((r, ri) => {
          const acts = actions.filter((a) => a.recommendationId === r.id);
          return (
            <div key={r.id} className="rec" data-rec={r.id}>
              <div className="rec__head">
                <p className="rec__text">
                  <strong>Recommendation {ri + 1}.</strong> <bdi>{r.text}</bdi>
                </p>
                <span className="rec__tools">
                <button type="button" data-move="up" disabled={ri === 0} aria-label={`Move recommendation ${ri + 1} up`} onClick={() => moveRec(r.id, 'up', ri)}>
                  ↑ Up
                </button>
                <button type="button" data-move="down" disabled={ri === recommendations.length - 1} aria-label={`Move recommendation ${ri + 1} down`} onClick={() => moveRec(r.id, 'down', ri)}>
                  ↓ Down
                </button>
                <button type="button" className="danger" aria-label={`Delete recommendation ${ri + 1}`} onClick={() => void run({ type: 'deleteRecommendation', recommendationId: r.id }, 'Recommendation deleted with its actions (Undo restores them).')}>
                  Delete
                </button>
                </span>
              </div>
              {acts.length > 0 && (
                <table className="actions-table">
                  <caption className="visually-hidden">Actions for recommendation {ri + 1}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Due</th>
                      <th scope="col">Status</th>
                      <th scope="col">Reason / what we did</th>
                      <th scope="col">
                        <span className="visually-hidden">Edit</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {acts.map((a) =>
                      editingAction === a.id ? (
                        <tr key={a.id}>
                          <td colSpan={6}>
                            <ActionForm
                              action={a}
                              submitLabel="Save action"
                              onCancel={() => setEditingAction(null)}
                              onSubmit={(v) => run({ type: 'updateAction', actionId: a.id, patch: actionPatch(v) }, 'Action saved.').then((ok) => (ok && setEditingAction(null), ok))}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={a.id} data-status={a.status}>
                          <td>
                            <bdi>{a.recommendation}</bdi>
                          </td>
                          <td>
                            <bdi>{a.owner || '—'}</bdi>
                          </td>
                          <td>{a.due?.slice(0, 10) ?? '—'}</td>
                          <td>
                            <span className={`action-status action-status--${a.status.replace(' ', '-')}`}>{a.status}</span>
                          </td>
                          <td>{a.status === 'not actioned' ? <bdi>{a.notActionedReason}</bdi> : <bdi>{a.outcome || '—'}</bdi>}</td>
                          <td className="actions-table__tools">
                            <button type="button" onClick={() => setEditingAction(a.id)} aria-label={`Edit action “${a.recommendation}”`}>
                              Edit
                            </button>
                            <button type="button" className="danger" onClick={() => void run({ type: 'deleteAction', actionId: a.id }, 'Action deleted.')} aria-label={`Delete action “${a.recommendation}”`}>
                              Delete
                            </button>
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              )}
              <details className="rec__add">
                <summary>Add an action to recommendation {ri + 1}</summary>
                <ActionForm
                  submitLabel="Add action"
                  onSubmit={(v) =>
                    run(
                      {
                        type: 'createAction',
                        recommendationId: r.id,
                        recommendation: v.recommendation,
                        owner: v.owner,
                        status: v.status,
                        outcome: v.outcome,
                        ...(v.due ? { due: v.due } : {}),
                        ...(v.status === 'not actioned' ? { notActionedReason: v.notActionedReason } : {}),
                      },
                      'Action added.',
                    )
                  }
                />
              </details>
            </div>
          );
        })}
        <form
          className="inline-form rec-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'createRecommendation', findingId: f.id, text: newRec }, 'Recommendation added.').then((ok) => ok && setNewRec(''));
          }}
        >
          <label>
            New recommendation
            <input value={newRec} onChange={(e) => setNewRec(e.target.value)} />
          </label>
          <button type="submit">Add recommendation</button>
        </form>
      </section>
    </article>
  );
}

/** A chosen quote's publication state: confirmed (with a way to withdraw it), or a button that opens the safety check first. */
function QuoteConfirmation({ projectId, quote, text }: { projectId: string; quote: Quote | undefined; text: string | undefined }) {
  const db = useDb();
  const { coder } = useCoder(db, projectId);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  if (!quote) return null;
  return (
    <>
      {quote.confirmedBy ? (
        <ConfirmedMarker projectId={projectId} quote={quote} onDone={setStatus} />
      ) : (
        !open && (
          <button type="button" onClick={() => (setStatus(''), setOpen(true))}>
            Confirm for publication…
          </button>
        )
      )}
      {open && text !== undefined && !quote.confirmedBy && (
        <ConfirmQuote projectId={projectId} quote={quote} text={text} coderId={coder?.id ?? null} onCancel={() => setOpen(false)} onDone={(m) => (setOpen(false), setStatus(m))} />
      )}
      {status && (
        <span className="muted" role="status">
          {status}
        </span>
      )}
    </>
  );
}
