import type { EvidenceStrength } from '../../../shared/findings/strength';

const RATING_LABEL: Record<EvidenceStrength['rating'], string> = {
  strong: 'Strong',
  moderate: 'Moderate',
  limited: 'Limited',
  'single-source': 'Single source',
  'no evidence': 'No evidence yet',
};

const two = (x: number | null) => (x === null ? 'not defined' : x.toFixed(2));

/** Strength of evidence: the rating, the figures behind it, and the reasons in words. */
export function StrengthPanel({ strength: s, busy }: { strength: EvidenceStrength | undefined; busy: boolean }) {
  return (
    <section className="strength" aria-label="Strength of evidence" aria-busy={busy}>
      <h4>
        Strength of evidence:{' '}
        {s ? (
          <span className={`rating rating--${s.rating.replace(' ', '-')}`} data-rating={s.rating}>
            {RATING_LABEL[s.rating]}
          </span>
        ) : (
          <span className="muted">working it out…</span>
        )}
      </h4>
      {s && (
        <>
          <dl className="strength__figures">
            <div>
              <dt>Participants</dt>
              <dd data-figure="participants">{s.participants.toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt>Documents</dt>
              <dd data-figure="documents">{s.documents.toLocaleString('en-GB')}</dd>
            </div>
            <div>
              <dt>Kinds of source</dt>
              <dd data-figure="kinds">{s.sourceKinds.length ? `${s.sourceKinds.length} (${s.sourceKinds.join(', ')})` : '0'}</dd>
            </div>
            <div>
              <dt>Agreement (kappa)</dt>
              <dd data-figure="kappa">{s.agreement ? two(s.agreement.kappa) : 'one coder'}</dd>
            </div>
          </dl>
          <ul className="strength__reasons">
            {s.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
