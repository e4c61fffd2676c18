/** The units where coders differ: document, text, who applied the code and who did not, with Accept / Reject. */
import type { ShownDisagreement } from '../../../shared/analysis/reliability/run-agreement';

export interface DisagreementListProps {
  items: ShownDisagreement[];
  coderName: (id: string) => string;
  onAccept: (d: ShownDisagreement) => void;
  onReject: (d: ShownDisagreement) => void;
  disabled?: boolean;
}

export function DisagreementList({ items, coderName, onAccept, onReject, disabled }: DisagreementListProps) {
  if (items.length === 0) return <p className="empty">No disagreements: the coders agree everywhere they were compared.</p>;
  return (
    <ul className="disagreements" aria-label="Disagreements">
      {items.map((d) => (
        <li key={d.key} className="disagreement">
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
          <div className="disagreement__actions">
            <button type="button" disabled={disabled} onClick={() => onAccept(d)} aria-label={`Accept “${d.code}” in ${d.document}: copy it to ${d.notAppliedBy.map(coderName).join(', ')}`}>
              Accept
            </button>
            <button type="button" disabled={disabled} onClick={() => onReject(d)} aria-label={`Reject “${d.code}” in ${d.document}: remove it from ${d.appliedBy.map(coderName).join(', ')}`}>
              Reject
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
