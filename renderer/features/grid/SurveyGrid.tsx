import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addCoding, getDocumentText, removeCoding } from '../../db';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import type { WorkspaceProps } from '../../app/workspaces';
import { QuickCode } from '../coding/QuickCode';
import type { ShownCoding } from '../coding/types';
import { CodePalette } from './CodePalette';
import { GridFilters } from './GridFilters';
import { GridTable, ROW_HEIGHT } from './GridTable';
import {
  codeOptions,
  filterRows,
  paletteCodes,
  responseCounts,
  sortRows,
  wholeResponseCoding,
  type GridFilters as Filters,
  type GridRow,
  type SortKey,
  type SortState,
} from './gridModel';
import { ResponseDetail } from './ResponseDetail';
import { useGridData } from './useGridData';
import './grid.css';

/**
 * The Survey grid workspace: every survey response as a row with its participant's attributes
 * and codes; sort, filter, and code whole responses from the keyboard (1–9, Enter), or part of
 * one in the detail pane.
 */
export function SurveyGrid({ project }: WorkspaceProps) {
  const db = useDb();
  const data = useGridData(db, project.id);
  const { coder, coders } = useCoder(db, project.id);
  const [sort, setSort] = useState<SortState>({ key: 'title', dir: 'asc' });
  const [filters, setFilters] = useState<Filters>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [status, setStatus] = useState('');

  const codeById = useMemo(() => new Map(data.codes.map((c) => [c.id, c])), [data.codes]);
  const options = useMemo(() => codeOptions(data.codes), [data.codes]);
  const palette = useMemo(() => paletteCodes(data.codes, undefined), [data.codes]);
  const counts = useMemo(() => responseCounts(data.rows, data.index), [data.rows, data.index]);
  // Sorting and filtering by attributes do not depend on codings: do not redo them on every coding.
  const codeDependent = sort.key === 'codes' || filters.code !== undefined;
  const codeDep = codeDependent ? data.index : null;
  const shown = useMemo(
    () => sortRows(filterRows(data.rows, filters, data.index), sort, data.index, data.variables),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.rows, filters, sort, data.variables, codeDep],
  );
  const [lastIndex, setLastIndex] = useState(0);
  let selected = selectedId ? shown.findIndex((r) => r.id === selectedId) : -1;
  // A row that left the view (filtered out after coding) hands the selection to its neighbour.
  if (selected < 0 && selectedId && shown.length > 0) selected = Math.min(lastIndex, shown.length - 1);
  const row: GridRow | undefined = shown[selected];

  const selectIndex = useCallback(
    (i: number) => {
      const r = shown[Math.max(0, Math.min(i, shown.length - 1))];
      if (r) {
        setSelectedId(r.id);
        setLastIndex(Math.max(0, Math.min(i, shown.length - 1)));
      }
    },
    [shown],
  );

  const fail = (e: unknown) => setStatus(e instanceof Error ? e.message : String(e));

  const toggle = async (r: GridRow, codeId: string) => {
    const name = codeById.get(codeId)?.name ?? 'code';
    if (!coder) return setStatus('This project has no coder, so codings cannot be saved.');
    if (r.length === 0) return setStatus(`${r.recordId || r.title} is empty, so it cannot be coded.`);
    try {
      const existing = wholeResponseCoding(data.index, r, codeId, coder.id);
      if (existing) {
        await removeCoding(db, existing.id);
        data.patchCodings({ removeId: existing.id });
        setStatus(`Removed “${name}” from ${r.recordId || r.title}.`);
      } else {
        data.patchCodings({ add: await addCoding(db, { projectId: project.id, documentId: r.id, codeId, start: 0, end: r.length, coderId: coder.id }) });
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
      selectIndex(e.key === 'Home' ? 0 : shown.length - 1);
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
  const detailCodings = useMemo<ShownCoding[]>(() => {
    if (!row) return [];
    const coderById = new Map(coders.map((c) => [c.id, c]));
    return (data.index.get(row.id) ?? []).flatMap((c) => {
      const code = codeById.get(c.codeId);
      if (!code) return [];
      const who = coderById.get(c.coderId);
      return [{ id: c.id, start: c.start, end: c.end, codeId: c.codeId, codeName: code.name, colour: code.colour, coderName: who?.name ?? 'unknown coder', coderInitials: who?.initials ?? '?' }];
    });
  }, [row, data.index, codeById, coders]);
  const applied = useMemo(
    () => new Set(row && coder ? palette.filter((c) => wholeResponseCoding(data.index, row, c.id, coder.id)).map((c) => c.id) : []),
    [row, coder, palette, data.index],
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
            {data.loading ? 'Loading responses…' : `Showing ${shown.length.toLocaleString('en-GB')} of ${data.rows.length.toLocaleString('en-GB')} responses`}
          </p>
        </div>
        <CodePalette codes={palette} counts={counts} applied={applied} disabled={!row} onToggle={(id) => row && void toggle(row, id)} />
        <GridFilters rows={data.rows} variables={data.variables} codes={options} filters={filters} onChange={setFilters} />
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
        {!data.loading && data.rows.length === 0 ? (
          <p className="empty">This project has no survey responses yet.</p>
        ) : (
          <GridTable
            rows={shown}
            variables={data.variables}
            index={data.index}
            codeById={codeById}
            sort={sort}
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
                data.patchCodings({ add: await addCoding(db, { projectId: project.id, documentId: row.id, codeId, start: span.start, end: span.end, coderId: coder.id }) });
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
