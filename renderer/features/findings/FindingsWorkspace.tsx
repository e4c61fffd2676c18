/**
 * The Findings workspace (Stage 5 → 6): findings as short statements linked to codes and chosen
 * quotes, each with its strength of evidence computed from the project (shared/findings/strength),
 * recommendations under findings and actions under recommendations (owner, due, status, the
 * reason when not actioned, what was done); "You said, we did" in plain language; and the guided
 * method path that writes the method statement. Every change is a command (undoable).
 */
import { useState } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useProjectData } from '../../app/useProjectData';
import { execute, type Command } from '../../db/api';
import { analysisClient } from '../../workers/analysis-client';
import { useRevision } from '../analysis/useRevision';
import { useWorkerResult } from '../analysis/useWorkerResult';
import { errorMessage } from '../../../shared/error-message';
import { FindingCard } from './FindingCard';
import { MethodPath } from './MethodPath';
import { YouSaidWeDid } from './YouSaidWeDid';
import { useFindingsData, useQuoteTexts } from './useFindingsData';
import '../analysis/analysis.css';
import './findings.css';

/** The project's lists this workspace shows (not its documents: a survey has 875,000). */
const LISTS = ['codes'] as const;

type View = 'findings' | 'you-said' | 'method';
const VIEWS: [View, string][] = [
  ['findings', 'Findings'],
  ['you-said', 'You said, we did'],
  ['method', 'Method'],
];

export function FindingsWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const { codes } = useProjectData(db, project.id, LISTS);
  const data = useFindingsData(db, project.id);
  const quoteTexts = useQuoteTexts(db, data.quotes);
  const revision = useRevision(db, project.id);
  const evidence = useWorkerResult(revision === undefined ? null : revision, () => analysisClient().findings(project.id, revision!));
  const [view, setView] = useState<View>('findings');
  const [status, setStatus] = useState('');
  const [title, setTitle] = useState('');
  const [newCodes, setNewCodes] = useState<string[]>([]);

  const run = (cmd: Command, done: string): Promise<boolean> =>
    execute(db, project.id, cmd).then(
      () => (setStatus(done), true),
      (e: unknown) => (setStatus(errorMessage(e)), false),
    );
  const move = (i: number, delta: -1 | 1) => {
    const ids = data.findings.map((f) => f.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void run({ type: 'reorderFindings', findingIds: ids }, `Moved finding ${i + 1} ${delta < 0 ? 'up' : 'down'}.`);
  };

  return (
    <main className="analyse__main findings" id="document-area" tabIndex={-1} aria-busy={evidence.busy}>
      <h2>Findings</h2>
      <nav className="findings__views" aria-label="Findings views">
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" aria-pressed={view === id} onClick={() => setView(id)}>
            {label}
          </button>
        ))}
      </nav>
      <p className="findings__status" role="status">
        {status}
      </p>
      {evidence.error && (
        <p className="error" role="alert">
          {evidence.error}
        </p>
      )}

      {view === 'findings' && (
        <>
          <section className="about-note" aria-label="About findings">
            <p>
              <strong>What this is.</strong> A finding is a short statement of what the evidence shows, linked to the codes (and their subcategories) that hold it and
              to quotes chosen from the starred segments. Its strength of evidence is worked out from the project: how many participants and documents, how many kinds of
              source, and how far coders agreed where two or more coded it.
            </p>
          </section>
          <form
            className="new-finding"
            aria-label="New finding"
            onSubmit={(e) => {
              e.preventDefault();
              void run({ type: 'createFinding', title, codeIds: newCodes }, 'Finding added.').then((ok) => {
                if (ok) {
                  setTitle('');
                  setNewCodes([]);
                }
              });
            }}
          >
            <label className="new-finding__statement">
              New finding (a short statement)
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} placeholder="e.g. Victims were not told what happened next" />
            </label>
            {codes.length > 0 && (
              <fieldset className="checks code-picker">
                <legend>Linked codes</legend>
                {codes.map((c) => (
                  <label key={c.id}>
                    <input type="checkbox" checked={newCodes.includes(c.id)} onChange={(e) => setNewCodes(e.target.checked ? [...newCodes, c.id] : newCodes.filter((x) => x !== c.id))} />
                    <bdi>{c.name}</bdi>
                  </label>
                ))}
              </fieldset>
            )}
            <button type="submit" className="primary">
              Add finding
            </button>
          </form>
          {data.loaded && data.findings.length === 0 && <p>No findings yet. Write the first one above.</p>}
          <ol className="findings__list" aria-label="Findings, in order">
            {data.findings.map((f, i) => (
              <li key={f.id}>
                <FindingCard
                  finding={f}
                  position={i}
                  count={data.findings.length}
                  codes={codes}
                  quotes={data.quotes}
                  quoteTexts={quoteTexts}
                  recommendations={data.recommendations.filter((r) => r.findingId === f.id)}
                  actions={data.actions.filter((a) => a.findingId === f.id)}
                  strength={evidence.result?.strengths[f.id]}
                  strengthBusy={evidence.busy}
                  run={run}
                  onMove={(d) => move(i, d)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      {view === 'you-said' && <YouSaidWeDid findings={data.findings} recommendations={data.recommendations} actions={data.actions} />}
      {view === 'method' && <MethodPath project={project} figures={evidence.result?.figures} statement={evidence.result?.statement} findings={data.findings} run={run} />}
    </main>
  );
}
