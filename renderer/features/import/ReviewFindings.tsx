import { useMemo, useState } from 'react';
import { PII_TYPES, type PiiType } from '../../../shared/model';
import type { FindingDecision } from '../../../shared/import/pipeline';
import type { FindingView } from '../../workers/import-protocol';
import { PII_LABELS, piiLabel } from './labels';
import { byColumn, LOW_EVIDENCE, repeatedValues } from './review-groups';

/** Findings shown per type at first (each a few dozen elements: the first render of a big review stays one short task), and added by "Show more". */
const FIRST = 20;
const PAGE = 50;

interface Props {
  findings: readonly FindingView[];
  decisions: Record<string, FindingDecision>;
  onDecide: (ids: string[], d: FindingDecision) => void;
  onAllow: (term: string) => void;
}

/**
 * The default for a finding nobody has decided on: people are pseudonymised, everything else
 * redacted — low-evidence names included. A name wrongly kept is a disclosure nobody can take
 * back; a word wrongly replaced is a small, visible loss. What made that default costly (a
 * category repeated in every row) is grouped or dropped by the scan, and what is left can be kept
 * a whole column or a repeated value at a time.
 */
export function defaultDecision(type: PiiType): FindingDecision {
  return type === 'person' ? 'pseudonymise' : 'redact';
}

/** Findings grouped by type with counts, each in context, with per-finding and bulk decisions. */
export function ReviewFindings({ findings, decisions, onDecide, onAllow }: Props) {
  const groups = useMemo(() => {
    const m = new Map<PiiType, FindingView[]>();
    for (const f of findings) {
      const list = m.get(f.type);
      if (list) list.push(f);
      else m.set(f.type, [f]);
    }
    return PII_TYPES.filter((t) => m.has(t)).map((t) => [t, m.get(t)!] as const);
  }, [findings]);
  const [shown, setShown] = useState<Partial<Record<PiiType, number>>>({});
  if (findings.length === 0) return <p className="import-ok">No personal data was found in the texts or attribute values.</p>;
  return (
    <div className="import-review">
      <nav aria-label="Kinds of personal data found">
        <ul className="import-review__toc">
          {groups.map(([t, list]) => (
            <li key={t}>
              <a href={`#review-${t}`}>{piiLabel(t, list.length)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(([type, list]) => {
        const ids = list.map((f) => f.id);
        const limit = shown[type] ?? FIRST;
        return (
          <section key={type} id={`review-${type}`} className="import-review__group" aria-labelledby={`review-${type}-h`}>
            <h3 id={`review-${type}-h`}>{piiLabel(type, list.length)}</h3>
            <div className="import-review__bulk">
              <button type="button" onClick={() => onDecide(ids, 'redact')}>
                Redact all {piiLabel(type, list.length)}
              </button>
              {type === 'person' && (
                <button type="button" onClick={() => onDecide(ids, 'pseudonymise')}>
                  Pseudonymise all {piiLabel(type, list.length)}
                </button>
              )}
              <button type="button" onClick={() => onDecide(ids, 'ignore')}>
                Keep all {list.length.toLocaleString('en-GB')} as they are
              </button>
            </div>
            <ReviewShortcuts list={list} type={type} onKeep={(ids) => onDecide(ids, 'ignore')} />
            <ol className="import-review__list">
              {list.slice(0, limit).map((f) => {
                const d = decisions[f.id] ?? defaultDecision(f.type);
                const name = `decision-${f.id}`;
                return (
                  <li key={f.id} className={`import-finding import-finding--${d}`}>
                    <p className="import-finding__where muted">
                      {f.where}
                      {f.occurrences !== undefined && f.occurrences > 1 && <> · applies to {f.occurrences.toLocaleString('en-GB')} places</>}
                      {type === 'person' && f.confidence < LOW_EVIDENCE && <span className="import-finding__tag"> · low evidence</span>}
                    </p>
                    <p className="import-finding__context">
                      {f.before}
                      <mark>{f.match}</mark>
                      {f.after}
                    </p>
                    <div role="radiogroup" aria-label={`What to do with this ${PII_LABELS[type].one}`} className="import-finding__actions">
                      <label>
                        <input type="radio" name={name} checked={d === 'redact'} onChange={() => onDecide([f.id], 'redact')} /> Redact
                      </label>
                      {type === 'person' && (
                        <label>
                          <input type="radio" name={name} checked={d === 'pseudonymise'} onChange={() => onDecide([f.id], 'pseudonymise')} /> Pseudonymise
                        </label>
                      )}
                      <label>
                        <input type="radio" name={name} checked={d === 'ignore'} onChange={() => onDecide([f.id], 'ignore')} /> Keep
                      </label>
                      <button type="button" className="link-button" onClick={() => onAllow(f.match)}>
                        Always allow this term
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            {list.length > limit && (
              <button type="button" onClick={() => setShown({ ...shown, [type]: limit + PAGE })}>
                Show {Math.min(PAGE, list.length - limit)} more
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** One-step "keep" for a whole column or every occurrence of a repeated value, within one kind of finding. */
function ReviewShortcuts({ list, type, onKeep }: { list: readonly FindingView[]; type: PiiType; onKeep: (ids: string[]) => void }) {
  const columns = useMemo(() => byColumn(list), [list]);
  const repeated = useMemo(() => repeatedValues(list), [list]);
  if (columns.length === 0 && repeated.length === 0) return null;
  const what = PII_LABELS[type];
  return (
    <div className="import-review__shortcuts">
      {columns.length > 0 && (
        <div role="group" aria-label={`Keep ${what.many} by column`} className="import-review__bulk">
          <span className="muted">By column:</span>
          {columns.map((c) => (
            <button key={c.label} type="button" onClick={() => onKeep(c.ids)}>
              Keep all in “<bdi>{c.label}</bdi>” ({c.places.toLocaleString('en-GB')})
            </button>
          ))}
        </div>
      )}
      {repeated.length > 0 && (
        <div role="group" aria-label={`Keep repeated ${what.many}`} className="import-review__bulk">
          <span className="muted">Repeated:</span>
          {repeated.map((r) => (
            <button key={r.label} type="button" onClick={() => onKeep(r.ids)}>
              Keep every “{r.label}” ({r.places.toLocaleString('en-GB')})
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
