/**
 * The Agreement workspace: compare two or more coders on chosen documents and codes, read the
 * statistics with plain-English bands, and resolve each disagreement by a consensus decision
 * recorded under the current coder's name (undoable; no coder's own codings change).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { AGREEMENT_UNITS, type AgreementUnit } from '../../../shared/analysis/reliability';
import type { ConsensusDecision } from '../../../shared/model';
import { agreementBars } from '../../../shared/report';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useProjectData } from '../../app/useProjectData';
import { useCoder } from '../../app/useCoder';
import { ChartFigure } from '../charts/ChartFigure';
import { execute, listAssignments, listCoders } from '../../db/api';
import { analysisClient } from '../../workers/analysis-client';
import { ResultTable } from '../analysis/ResultTable';
import { TableActions } from '../analysis/TableActions';
import { useRevision } from '../analysis/useRevision';
import { useWorkerResult } from '../analysis/useWorkerResult';
import { DisagreementList } from './DisagreementList';
import { agreementTable, alphaBand, kappaBand, type AgreementRequest, type ShownDisagreement } from '../../../shared/analysis/reliability/run-agreement';
import '../analysis/analysis.css';
import { errorMessage } from '../../../shared/error-message';

/** The project's lists this workspace shows (not its documents: a survey has 875,000). */
const LISTS = ['sources', 'codes'] as const;

const UNIT_LABELS: Record<AgreementUnit, string> = {
  character: 'Character (as NVivo’s coding comparison)',
  response: 'Response (speaker turn or answer)',
  sentence: 'Sentence',
  paragraph: 'Paragraph',
  document: 'Whole document',
};

const fmt = (v: number | null, dp: number) => (v === null ? 'not defined' : v.toFixed(dp));

/** What a coder's silence in a whole document means. */
type Silence = 'uncoded' | 'missing' | 'assigned';
const SILENCE_LABELS: Record<Silence, string> = {
  uncoded: 'counts as “not coded” (as NVivo’s coding comparison)',
  missing: 'leaves that document out for that coder',
  assigned: 'follows the coder assignments',
};

export function AgreementWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const data = useProjectData(db, project.id, LISTS);
  const coders = useLiveQuery(() => listCoders(db, project.id), [db, project.id]);
  const revision = useRevision(db, project.id);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [sourceId, setSourceId] = useState('');
  const [allCodes, setAllCodes] = useState(true);
  const [codeIds, setCodeIds] = useState<string[]>([]);
  const [unit, setUnit] = useState<AgreementUnit>('character');
  const [status, setStatus] = useState('');
  const [lastStep, setLastStep] = useState<number | null>(null);
  const [silence, setSilence] = useState<Silence>('uncoded');
  const [consensus, setConsensus] = useState(false);
  const { coder: current } = useCoder(db, project.id);
  const assignmentCount = useLiveQuery(async () => (await listAssignments(db, project.id)).length, [db, project.id]) ?? 0;

  const coderIds = picked ?? (coders ?? []).map((c) => c.id);
  const request: AgreementRequest = {
    coderIds,
    sourceIds: sourceId ? [sourceId] : null,
    codeIds: allCodes ? null : codeIds,
    unit,
    absent: silence === 'missing' ? 'missing' : 'uncoded',
    assigned: silence === 'assigned',
    consensus,
  };
  const problem = coderIds.length < 2 ? 'Choose at least two coders to compare.' : !allCodes && codeIds.length === 0 ? 'Pick at least one code, or choose all codes.' : null;
  const key = revision !== undefined && coders && !problem ? JSON.stringify([revision, request]) : null;
  const { result, busy, error } = useWorkerResult(key, () => analysisClient().agreement(project.id, revision!, request));
  const table = useMemo(() => (result ? agreementTable(result.report) : null), [result]);
  const chart = useMemo(() => {
    try {
      return result ? agreementBars(result.report) : null;
    } catch {
      return null;
    }
  }, [result]);
  const coderName = useMemo(() => new Map((coders ?? []).map((c) => [c.id, c.name])), [coders]);

  const fail = (e: unknown) => setStatus(errorMessage(e));
  const decide = async (d: ShownDisagreement, decision: ConsensusDecision['decision']) => {
    if (!current) return setStatus('Choose who you are (Coding as) before deciding.');
    const what = decision === 'apply' ? 'apply' : 'do not apply';
    await execute(db, project.id, { type: 'resolveDisagreement', documentId: d.documentId, codeId: d.codeId, start: d.start, end: d.end, decision, decidedBy: current.id }).then(({ step }) => {
      setLastStep(step);
      setStatus(`Consensus recorded: ${what} “${d.code}” in ${d.document}, decided by ${current.name}.`);
    }, fail);
  };
  // This screen's Undo reverts exactly the last decision made here, never a later edit elsewhere.
  const undoDecision = () => {
    if (lastStep === null) return;
    void execute(db, project.id, { type: 'undo', step: lastStep }).then(({ result: l }) => {
      setLastStep(null);
      setStatus(l ? `Undone: ${l}.` : 'Nothing to undo.');
    }, fail);
  };

  const overall = result?.report.overall;
  const compared = result?.report.coders.length ?? coderIds.length + (consensus ? 1 : 0);
  const kappaName = compared === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  const untouched = result?.report.coders.filter((c) => (result.report.untouched[c.id] ?? 0) > 0) ?? [];
  return (
    <main className="analyse__main agreement" id="document-area" tabIndex={-1} aria-busy={busy}>
      <h2>Inter-coder agreement</h2>
      <section className="about-note" aria-label="About agreement">
        <p>
          <strong>What this shows.</strong> How consistently two or more coders applied each code to the same documents: percent agreement, {kappaName} (corrected for
          chance; Fleiss’ kappa for more than two coders) and Krippendorff’s alpha (corrected for chance, allows missing codings).
        </p>
        <p>
          <strong>Limits.</strong> At character level kappa and alpha are computed over every character of each document, coded or not — not only over coded text. By
          default every document in scope counts for every coder and a coder’s silence means “not coded”, as in NVivo’s coding comparison; if coders were each given
          part of the data, assign it in the Coders panel and choose “follows the coder assignments”. Agreement shows consistency, not that the codes are right.
        </p>
      </section>
      <form className="agreement__form" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="checks">
          <legend>Coders to compare (two or more)</legend>
          {(coders ?? []).map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={coderIds.includes(c.id)}
                onChange={(e) => setPicked(e.target.checked ? [...coderIds, c.id] : coderIds.filter((x) => x !== c.id))}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <label>
            Documents
            <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
              <option value="">All documents</option>
              {data.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  Only {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Unit of comparison
            <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
              {AGREEMENT_UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={allCodes} onChange={(e) => setAllCodes(e.target.checked)} />
            All codes
          </label>
        </div>
        <div className="field-row">
          <label>
            A coder’s silence in a whole document
            <select value={silence} onChange={(e) => setSilence(e.target.value as Silence)}>
              {(Object.keys(SILENCE_LABELS) as Silence[]).map((k) => (
                <option key={k} value={k} disabled={k === 'assigned' && assignmentCount === 0}>
                  {SILENCE_LABELS[k]}
                  {k === 'assigned' && assignmentCount === 0 ? ' (none assigned yet)' : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={consensus} onChange={(e) => setConsensus(e.target.checked)} />
            Compare with the consensus
          </label>
        </div>
        {!allCodes && (
          <fieldset className="checks code-picker">
            <legend>Codes</legend>
            {data.codes.map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={codeIds.includes(c.id)} onChange={(e) => setCodeIds(e.target.checked ? [...codeIds, c.id] : codeIds.filter((x) => x !== c.id))} />
                {c.name}
              </label>
            ))}
          </fieldset>
        )}
      </form>
      <div aria-live="polite">
        {problem && <p className="hint">{problem}</p>}
        {busy && (
          <p className="busy" role="status">
            <span className="spinner" aria-hidden="true" /> Comparing coders…
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      {result && overall && table && !error && !problem && (
        <>
          <p className="hint" data-testid="untouched">
            {result.report.assigned
              ? 'Silence means “code absent” in documents assigned to a coder; elsewhere a coder who coded nothing is left out. '
              : result.report.absent === 'uncoded'
                ? 'Every document counts for every coder; silence means “not coded”. '
                : 'Documents a coder never touched are left out for that coder. '}
            {untouched.length === 0
              ? `Every coder coded something in each of the ${result.report.documents} documents.`
              : `Documents with no codings at all, of ${result.report.documents}: ${untouched.map((c) => `${c.name} ${result.report.untouched[c.id]}`).join(', ')}.`}
            {untouched.length > 0 && silence === 'uncoded' && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => setSilence('missing')}>
                  Leave them out
                </button>
              </>
            )}
          </p>
          <section className="headline" aria-label="Overall agreement">
            <div className="stat">
              <span className="stat__label">Percent agreement</span>
              <span className="stat__value">{overall.percentAgreement === null ? 'not defined' : `${overall.percentAgreement.toFixed(1)}%`}</span>
              <span className="stat__band">not corrected for chance</span>
            </div>
            <div className="stat" data-stat="kappa">
              <span className="stat__label">{kappaName}</span>
              <span className="stat__value">{fmt(overall.kappa, 3)}</span>
              <span className="stat__band">{kappaBand(overall.kappa) ? `${kappaBand(overall.kappa)!.label} (Landis & Koch)` : 'no variation to compare'}</span>
            </div>
            <div className="stat" data-stat="alpha">
              <span className="stat__label">Krippendorff’s alpha</span>
              <span className="stat__value">{fmt(overall.alpha, 3)}</span>
              <span className="stat__band">{alphaBand(overall.alpha)?.label ?? 'no variation to compare'}</span>
            </div>
          </section>
          <p className="hint">
            Reading kappa (Landis &amp; Koch, 1977): below 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial, above 0.80 almost perfect.
            Reading alpha (Krippendorff, 2004): 0.8 or above reliable; 0.667–0.8 for tentative conclusions only; below 0.667 unreliable.
            {kappaBand(overall.kappa) && ` Overall: ${kappaBand(overall.kappa)!.meaning}`}
          </p>
          <TableActions table={table} published={false} onPublished={() => undefined} threshold={project.settings.disclosureThreshold ?? 10} onStatus={setStatus} canPublish={false} projectId={project.id} />
          {chart && <ChartFigure spec={chart} className="chart analyse__chart" />}
          <ResultTable table={table} threshold={null} />
          <h3>
            Disagreements ({result.totalDisagreements}, {result.resolved} resolved
            {result.totalDisagreements > result.disagreements.length ? `, first ${result.disagreements.length} shown` : ''})
          </h3>
          <p className="hint">
            Resolve each by consensus: “Apply code” or “Do not apply” records the agreed decision under your name ({current?.name ?? 'no coder chosen'}). No coder’s
            own codings change, so the figures above still measure how far the coders agreed on their own. The consensus — what every coder applied, plus these
            decisions — can be compared with the coders (“Compare with the consensus”) and is exported with the project. Each decision is one step you can undo.{' '}
            <button type="button" className="link-button" disabled={lastStep === null} onClick={undoDecision}>
              Undo last change
            </button>
          </p>
          <DisagreementList
            items={result.disagreements}
            coderName={(id) => coderName.get(id) ?? id}
            decider={current?.name ?? 'no coder chosen'}
            onDecide={(d, decision) => void decide(d, decision)}
            disabled={busy || !current}
          />
        </>
      )}
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
