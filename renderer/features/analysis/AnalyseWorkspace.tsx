/** The Analyse workspace: a menu of analyses with guidance; each shows its note, options, filters, chart and table. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { forPublication } from '../../../shared/analysis/disclosure';
import { ANALYSIS_NOTES } from '../../../shared/analysis/notes';
import type { AnalysisKind } from '../../../shared/analysis/types';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useProjectData } from '../../app/useProjectData';
import { listCoders } from '../../db/api';
import { analysisClient } from '../../workers/analysis-client';
import { ChartPanel } from './ChartPanel';
import { FilterControls } from './FilterControls';
import { ANALYSIS_MENU } from './menu';
import { OptionControls } from './OptionControls';
import { defaultOptions, EMPTY_FILTER, toRequest, type AnalysisOptions, type FilterState } from './options';
import { withMeasure } from '../../../shared/analysis/measure';
import { ResultTable } from './ResultTable';
import { TableActions } from './TableActions';
import { useRevision } from './useRevision';
import { useWorkerResult } from './useWorkerResult';
import './analysis.css';
import { errorMessage } from '../../../shared/error-message';
import { cellEvidence } from '../../../shared/evidence/cells';
import { useCoder } from '../../app/useCoder';
import { CodeView, type CodeViewRequest } from '../evidence/CodeView';
import { plural } from '../../../shared/plural';

/** The project's lists this workspace shows (not its documents or participants: a survey has 875,000 and 500,000; the worker reads them). */
const LISTS = ['sources', 'variables'] as const;

const NO_VALUES: readonly string[] = [];

export function AnalyseWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const data = useProjectData(db, project.id, LISTS);
  const coders = useLiveQuery(() => listCoders(db, project.id), [db, project.id]) ?? [];
  const revision = useRevision(db, project.id);
  const [kind, setKind] = useState<AnalysisKind>('frequencies');
  const [options, setOptions] = useState<AnalysisOptions | null>(null);
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [published, setPublished] = useState(false);
  const [status, setStatus] = useState('');
  const threshold = project.settings.disclosureThreshold ?? 10;
  const { coder } = useCoder(db, project.id);
  const [evidence, setEvidence] = useState<CodeViewRequest | null>(null);

  const ready = data.variables.length > 0 || data.sources.length > 0;
  const opts = options ?? (ready ? defaultOptions(data.variables, data.sources.map((s) => s.id)) : null);
  const request = opts ? toRequest(kind, opts, filter) : null;
  const key = revision !== undefined && request && typeof request !== 'string' ? JSON.stringify([revision, request]) : null;
  const { result, busy, error } = useWorkerResult(key, () => analysisClient().analyse(project.id, revision!, request as Exclude<typeof request, string | null>));

  // the filter's values of the attribute chosen, from the worker's index (as the filter compares them)
  const filterVariable = data.variables.find((v) => v.name === filter.attribute);
  const valuesKey = revision !== undefined && filterVariable ? JSON.stringify([revision, filterVariable.id]) : null;
  const valuesRead = useWorkerResult(valuesKey, () => analysisClient().attributeValues(project.id, revision!, filterVariable!.id));
  // (while another attribute's values are read, none are offered: the last attribute's would filter nothing)
  const filterValues = (!valuesRead.busy && valuesRead.result) || NO_VALUES;
  const valuesNote = valuesRead.busy ? 'Reading the values…' : valuesRead.error ? `The values could not be read: ${valuesRead.error}` : undefined;

  const measure = opts?.measure ?? 'n';
  const shown = useMemo(() => {
    if (!result) return null;
    const base = published ? forPublication(result, threshold) : result;
    return { table: withMeasure(base, measure), base };
  }, [result, published, threshold, measure]);

  // The segments behind a count: the request that made the table (not a newer one still running).
  const madeBy = useMemo(() => (result && request && typeof request !== 'string' ? request : null), [result]); // eslint-disable-line react-hooks/exhaustive-deps
  const evidenceAt = (i: number, key: string) => {
    const row = result?.rows[i];
    return madeBy && result && row ? cellEvidence(madeBy, result, row, key) : null;
  };
  const openEvidence = (i: number, key: string) => {
    const ev = evidenceAt(i, key);
    if (ev) setEvidence({ title: ev.label, query: ev.query });
  };

  const note = ANALYSIS_NOTES[kind];
  return (
    <div className="analyse">
      <nav className="analyse__menu" aria-label="Analyses">
        <h2 className="pane-title">Analyses</h2>
        <p className="hint">Consider which analysis gives the best insight into your question.</p>
        <ul>
          {ANALYSIS_MENU.map((m) => (
            <li key={m.id}>
              <button type="button" className="menu-item" aria-current={m.id === kind ? 'true' : undefined} onClick={() => setKind(m.id)}>
                <span className="menu-item__title">{m.title}</span>
                <span className="menu-item__when">{m.when}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="analyse__main" id="document-area" tabIndex={-1} aria-busy={busy}>
        <h2>{note.title}</h2>
        <section className="about-note" aria-label="What this shows and its limits">
          <p>
            <strong>What this shows.</strong> {note.shows}
          </p>
          <p>
            <strong>Limits.</strong> {note.limits}
          </p>
        </section>
        {opts && (
          <OptionControls key={kind} kind={kind} variables={data.variables} sources={data.sources} value={opts} onChange={setOptions} />
        )}
        <details className="filters-box">
          <summary>Filters{filterSummary(filter)}</summary>
          <FilterControls sources={data.sources} coders={coders} variables={data.variables} values={filterValues} valuesNote={valuesNote} value={filter} onChange={setFilter} />
        </details>
        <TableActions table={shown?.table ?? null} published={published} onPublished={setPublished} threshold={threshold} onStatus={setStatus} projectId={project.id} />
        {published && (
          <p className="suppression-banner" role="note">
            For publication: counts from 1 to {threshold - 1} are hidden and shown as “fewer than {threshold}”, with the percentages and quotes derived from them. Exports follow
            this setting.
          </p>
        )}
        <div className="result" aria-live="polite">
          {typeof request === 'string' && <p className="hint">{request}</p>}
          {busy && (
            <p className="busy" role="status">
              <span className="spinner" aria-hidden="true" /> Working it out…
            </p>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {shown && !error && (
            <>
              {shown.table.warnings.length > 0 && (
                <ul className="warnings" aria-label="Warnings">
                  {shown.table.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              )}
              <ChartPanel key={kind} table={shown.base} measure={measure} onStatus={setStatus} onOpenMark={(ref) => openEvidence(ref.row, ref.key)} />
              <ResultTable
                table={shown.table}
                originalRows={result!.rows}
                threshold={published ? threshold : null}
                evidenceOf={(i, key) => evidenceAt(i, key)?.label ?? null}
                onOpenCell={openEvidence}
              />
            </>
          )}
        </div>
      </main>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
      {evidence && <CodeView projectId={project.id} coderId={coder?.id ?? null} request={evidence} onClose={() => setEvidence(null)} />}
    </div>
  );
}

function filterSummary(f: FilterState): string {
  const parts = [
    f.sourceIds.length ? plural(f.sourceIds.length, 'source') : '',
    f.coderIds.length ? plural(f.coderIds.length, 'coder') : '',
    f.attribute && f.value ? `${f.attribute} = ${f.value}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : ' (none: everything in the project)';
}
