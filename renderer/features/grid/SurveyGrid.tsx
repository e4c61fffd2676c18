import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, getDocumentText, listCodings } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import type { WorkspaceProps } from '../../app/workspaces';
import { QuickCode } from '../coding/QuickCode';
import type { ShownCoding } from '../coding/types';
import { quickKeyCodes, QUICK_KEY_RULE } from '../../../shared/coding/quick-keys';
import { codeOptions, indexCodings, wholeAnswerCoding, type GridFilters as Filters, type SortKey, type SortState } from '../../../shared/grid/rows';
import type { GridCell, GridRowData } from '../../workers/grid-core';
import { FIRST_SORT, type GridService } from '../../workers/grid-client';
import { CodePalette } from './CodePalette';
import { isCursorKey, moveCursor, type Cursor } from './cursor';
import { GridFilters } from './GridFilters';
import { GridTable, ROW_HEIGHT, type ShownAttribute, type ShownQuestion } from './GridTable';
import { ResponseDetail } from './ResponseDetail';
import { useGridView } from './useGridView';
import './grid.css';
import { errorMessage } from '../../../shared/error-message';

/** How long the selection rests before the detail pane loads the selected answer (keys held down skip it). */
const DETAIL_DELAY_MS = 120;
const NO_CODINGS: ShownCoding[] = [];

/**
 * The Survey grid workspace: one row per survey response, one column per question with the
 * answer's text, then the participant's attributes in file order. The selection is a cell (a
 * response's answer to one question): arrow keys move it, 1–9 apply or remove a code on that
 * answer, Enter opens the code picker; the detail pane shows the answer in full to code part of
 * it. Rows are loaded, filtered and sorted in a worker (./useGridView).
 */
export function SurveyGrid({ project, service }: WorkspaceProps & { service?: GridService }) {
  const db = useDb();
  const [sort, setSort] = useState<SortState>({ ...FIRST_SORT });
  const [filters, setFilters] = useState<Filters>({});
  const data = useGridView(db, project.id, sort, filters, service);
  const { coder, coders } = useCoder(db, project.id);
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState('');

  const codeById = useMemo(() => new Map(data.codes.map((c) => [c.id, c])), [data.codes]);
  const options = useMemo(() => codeOptions(data.codes), [data.codes]);
  const palette = useMemo(() => quickKeyCodes(data.codes), [data.codes]);
  const { columns } = data;
  const survey = filters.source !== undefined ? columns.surveys.find((s) => s.id === filters.source) : undefined;
  const questions = useMemo<ShownQuestion[]>(
    () => columns.questions.flatMap((q, index) => (!survey || survey.questions.includes(q.key) ? [{ ...q, index }] : [])),
    [columns.questions, survey],
  );
  const attributes = useMemo<ShownAttribute[]>(
    () => columns.attributes.flatMap((a, index) => (!survey || survey.attributes.includes(a.key) ? [{ ...a, index }] : [])),
    [columns.attributes, survey],
  );
  const order = data.order;
  const shownCount = order.length;

  // The cursor lives in a ref that each key updates at once, so a burst of keys (Down, Down, 3)
  // is applied in order to the cell the previous key left selected, never to a stale render.
  // It also remembers the row number, so a new order (sort, filter) keeps the same response.
  const [cursor, setCursorState] = useState<Cursor | null>(null);
  const cursorRef = useRef<{ cursor: Cursor; row: number } | null>(null);
  const setCursor = useCallback((c: Cursor | null, rows: Int32Array) => {
    cursorRef.current = c ? { cursor: c, row: rows[c.position] ?? -1 } : null;
    setCursorState(c);
  }, []);
  useEffect(() => {
    const at = cursorRef.current;
    if (!at) return;
    let position = at.cursor.position;
    if (order[position] !== at.row) {
      const found = order.indexOf(at.row);
      // A response that left the view (filtered out after coding) hands the selection to its neighbour.
      position = found >= 0 ? found : Math.min(position, order.length - 1);
    }
    setCursor(position >= 0 ? { position, question: Math.min(at.cursor.question, Math.max(0, questions.length - 1)) } : null, order);
  }, [order, questions.length, setCursor]);

  const row: GridRowData | undefined = cursor ? data.rowAt(cursor.position) : undefined;
  const selectedQuestion = cursor ? questions[cursor.question] : undefined;
  const cell: GridCell | null = row && selectedQuestion ? (row.cells[selectedQuestion.index] ?? null) : null;

  // The detail pane follows the selection once it rests (holding a key down does not load every answer).
  const [detail, setDetail] = useState<{ row: GridRowData; question: ShownQuestion; cell: GridCell | null } | null>(null);
  useEffect(() => {
    if (!row || !selectedQuestion) return;
    const next = { row, question: selectedQuestion, cell };
    // A transition: rendering the answer in full yields to the next key press.
    const t = setTimeout(() => startTransition(() => setDetail(next)), DETAIL_DELAY_MS);
    return () => clearTimeout(t);
  }, [row, selectedQuestion, cell]);

  const fail = (e: unknown) => setStatus(errorMessage(e));
  const label = (r: GridRowData, q: ShownQuestion) => `${r.recordId} – ${q.name}`;

  // Codings are toggled one after another, so two quick presses of a key on one answer add then remove.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const toggleAt = (position: number, q: ShownQuestion | undefined, codeId: string) => {
    const name = codeById.get(codeId)?.name ?? 'code';
    // An answer shown without this coder's whole-answer coding of the code gets it: its stripe is
    // painted at the key press, and taken back if the store says otherwise or the save fails.
    const shown = coder && q ? data.rowAt(position)?.cells[q.index] : undefined;
    const painted = coder && shown && shown.length > 0 && !shown.whole.includes(`${codeId} ${coder.id}`) ? data.show({ id: '', documentId: shown.id, codeId, coderId: coder.id, start: 0, end: shown.length }) : undefined;
    // (kept once the store holds that coding; any other outcome takes the paint back)
    let kept = false;
    const run = async () => {
      if (!coder) return setStatus('This project has no coder, so codings cannot be saved.');
      if (!q) return setStatus('There is no question column to code.');
      const r = data.rowAt(position) ?? (await data.fetchRow(position));
      if (!r) return setStatus('The responses changed; choose the answer again.');
      const c = r.cells[q.index];
      if (!c || c.length === 0) return setStatus(`${r.recordId} has no answer to “${q.name}”, so there is nothing to code.`);
      const existing = wholeAnswerCoding(indexCodings(await listCodings(db, { documentId: c.id })), c, codeId, coder.id);
      if (existing) {
        painted?.(false);
        await execute(db, project.id, { type: 'removeCodings', codingIds: [existing.id], label: 'Remove coding' });
        await data.patch({ removeId: existing.id });
        setStatus(`Removed “${name}” from ${label(r, q)}.`);
      } else {
        const {
          result: [added],
        } = await execute(db, project.id, { type: 'applyCodings', spans: [{ documentId: c.id, codeId, start: 0, end: c.length, coderId: coder.id }] });
        kept = c.id === shown?.id;
        if (!added) return setStatus(`${label(r, q)} is already coded “${name}”.`);
        await data.patch({ add: { id: added.id, documentId: added.documentId, codeId: added.codeId, coderId: added.coderId, start: added.start, end: added.end } });
        setStatus(`Coded ${label(r, q)} as “${name}”.`);
      }
    };
    queue.current = queue.current
      .then(run)
      .catch(fail)
      .finally(() => painted?.(kept));
  };

  // Read by the key handler (which must not wait for a render to see the latest cursor).
  const latest = useRef({ order, questions, palette, toggleAt });
  latest.current = { order, questions, palette, toggleAt };

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const { order, questions, palette, toggleAt } = latest.current;
      const at = cursorRef.current?.cursor ?? null;
      if (isCursorKey(e.key)) {
        e.preventDefault();
        const page = Math.max(1, Math.floor(((e.currentTarget.parentElement?.clientHeight ?? 600) - ROW_HEIGHT) / ROW_HEIGHT) - 1);
        setCursor(moveCursor(at, e.key, { rows: order.length, questions: questions.length, page }), order);
      } else if (/^[1-9]$/.test(e.key) && !e.shiftKey) {
        const code = palette[Number(e.key) - 1];
        if (!code) return;
        e.preventDefault();
        if (at) toggleAt(at.position, questions[at.question], code.id);
        else setStatus('Choose an answer first (arrow keys or a click).');
      } else if (e.key === 'Enter' && at) {
        e.preventDefault();
        setPicking(true);
      }
    },
    [setCursor],
  );
  const onSelect = useCallback((c: Cursor) => setCursor(c, latest.current.order), [setCursor]);
  const onPaletteToggle = useCallback((codeId: string) => {
    const at = cursorRef.current?.cursor;
    if (at) latest.current.toggleAt(at.position, latest.current.questions[at.question], codeId);
  }, []);
  const { patch } = data;
  const onApplySpan = useCallback(
    async (codeId: string, span: { start: number; end: number }) => {
      const c = detail?.cell;
      if (!detail || !c) return;
      if (!coder) return setStatus('This project has no coder, so codings cannot be saved.');
      try {
        const {
          result: [added],
        } = await execute(db, project.id, { type: 'applyCodings', spans: [{ documentId: c.id, codeId, start: span.start, end: span.end, coderId: coder.id }] });
        if (!added) return;
        await patch({ add: { id: added.id, documentId: added.documentId, codeId: added.codeId, coderId: added.coderId, start: added.start, end: added.end } });
        setStatus(`Coded part of ${detail.row.recordId} – ${detail.question.name} as “${codeById.get(codeId)?.name ?? 'code'}”.`);
      } catch (e) {
        setStatus(errorMessage(e));
      }
    },
    [detail, coder, db, project.id, patch, codeById],
  );

  const detailId = detail?.cell?.id;
  // Each result carries its id: a query still answering for the previous answer is not shown for this one.
  const loaded = useLiveQuery(async () => (detailId ? { id: detailId, text: await getDocumentText(db, detailId) } : undefined), [db, detailId]);
  const text = loaded && loaded.id === detailId ? loaded.text : undefined;
  const codingsOf = useLiveQuery(async () => (detailId ? { id: detailId, list: await listCodings(db, { documentId: detailId }) } : undefined), [db, detailId]);
  const rowCodings = codingsOf && codingsOf.id === detailId ? codingsOf.list : undefined;
  const detailCodings = useMemo<ShownCoding[]>(() => {
    const coderById = new Map(coders.map((c) => [c.id, c]));
    return (rowCodings ?? []).flatMap((c) => {
      const code = codeById.get(c.codeId);
      if (!code) return [];
      const who = coderById.get(c.coderId);
      return [{ id: c.id, start: c.start, end: c.end, codeId: c.codeId, codeName: code.name, colour: code.colour, coderName: who?.name ?? 'unknown coder', coderInitials: who?.initials ?? '?' }];
    });
  }, [rowCodings, codeById, coders]);
  const applied = useMemo(() => new Set(cell && coder ? palette.filter((c) => cell.whole.includes(`${c.id} ${coder.id}`)).map((c) => c.id) : []), [cell, coder, palette]);

  const onSort = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  const focusGrid = () => document.querySelector<HTMLElement>('.survey-grid')?.focus();
  const total = survey ? survey.rows : data.total;

  return (
    <div className="grid-ws">
      <main className="grid-main" id="document-area" tabIndex={-1} aria-labelledby="grid-title">
        <div className="grid-head">
          <h2 id="grid-title" className="grid-title">
            Survey responses
          </h2>
          <p className="grid-count" aria-live="polite">
            {data.loading ? 'Loading responses…' : `Showing ${shownCount.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} responses`}
          </p>
        </div>
        <CodePalette
          codes={palette}
          counts={data.counts}
          applied={applied}
          disabled={!cell}
          onToggle={onPaletteToggle}
        />
        <GridFilters values={data.values} rowsVersion={data.rowsVersion} surveys={columns.surveys} attributes={attributes} codes={options} filters={filters} onChange={setFilters} />
        <p id="grid-help" className="hint">
          Arrow keys choose an answer (↑ ↓ a response, ← → a question); 1–9 apply or remove a numbered code on that answer; Enter opens the code picker. {QUICK_KEY_RULE}
        </p>
        {picking && row && selectedQuestion && (
          <QuickCode
            codes={options}
            snippet={label(row, selectedQuestion)}
            onApply={(id) => {
              setPicking(false);
              if (cursor) toggleAt(cursor.position, selectedQuestion, id);
              focusGrid();
            }}
            onClose={() => {
              setPicking(false);
              focusGrid();
            }}
          />
        )}
        {!data.loading && data.total === 0 ? (
          <p className="empty">This project has no survey responses yet.</p>
        ) : (
          <GridTable
            count={shownCount}
            rowAt={data.rowAt}
            want={data.want}
            questions={questions}
            attributes={attributes}
            participants={survey ? survey.participants : columns.surveys.some((x) => x.participants)}
            recordIdLength={columns.recordIdLength}
            codeById={codeById}
            sort={data.applied.sort}
            busy={data.busy}
            onSort={onSort}
            cursor={cursor}
            onSelect={onSelect}
            onKeyDown={onKeyDown}
          />
        )}
      </main>
      <aside className="grid-detail" aria-label="Selected answer">
        {detail ? (
          <ResponseDetail
            key={`${detail.row.key} ${detail.question.key}`}
            projectId={project.id}
            row={detail.row}
            question={detail.question}
            cell={detail.cell}
            attributes={attributes}
            text={detail.cell ? text : ''}
            codings={detail.cell ? detailCodings : NO_CODINGS}
            codeOptions={options}
            onApplySpan={onApplySpan}
          />
        ) : (
          <p className="empty">Choose an answer to read it in full and code part of it.</p>
        )}
      </aside>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
