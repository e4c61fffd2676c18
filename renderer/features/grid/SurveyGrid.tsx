import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, getDocumentText, listCodings } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { ImportFirst } from '../../app/ImportFirst';
import type { WorkspaceProps } from '../../app/workspaces';
import { QuickCode } from '../coding/QuickCode';
import type { ShownCoding } from '../coding/types';
import { CodePalette } from './CodePalette';
import { GridFilters } from './GridFilters';
import { GridTable, ROW_HEIGHT } from './GridTable';
import {
  codeOptions,
  indexCodings,
  paletteCodes,
  wholeResponseCoding,
  type GridFilters as Filters,
  type GridRowData,
  type SortKey,
  type SortState,
} from '../../../shared/coding/grid-model';
import { ResponseDetail } from './ResponseDetail';
import { useGridView } from './useGridView';
import './grid.css';
import { errorMessage } from '../../../shared/error-message';

/**
 * The Survey grid workspace: every survey response as a row with its participant's attributes
 * and codes; sort, filter, and code whole responses from the keyboard (1–9, Enter), or part of
 * one in the detail pane. Rows are loaded, filtered and sorted in a worker (./useGridView).
 */
export function SurveyGrid({ project }: WorkspaceProps) {
  const db = useDb();
  const [sort, setSort] = useState<SortState>({ key: 'title', dir: 'asc' });
  const [filters, setFilters] = useState<Filters>({});
  const data = useGridView(db, project.id, sort, filters);
  const { coder, coders } = useCoder(db, project.id);
  /** The selected row by row number (valid for the rows version it was chosen in). */
  const [chosen, setChosen] = useState<{ row: number; rowsVersion: number } | null>(null);
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState('');

  const codeById = useMemo(() => new Map(data.codes.map((c) => [c.id, c])), [data.codes]);
  const options = useMemo(() => codeOptions(data.codes), [data.codes]);
  const palette = useMemo(() => paletteCodes(data.codes, undefined), [data.codes]);
  const order = data.order;
  const shownCount = order.length;
  const selectedRow = chosen && chosen.rowsVersion === data.rowsVersion ? chosen.row : null;
  const [lastIndex, setLastIndex] = useState(0);
  let selected = selectedRow !== null ? order.indexOf(selectedRow) : -1;
  // A row that left the view (filtered out after coding) hands the selection to its neighbour.
  if (selected < 0 && selectedRow !== null && shownCount > 0) selected = Math.min(lastIndex, shownCount - 1);
  const row: GridRowData | undefined = selected >= 0 ? data.rowAt(selected) : undefined;

  const rowsVersion = data.rowsVersion;
  const selectIndex = useCallback(
    (i: number) => {
      const at = Math.max(0, Math.min(i, order.length - 1));
      const r = order[at];
      if (r !== undefined) {
        setChosen({ row: r, rowsVersion });
        setLastIndex(at);
      }
    },
    [order, rowsVersion],
  );

  const fail = (e: unknown) => setStatus(errorMessage(e));

  const toggle = async (r: GridRowData, codeId: string) => {
    const name = codeById.get(codeId)?.name ?? 'code';
    if (!coder) return setStatus('This project has no coder, so codings cannot be saved.');
    if (r.length === 0) return setStatus(`${r.recordId || r.title} is empty, so it cannot be coded.`);
    try {
      const existing = wholeResponseCoding(indexCodings(await listCodings(db, { documentId: r.id })), r, codeId, coder.id);
      if (existing) {
        await execute(db, project.id, { type: 'removeCodings', codingIds: [existing.id], label: 'Remove coding' });
        await data.patch({ removeId: existing.id });
        setStatus(`Removed “${name}” from ${r.recordId || r.title}.`);
      } else {
        const { result: [c] } = await execute(db, project.id, { type: 'applyCodings', spans: [{ documentId: r.id, codeId, start: 0, end: r.length, coderId: coder.id }] });
        await data.patch({ add: { id: c!.id, documentId: c!.documentId, codeId: c!.codeId, coderId: c!.coderId, start: c!.start, end: c!.end } });
        setStatus(`Coded ${r.recordId || r.title} as “${name}”.`);
      }
    } catch (e) {
      fail(e);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(((e.currentTarget.parentElement?.clientHeight ?? 600) - ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) {
      e.preventDefault();
      selectIndex(selected < 0 ? 0 : selected + moves[e.key]!);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      selectIndex(e.key === 'Home' ? 0 : shownCount - 1);
    } else if (/^[1-9]$/.test(e.key) && !e.shiftKey) {
      const code = palette[Number(e.key) - 1];
      if (code && row) {
        e.preventDefault();
        void toggle(row, code.id);
      }
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      setPicking(true);
    }
  };

  const text = useLiveQuery(async () => (row ? getDocumentText(db, row.id) : undefined), [db, row?.id]);
  const rowCodings = useLiveQuery(async () => (row ? listCodings(db, { documentId: row.id }) : []), [db, row?.id]);
  const detailCodings = useMemo<ShownCoding[]>(() => {
    const coderById = new Map(coders.map((c) => [c.id, c]));
    return (rowCodings ?? []).flatMap((c) => {
      const code = codeById.get(c.codeId);
      if (!code) return [];
      const who = coderById.get(c.coderId);
      return [{ id: c.id, start: c.start, end: c.end, codeId: c.codeId, codeName: code.name, colour: code.colour, coderName: who?.name ?? 'unknown coder', coderInitials: who?.initials ?? '?' }];
    });
  }, [rowCodings, codeById, coders]);
  const applied = useMemo(
    () => new Set(row && coder ? palette.filter((c) => row.whole.includes(`${c.id} ${coder.id}`)).map((c) => c.id) : []),
    [row, coder, palette],
  );

  const onSort = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="grid-ws">
      <main className="grid-main" id="document-area" tabIndex={-1} aria-labelledby="grid-title">
        <div className="grid-head">
          <h2 id="grid-title" className="grid-title">
            Survey responses
          </h2>
          <p className="grid-count" aria-live="polite">
            {data.loading ? 'Loading responses…' : `Showing ${shownCount.toLocaleString('en-GB')} of ${data.total.toLocaleString('en-GB')} responses`}
          </p>
        </div>
        <CodePalette codes={palette} counts={data.counts} applied={applied} disabled={!row} onToggle={(id) => row && void toggle(row, id)} />
        <GridFilters values={data.values} rowsVersion={data.rowsVersion} variables={data.variables} codes={options} filters={filters} onChange={setFilters} />
        <p id="grid-help" className="hint">
          Arrow keys choose a response; 1–9 apply or remove a palette code on the whole response; Enter opens the code
          picker.
        </p>
        {picking && row && (
          <QuickCode
            codes={options}
            snippet={row.recordId || row.title}
            onApply={(id) => {
              setPicking(false);
              void toggle(row, id);
              document.querySelector<HTMLElement>('.survey-grid')?.focus();
            }}
            onClose={() => {
              setPicking(false);
              document.querySelector<HTMLElement>('.survey-grid')?.focus();
            }}
          />
        )}
        {!data.loading && data.total === 0 ? (
          <ImportFirst what="survey responses" />
        ) : (
          <GridTable
            count={shownCount}
            rowAt={data.rowAt}
            want={data.want}
            variables={data.variables}
            codeById={codeById}
            sort={data.applied.sort}
            busy={data.busy}
            onSort={onSort}
            selected={selected}
            onSelect={selectIndex}
            onKeyDown={onKeyDown}
          />
        )}
      </main>
      <aside className="grid-detail" aria-label="Selected response">
        {row ? (
          <ResponseDetail
            key={row.id}
            row={row}
            variables={data.variables}
            text={text}
            codings={detailCodings}
            codeOptions={options}
            onApplySpan={async (codeId, span) => {
              if (!coder) return setStatus('This project has no coder, so codings cannot be saved.');
              try {
                const { result: [c] } = await execute(db, project.id, { type: 'applyCodings', spans: [{ documentId: row.id, codeId, start: span.start, end: span.end, coderId: coder.id }] });
                await data.patch({ add: { id: c!.id, documentId: c!.documentId, codeId: c!.codeId, coderId: c!.coderId, start: c!.start, end: c!.end } });
                setStatus(`Coded part of ${row.recordId || row.title} as “${codeById.get(codeId)?.name ?? 'code'}”.`);
              } catch (e) {
                fail(e);
              }
            }}
          />
        ) : (
          <p className="empty">Choose a response to read it in full and code part of it.</p>
        )}
      </aside>
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
