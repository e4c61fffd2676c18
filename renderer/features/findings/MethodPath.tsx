import { METHOD_PHASES, type MethodPhase, type ProjectFigures } from '../../../shared/findings/method';
import type { Finding, Project } from '../../../shared/model';
import type { Run } from './FindingCard';

const n = (x: number) => x.toLocaleString('en-GB');
const kappa = (f: ProjectFigures) => (f.agreement?.kappa == null ? (f.coders < 2 ? 'not measured (one coder)' : 'not measurable yet') : f.agreement.kappa.toFixed(2));

/** The project's own figures for each phase. */
function phaseFigures(phase: MethodPhase['id'], f: ProjectFigures, findings: Finding[]): [string, string][] {
  switch (phase) {
    case 'familiarise':
      return [['Documents', n(f.documents)], ['Participants', n(f.participants)], ['Kinds of source', f.sourceKinds.join(', ') || 'none']];
    case 'codes':
      return [['Codes', n(f.codes)], ['Coded segments', n(f.codings)], ['Coders', n(f.coders)], ['Agreement (kappa)', kappa(f)]];
    case 'themes':
      return [['Themes (top-level codes)', n(f.themes)], ['Kinds of source', n(f.sourceKinds.length)]];
    case 'review':
      return [
        ['Coded documents', n(f.codedDocuments)],
        ['Since the last new code', `${n(f.saturation.sinceLastNewCode)} documents`],
        ['Saturation', f.saturation.reached ? 'reached' : 'not yet'],
      ];
    case 'define':
      return [['Findings', n(findings.length)], ['Findings with quotes', n(findings.filter((x) => x.quoteIds.length > 0).length)]];
    case 'report':
      return [['Findings linked to codes', n(findings.filter((x) => x.codeIds.length > 0).length)]];
  }
}

/** The guided thematic-analysis path: six phases, a short checklist each (ticked per project), the project's figures and the method statement. */
export function MethodPath({ project, figures, statement, findings, run }: { project: Project; figures: ProjectFigures | undefined; statement: string | undefined; findings: Finding[]; run: Run }) {
  const ticked = new Set(project.settings.methodChecks ?? []);
  return (
    <section className="method" aria-labelledby="method-heading">
      <h3 id="method-heading">Method: thematic analysis in six phases</h3>
      <div className="method__statement">
        <h4>Method statement (quoted in every pack)</h4>
        <p data-testid="method-statement">{statement ?? 'Working out the figures…'}</p>
      </div>
      <ol className="method__phases">
        {METHOD_PHASES.map((p, i) => {
          const done = p.checks.filter((c) => ticked.has(c.id)).length;
          return (
            <li key={p.id} className="phase">
              <h4>
                {i + 1}. {p.name}{' '}
                <span className="muted">
                  ({done} of {p.checks.length} done)
                </span>
              </h4>
              <p>{p.purpose}</p>
              {figures && (
                <dl className="phase__figures">
                  {phaseFigures(p.id, figures, findings).map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <fieldset className="phase__checks">
                <legend className="visually-hidden">Checklist: {p.name}</legend>
                {p.checks.map((c) => (
                  <label key={c.id}>
                    <input type="checkbox" checked={ticked.has(c.id)} onChange={(e) => void run({ type: 'setMethodCheck', checkId: c.id, done: e.target.checked }, e.target.checked ? 'Ticked.' : 'Unticked.')} />
                    {c.text}
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
