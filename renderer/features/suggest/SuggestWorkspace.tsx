import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { listCodes, listCodings } from '../../db/api';
import type { SuggestOptions, SuggestReport, SuggestionRow } from '../../workers/suggest-core';
import type { SuggestService } from '../../workers/suggest-client';
import { ApplyStatus } from '../search/ApplyStatus';
import { openDocumentAt } from '../../app/openDocument';
import { plural } from '../search/PreviewBox';
import { useApply } from '../search/useApply';
import { QualityTable } from './QualityTable';
import { listRejected, rejectedSetting, rejectSuggestion, suggestionKey } from './rejections';
import { SuggestionList } from './SuggestionList';
import { useSuggestService } from './useSuggestService';
import '../search/search.css';
import './suggest.css';
import { errorMessage } from '../../../shared/error-message';

const MIN_SUPPORT = 3;
type Choices = Pick<SuggestOptions, 'labels' | 'level' | 'target' | 'minConfidence'>;

/** Offline code suggestions for survey responses, trained on the project's own coding. */
export function SuggestWorkspace({ project, service: given }: WorkspaceProps & { service?: SuggestService }) {
  const db = useDb();
  const { coder } = useCoder(db, project.id);
  const service = useSuggestService(given);
  const [choices, setChoices] = useState<Choices>({ labels: 'current', level: 'themes', target: 'uncoded', minConfidence: 0.6 });
  const [report, setReport] = useState<SuggestReport | null>(null);
  const [error, setError] = useState('');
  const [training, setTraining] = useState(false);
  const [active, setActive] = useState(0);
  const applier = useApply(db, project.id);
  const listRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);

  const codes = useLiveQuery(() => listCodes(db, project.id), [db, project.id]);
  const names = useMemo(() => new Map((codes ?? []).map((c) => [c.id, c.name])), [codes]);
  const rejected = useLiveQuery(() => listRejected(db, project.id), [db, project.id, rejectedSetting(project.id)]);
  // What the current coder has coded now: accepted suggestions disappear, and come back on undo.
  const coded = useLiveQuery(async () => {
    const out = new Set<string>();
    if (coder) for (const c of await listCodings(db, { projectId: project.id })) if (c.coderId === coder.id) out.add(suggestionKey(c.documentId, c.codeId));
    return out;
  }, [db, project.id, coder?.id]);

  const train = () => {
    if (!coder) return;
    const mine = ++seq.current;
    setTraining(true);
    setError('');
    void service.call({ dbName: db.name, projectId: project.id, options: { ...choices, coderId: coder.id, minSupport: MIN_SUPPORT } }).then(
      (reply) => {
        if (mine !== seq.current) return;
        setTraining(false);
        if (reply.ok) {
          setReport(reply.report);
          setActive(0);
        } else setError(reply.message);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setTraining(false);
        setError(errorMessage(e));
      },
    );
  };
  // Train when the screen opens and whenever the choices change.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- train reads the latest choices
  useEffect(train, [coder?.id, choices, service]);

  const hidden = useMemo(() => new Set([...(rejected ?? []), ...(coded ?? [])]), [rejected, coded]);
  const rows = useMemo(() => (report?.suggestions ?? []).filter((r) => !hidden.has(suggestionKey(r.documentId, r.codeId))), [report, hidden]);
  const at = Math.min(active, Math.max(0, rows.length - 1));

  const accept = (r: SuggestionRow) => {
    if (!coder) return;
    const name = names.get(r.codeId) ?? 'the code';
    void applier.apply([{ documentId: r.documentId, codeId: r.codeId, start: 0, end: r.length }], coder.id, `Accept suggestion: ${name}`, () => `Coded “${r.title}” as ${name}.`);
  };
  const reject = (r: SuggestionRow) => {
    void rejectSuggestion(db, project.id, r.documentId, r.codeId).then(() => applier.say(`Rejected ${names.get(r.codeId) ?? 'the code'} for “${r.title}”; it will stay hidden.`));
  };
  const open = (r: SuggestionRow) => void openDocumentAt(db, { projectId: project.id, documentId: r.documentId, start: 0, end: r.length });
  const set = <K extends keyof Choices>(k: K, v: Choices[K]) => setChoices((c) => ({ ...c, [k]: v }));

  return (
    <main className="suggest-workspace" id="document-area" tabIndex={-1}>
      <section className="suggest-quality" aria-labelledby="suggest-heading">
        <h2 id="suggest-heading" className="pane-title">
          Suggestions
        </h2>
        <form className="search-form" onSubmit={(e) => (e.preventDefault(), train())}>
          <span className="field">
            <label htmlFor="suggest-labels">Learn from</label>
            <select id="suggest-labels" value={choices.labels} onChange={(e) => set('labels', e.target.value as Choices['labels'])}>
              <option value="current">My coding{coder ? ` (${coder.name})` : ''}</option>
              <option value="all">Every coder’s coding</option>
            </select>
          </span>
          <span className="field">
            <label htmlFor="suggest-level">Suggest</label>
            <select id="suggest-level" value={choices.level} onChange={(e) => set('level', e.target.value as Choices['level'])}>
              <option value="themes">Themes (top-level codes)</option>
              <option value="codes">Every code</option>
            </select>
          </span>
          <span className="field">
            <label htmlFor="suggest-target">For</label>
            <select id="suggest-target" value={choices.target} onChange={(e) => set('target', e.target.value as Choices['target'])}>
              <option value="uncoded">Uncoded responses</option>
              <option value="all">Every response (codes it does not have yet)</option>
            </select>
          </span>
          <span className="field">
            <label htmlFor="suggest-min">At least</label>
            <select id="suggest-min" value={choices.minConfidence} onChange={(e) => set('minConfidence', Number(e.target.value))}>
              {[0.5, 0.6, 0.7, 0.8, 0.9].map((v) => (
                <option key={v} value={v}>
                  {Math.round(v * 100)}% confident
                </option>
              ))}
            </select>
          </span>
          <button type="submit" disabled={training || !coder}>
            {training ? 'Training…' : 'Retrain'}
          </button>
        </form>
        <p className="suggest-note">
          Suggestions come from a simple word-based model trained on this computer, on the survey responses already coded in
          this project; nothing leaves the machine. The table shows how it did when tested on your own coded responses it had
          not seen: <strong>precision</strong> is how often a suggestion was right, <strong>recall</strong> how many of your
          codings it would have found. Treat every suggestion as a prompt to read the response, not as a decision, and trust
          codes with few examples least.
        </p>
        <p role="status" aria-live="polite" className="search-summary">
          {training ? 'Training on your coding…' : report ? `Learned from ${plural(report.trained, 'coded response')}; ${plural(report.candidates, 'response')} checked for suggestions.` : ''}
        </p>
        {error && (
          <p className="search-error" role="alert">
            {error}
          </p>
        )}
        {report && report.trained < 2 && <p className="hint">Code a few responses first: suggestions need at least {MIN_SUPPORT} coded examples of a code.</p>}
        {report && report.quality.length > 0 && <QualityTable quality={report.quality} names={names} minSupport={MIN_SUPPORT} />}
      </section>
      <section className="suggest-list" aria-labelledby="suggest-list-heading" ref={listRef}>
        <h2 id="suggest-list-heading" className="pane-title">
          Suggested codes {report && `(${rows.length.toLocaleString('en-GB')})`}
        </h2>
        {report && rows.length === 0 && (
          <p className="hint">
            {report.candidates === 0 && choices.target === 'uncoded'
              ? 'Every response is coded already. Choose “Every response” to look for codes that may have been missed.'
              : 'No suggestions at this confidence.'}
          </p>
        )}
        {rows.length > 0 && (
          <>
            <div className="suggest-actions">
              <button type="button" className="primary" onClick={() => rows[at] && accept(rows[at])} aria-keyshortcuts="A">
                Accept (A)
              </button>
              <button type="button" onClick={() => rows[at] && reject(rows[at])} aria-keyshortcuts="R">
                Reject (R)
              </button>
              <button type="button" onClick={() => rows[at] && open(rows[at])}>
                Open response (Enter)
              </button>
            </div>
            <SuggestionList rows={rows} names={names} active={at} onActive={setActive} onAccept={accept} onReject={reject} onOpen={open} />
          </>
        )}
        <ApplyStatus message={applier.message} canUndo={applier.canUndo} onUndo={() => void applier.undoLast()} />
      </section>
    </main>
  );
}
