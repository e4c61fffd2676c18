import { useEffect, useRef, useState } from 'react';
import type { SafeguardState } from './ImportSummaryView';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { getPlatform } from '../../platform';
import { newGuid } from '../../../shared/model/ids';
import { baseName, type SourceSpec } from '../../../shared/import/mapping';
import { IMPORT_EXTENSIONS, importFileKind, type FindingDecision } from '../../../shared/import/pipeline';
import type { ImportIssue } from '../../../shared/import/types';
import { parseSpreadsheetFile } from '../../workers/parse-spreadsheet';
import { createImportClient, type ImportClient, type Progress } from '../../workers/import-client';
import { gridKeys, startGridWorker, warmGrid } from '../../workers/grid-client';
import { projectChangeStamp, projectSize } from '../../db/api';
import type { ImportReply, ImportSummary, ReviewData, TableSettings } from '../../workers/import-protocol';
import { carryOver, draftProblem, toTableMapping } from './draft';
import { FileCard, type Entry } from './FileCard';
import { ImportSummaryView } from './ImportSummaryView';
import { IssueList } from './IssueList';
import { ProgressPanel } from './ProgressPanel';
import type { ProgressSample } from './progress';
import { defaultDecision, ReviewFindings } from './ReviewFindings';
import { SourceFields } from './SourceFields';
import './import.css';
import { errorMessage } from '../../../shared/error-message';
import { preflight } from './capacity-check';
import { afterPaint } from '../../app/afterPaint';

type Stage = 'files' | 'scanning' | 'review' | 'committing' | 'done';
type Failure = { message: string; issues: ImportIssue[] };

/** Places the findings stand for (rows with the same value, mentions of a speaker's name). */
const places = (r: ReviewData): number => r.findings.reduce((n, f) => n + (f.occurrences ?? 1), 0);

const asFailure = (r: Extract<ImportReply, { type: 'error' | 'cancelled' }>): Failure => (r.type === 'error' ? { message: r.message, issues: r.issues } : { message: r.message, issues: [] });

/** The Import workspace: choose files, set how each is read and mapped, review personal data, commit. */
export function ImportWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const { coder } = useCoder(db, project.id);
  const client = useRef<ImportClient | null>(null);
  const workbooks = useRef(new Map<string, Blob>());
  const [entries, setEntries] = useState<Entry[]>([]);
  const [transcriptSource, setTranscriptSource] = useState<SourceSpec>({ name: 'Interviews', kind: 'interview' });
  const [stage, setStage] = useState<Stage>('files');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState('');
  const [review, setReview] = useState<ReviewData | null>(null);
  const [decisions, setDecisions] = useState<Record<string, FindingDecision>>({});
  const [allowList, setAllowList] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ first: ProgressSample | null; latest: ProgressSample | null }>({ first: null, latest: null });
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [safeguard, setSafeguard] = useState<SafeguardState>(null);
  /** The pre-flight check's warning when space is tight (the user may go on). */
  const [tight, setTight] = useState('');
  /** The pre-flight check's reason the import will not fit (shown beside the button that was pressed). */
  const [noRoom, setNoRoom] = useState('');

  const worker = () => (client.current ??= createImportClient());
  useEffect(() => {
    // the worker starts and opens the store while the user is choosing files
    void worker().request({ type: 'warm' });
    return () => {
      client.current?.terminate();
      client.current = null;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const update = (id: string, patch: Partial<Entry>) => setEntries((es) => es.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  const onProgress = (p: Progress) => {
    const sample = { done: p.done, total: p.total, at: performance.now() };
    setProgress((s) => ({ first: s.first && s.latest && s.latest.total === p.total ? s.first : sample, latest: sample }));
  };

  async function readTable(e: Pick<Entry, 'id' | 'name' | 'kind'>, settings: TableSettings, prev?: Entry) {
    update(e.id, { loading: true, settings });
    let r: ImportReply;
    if (e.kind === 'workbook') {
      try {
        const table = await parseSpreadsheetFile(new Uint8Array(await workbooks.current.get(e.id)!.arrayBuffer()), { fileName: e.name, sheet: settings.sheet, headerRows: settings.headerRows });
        r = await worker().request({ type: 'set-table', fileId: e.id, table });
      } catch (err) {
        r = { type: 'error', message: `${e.name}: ${errorMessage(err)}`, issues: [{ file: e.name, message: errorMessage(err) }] };
      }
    } else r = await worker().request({ type: 'parse-table', fileId: e.id, settings });
    if (r.type === 'table') update(e.id, { loading: false, table: r.table, draft: carryOver(prev?.draft, r.table), error: undefined, ...(r.info ? { info: r.info } : {}) });
    else if (r.type === 'error') update(e.id, { loading: false, error: asFailure(r) });
  }

  async function choose() {
    setFailure(null);
    setNotice('');
    const picked = await getPlatform().openFiles({ title: 'Choose files to import', accept: IMPORT_EXTENSIONS, multiple: true });
    for (const p of picked) {
      const id = newGuid();
      const kind = importFileKind(p.name);
      const entry: Entry = { id, name: p.name, kind, loading: true, settings: {}, notSpeakers: [], reimportOk: false, source: { name: baseName(p.name), kind: kind === 'transcript' ? 'interview' : 'survey' } };
      setEntries((es) => [...es, entry]);
      const r = await worker().request({ type: 'add-file', projectId: project.id, fileId: id, name: p.name, data: p.data });
      if (r.type !== 'file') {
        update(id, { loading: false, error: r.type === 'error' || r.type === 'cancelled' ? asFailure(r) : { message: 'Unexpected reply', issues: [] } });
        continue;
      }
      update(id, { info: r.info });
      if (kind === 'workbook') workbooks.current.set(id, p.data);
      if (kind === 'transcript') {
        const t = await worker().request({ type: 'read-transcript', fileId: id });
        if (t.type === 'transcript') update(id, { loading: false, transcript: t.transcript });
        else if (t.type === 'error') update(id, { loading: false, error: asFailure(t) });
      } else await readTable(entry, {});
    }
    const transcripts = picked.filter((p) => importFileKind(p.name) === 'transcript');
    if (transcripts.length === 1 && entries.every((e) => e.kind !== 'transcript')) setTranscriptSource((s) => ({ ...s, name: baseName(transcripts[0]!.name) }));
  }

  function remove(id: string) {
    void worker().request({ type: 'forget-file', fileId: id });
    workbooks.current.delete(id);
    setEntries((es) => es.filter((e) => e.id !== id));
  }

  // with a participant column chosen, count which attribute columns differ within participants (shown as "Kept for")
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const e of entries) {
      const col = e.draft?.participantColumn;
      if (!e.table || !e.draft || !col || e.loading) continue;
      const key = `${e.id}\u0000${col}\u0000${e.table.columns.join('\u0001')}`;
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      void worker()
        .request({ type: 'levels', fileId: e.id, participantColumn: col, columns: e.table.columns.filter((c) => c !== col) })
        .then((r) => {
          if (r.type === 'levels') update(e.id, { levels: { participantColumn: r.participantColumn, varying: r.varying } });
        });
    }
  });

  const ready = entries.filter((e) => !e.error && !e.loading && (e.table || e.transcript));
  const problems: string[] = [];
  for (const e of ready) {
    if (e.table && e.draft) {
      const p = draftProblem(e.draft, e.table.columns, e.source);
      if (p) problems.push(`${e.name}: ${p}`);
    }
    if (e.info && e.info.previous.length > 0 && !e.reimportOk) problems.push(`${e.name}: confirm that you want to import it again.`);
    if (e.transcript && e.ownSource && !e.source.name.trim()) problems.push(`${e.name}: give its source a name.`);
  }
  const sharedTranscripts = ready.some((e) => e.transcript && !e.ownSource);
  if (sharedTranscripts && !transcriptSource.name.trim()) problems.push('Give the transcripts’ source a name.');
  if (entries.some((e) => e.loading)) problems.push('Still reading the files…');

  async function scan(list: string[] = allowList) {
    setFailure(null);
    setNotice('');
    // before anything is read again or stored: will it fit? (estimated from the files and the free space)
    // (the project's documents and codings so far count too: the whole project is opened and analysed after)
    const room = await preflight(ready, undefined, await projectSize(db, project.id));
    setNoRoom(room.verdict === 'will-not-fit' ? room.message : '');
    if (room.verdict === 'will-not-fit') return;
    setTight(room.verdict === 'tight' ? room.message : '');
    setStage('scanning');
    setProgress({ first: null, latest: null });
    const r = await worker().request(
      {
        type: 'prepare',
        projectId: project.id,
        tables: ready.filter((e) => e.table && e.draft).map((e) => ({ fileId: e.id, mapping: toTableMapping(e.draft!, e.table!.columns, e.source) })),
        transcripts: ready.filter((e) => e.transcript).map((e) => ({ fileId: e.id, notSpeakers: e.notSpeakers, ...(e.ownSource ? { source: e.source } : {}) })),
        transcriptSource,
        allowList: list,
      },
      onProgress,
    );
    if (r.type === 'review') {
      setReview(r.review);
      setStage('review');
      // a survey is usually coded next: the grid worker loads while the review is read
      if (ready.some((e) => e.table)) afterPaint(startGridWorker);
    } else {
      if (r.type === 'error' || r.type === 'cancelled') setFailure(asFailure(r));
      setStage('files');
    }
  }

  async function allow(term: string | null) {
    const list = term === null ? [] : [...new Set([...allowList, term])];
    setAllowList(list);
    const r = await worker().request({ type: 'rescan', allowList: list }, onProgress);
    if (r.type === 'review') setReview((old) => (old ? { ...r.review, errors: old.errors } : r.review));
    else if (r.type === 'error') setFailure(asFailure(r));
  }

  function cancelScan() {
    client.current?.terminate();
    client.current = null;
    workbooks.current.clear();
    setEntries([]);
    setStage('files');
    setNotice('The scan was stopped; nothing was stored. Choose the files again to continue.');
  }

  async function commit() {
    if (!review) return;
    setFailure(null);
    setStage('committing');
    setProgress({ first: null, latest: null });
    const resolved: Record<string, FindingDecision> = {};
    for (const f of review.findings) resolved[f.id] = decisions[f.id] ?? defaultDecision(f.type);
    const r = await worker().request({ type: 'commit', projectId: project.id, decisions: resolved, by: coder?.name ?? 'local user' }, onProgress);
    setReview(null);
    setDecisions({});
    if (r.type === 'committed') {
      setSummary(r.summary);
      setSafeguard('checking');
      setEntries([]);
      workbooks.current.clear();
      setStage('done');
      const sourceIds = r.summary.sourceIds ?? [];
      // the pipeline's last stage, after the gate: flag possible disclosures of current risk for review
      const safeguardScan = () => {
        if (!client.current) return; // the workspace was left meanwhile
        void worker()
          .request({ type: 'safeguard-scan', projectId: project.id, sourceIds, by: coder?.name ?? 'local user' })
          .then((s) => setSafeguard(s.type === 'safeguard-scanned' ? { flagged: s.flagged } : 'failed'), () => setSafeguard('failed'));
      };
      // once the summary is on screen (not before: both take a core). A survey is usually coded
      // next: the grid worker reads it first, while the summary is read, then the check runs
      afterPaint(() => {
        if (!sourceIds.length) return safeguardScan();
        void projectChangeStamp(db, project.id)
          .then((stamp) => warmGrid(db.name, project.id, gridKeys(stamp)))
          .catch(() => undefined)
          .then(safeguardScan);
      });
      return;
    }
    setStage('files');
    if (r.type === 'cancelled') setNotice('The import was cancelled; nothing was stored. Review the files and scan them again to import.');
    else if (r.type === 'error') setFailure({ message: `The import failed and nothing was stored. ${r.message}`, issues: r.issues });
  }

  const blocking = review?.errors ?? [];
  return (
    <main className="import-workspace" id="document-area" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      {notice && (
        <p className="import-notice" role="status">
          {notice}
        </p>
      )}
      {failure && (
        <div className="import-failure" role="alert">
          <p>{failure.message}</p>
          <IssueList title="Errors" issues={failure.issues} tone="error" />
        </div>
      )}

      {stage === 'files' && (
        <>
          <p className="import-intro">
            Survey tables (CSV, TSV, XLSX, XLS, ODS) and transcripts (TXT, MD, RST, DOCX). Nothing is stored until you have reviewed the personal data found and confirmed.
          </p>
          <div className="import-actions">
            <button type="button" onClick={() => void choose()}>
              Choose files…
            </button>
          </div>
          {entries.map((e) => (
            <FileCard
              key={e.id}
              entry={e}
              onRemove={() => remove(e.id)}
              onSettings={(s) => void readTable(e, s, e)}
              onPatch={(patch) => update(e.id, patch)}
            />
          ))}
          {sharedTranscripts && (
            <section className="import-card" aria-label="Source of the transcripts">
              <h3>Transcripts’ source</h3>
              <SourceFields idPrefix="transcripts-src" value={transcriptSource} onChange={setTranscriptSource} />
            </section>
          )}
          {ready.length > 0 && (
            <div className="import-actions">
              {problems.length > 0 && (
                <ul className="import-problems" aria-label="Before scanning">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
              {noRoom && (
                <p className="import-failure" role="alert">
                  {noRoom}
                </p>
              )}
              <button type="button" className="primary" disabled={problems.length > 0} onClick={() => void scan()}>
                Scan for personal data
              </button>
            </div>
          )}
        </>
      )}

      {(stage === 'scanning' || stage === 'committing') && (
        <ProgressPanel
          label={stage === 'scanning' ? 'Scanning for personal data' : 'Storing the import'}
          unit="rows"
          first={progress.first}
          latest={progress.latest}
          onCancel={stage === 'scanning' ? cancelScan : () => client.current?.cancel()}
        />
      )}

      {stage === 'review' && review && (
        <section className="import-reviewscreen" aria-labelledby="review-title">
          <h2 id="review-title">Review personal data before importing</h2>
          <p>
            {review.documents.toLocaleString('en-GB')} documents from {review.participants.toLocaleString('en-GB')} participants; {review.skippedEmpty.toLocaleString('en-GB')} empty answer{review.skippedEmpty === 1 ? '' : 's'} will be skipped.{' '}
            {review.findings.length.toLocaleString('en-GB')} possible items of personal data were found
            {places(review) > review.findings.length ? ` in ${places(review).toLocaleString('en-GB')} places (a value repeated down a column, or a speaker’s name in the label and the text, is one item)` : ''}. Redacted values are replaced by a placeholder such as [PHONE]; pseudonymised names become [PERSON 1], [PERSON 2]… the same person the same number throughout.
          </p>
          {allowList.length > 0 && (
            <p className="muted">
              Always allowed: {allowList.map((t) => `“${t}”`).join(', ')}{' '}
              <button type="button" className="link-button" onClick={() => void allow(null)}>
                Clear
              </button>
            </p>
          )}
          {tight && (
            <p className="import-warning" role="status">
              {tight}
            </p>
          )}
          <IssueList title="Values that cannot be read" issues={blocking} tone="error" />
          <IssueList title="Dates left blank (each could be day/month or month/day)" issues={review.blankedDates} tone="warning" />
          <IssueList title="Warnings" issues={review.warnings} tone="warning" />
          <ReviewFindings findings={review.findings} decisions={decisions} onDecide={(ids, d) => setDecisions((old) => ({ ...old, ...Object.fromEntries(ids.map((id) => [id, d])) }))} onAllow={(t) => void allow(t)} />
          <div className="import-actions import-actions--sticky">
            <button type="button" onClick={() => setStage('files')}>
              Back to the files
            </button>
            <button type="button" className="primary" disabled={blocking.length > 0} onClick={() => void commit()}>
              Import {review.documents.toLocaleString('en-GB')} documents
            </button>
            {blocking.length > 0 && <span className="import-warning">Change the column types or date order so every value can be read.</span>}
          </div>
        </section>
      )}

      {stage === 'done' && summary && (
        <ImportSummaryView
          summary={summary}
          safeguard={safeguard}
          onOpenCode={() => {
            window.location.hash = '#/code';
          }}
          onAgain={() => {
            setSummary(null);
            setStage('files');
          }}
        />
      )}
    </main>
  );
}
