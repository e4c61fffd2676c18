import { WE_DID_HEADING as HEADING, youSaidWeDid } from '../../../shared/findings/you-said-we-did';
import type { Action, Finding, Recommendation } from '../../../shared/model';

/** "You said, we did" in plain language: what participants told us, then what we did, are doing, are considering, or could not do and why. */
export function YouSaidWeDid({ findings, recommendations, actions }: { findings: Finding[]; recommendations: Recommendation[]; actions: Action[] }) {
  const items = youSaidWeDid(findings, recommendations, actions);
  return (
    <section className="you-said" aria-labelledby="you-said-heading">
      <h3 id="you-said-heading">You said, we did</h3>
      <p className="muted">In plain language, as the public pack will say it. Only findings with actions are shown.</p>
      {items.length === 0 && <p>No finding has an action yet. Add actions under a finding’s recommendations.</p>}
      <ol className="you-said__list">
        {items.map((x) => (
          <li key={x.findingId} className="you-said__item">
            <p className="you-said__said">
              <strong>You said:</strong> <bdi>{x.said}</bdi>
            </p>
            <ul className="you-said__did">
              {x.did.map((d) => (
                <li key={d.actionId} data-kind={d.kind}>
                  <strong>{HEADING[d.kind]}:</strong> <bdi>{d.text}</bdi>
                  {d.due && <> (by {d.due})</>}
                  {d.kind === 'we could not' && (
                    <>
                      . <strong>Why not:</strong> <bdi>{d.reason}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
