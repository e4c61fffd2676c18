/**
 * The units where coders differ: document, text, who applied the code and who did not, and the
 * consensus decision on it (apply or do not apply), made by the current coder and recorded as theirs.
 */
import type { ConsensusDecision } from '../../../shared/model';
import type { ShownDisagreement } from '../../../shared/analysis/reliability/run-agreement';

export interface DisagreementListProps {
  items: ShownDisagreement[];
  coderName: (id: string) => string;
  /** The coder who is deciding (the current coder); decisions are recorded under their name. */
  decider: string;
  onDecide: (d: ShownDisagreement, decision: ConsensusDecision['decision']) => void;
  disabled?: boolean;
}

const when = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function DisagreementList({ items, coderName, decider, onDecide, disabled }: DisagreementListProps) {
  if (items.length === 0) return <p className="empty">No disagreements: the coders agree everywhere they were compared.</p>;
  return (
    <ul className="disagreements" aria-label="Disagreements">
      {items.map((d) => {
        const where = `“${d.code}” in ${d.document}, characters ${d.start}–${d.end}`;
        return (
          <li key={d.key} className={`disagreement${d.decision ? ' disagreement--decided' : ''}`}>
            <div className="disagreement__head">
              <strong>{d.code}</strong>
              <span>{d.document}</span>
              <span>
                characters {d.start}–{d.end}
              </span>
            </div>
            <blockquote className="disagreement__text">{d.snippet || '(no text)'}</blockquote>
            <p className="disagreement__who">
              Applied by: {d.appliedBy.map(coderName).join(', ')}. Not applied by: {d.notAppliedBy.map(coderName).join(', ')}.
            </p>
            {d.decision && (
              <p className="disagreement__decision">
                Consensus: {d.decision.decision === 'apply' ? 'apply the code' : 'do not apply the code'} — decided by {coderName(d.decision.decidedBy)}, {when(d.decision.at)}.
              </p>
            )}
            <div className="disagreement__actions" role="group" aria-label={`Consensus on ${where}`}>
              <button
                type="button"
                disabled={disabled || d.decision?.decision === 'apply'}
                onClick={() => onDecide(d, 'apply')}
                aria-label={`Apply code ${where}, as the consensus decided by ${decider}`}
              >
                Apply code
              </button>
              <button
                type="button"
                disabled={disabled || d.decision?.decision === 'remove'}
                onClick={() => onDecide(d, 'remove')}
                aria-label={`Do not apply ${where}, as the consensus decided by ${decider}`}
              >
                Do not apply
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
