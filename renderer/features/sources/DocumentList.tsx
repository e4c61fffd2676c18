import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Source } from '../../../shared/model';
import { filterKeysMade, filterPreparedFrom, makeFilterKeysInSlices, prepareDocuments, prepareDocumentsInSlices, type FilteredDocuments, type ListedDocuments, type PreparedDocuments } from './groupDocuments';
import { nextTaskTurn } from '../../platform/next-task';
import { rowAt, rowHeightOf, rowStart, totalHeight, useFixedRows, type FixedRows } from '../../app/fixedRows';
import { layoutRows, type ListRow } from './rowLayout';
import { DocumentRow, HEADER_HEIGHT, PinnedHeader, ROW_HEIGHT, SourceHeader } from './SourceGroupView';
import './sources.css';

interface Props {
  sources: readonly Source[];
  /** A view (stored documents and survey tables' answers: see shared/import/document-view.ts) or a list. */
  documents: ListedDocuments;
  currentId: string | null;
  onOpen: (id: string) => void;
}

const NONE: ReadonlySet<string> = new Set();
const NOTHING_PREPARED: PreparedDocuments = { groups: [] };

/** Documents from which the list is prepared in slices, in tasks of their own, not in one go as the list renders. */
const PREPARE_IN_SLICES_FROM = 50_000;

/**
 * The documents grouped and in title order (prepareDocuments). A large list (a survey's answers) is
 * prepared in slices of a few milliseconds after the render; until it is ready the list prepared
 * before stays shown (at first, none).
 */
function usePreparedDocuments(sources: readonly Source[], documents: ListedDocuments): { prepared: PreparedDocuments; listing: boolean } {
  const large = documents.length >= PREPARE_IN_SLICES_FROM;
  const now = useMemo(() => (large ? undefined : prepareDocuments(sources, documents)), [large, sources, documents]);
  const [sliced, setSliced] = useState<{ prepared: PreparedDocuments; of: ListedDocuments | null }>({ prepared: NOTHING_PREPARED, of: null });
  useEffect(() => {
    if (!large) return;
    let live = true;
    void prepareDocumentsInSlices(sources, documents, nextTaskTurn, () => live).then((p) => {
      if (p && live) setSliced({ prepared: p, of: documents });
    });
    return () => {
      live = false;
    };
  }, [large, sources, documents]);
  return now ? { prepared: now, listing: false } : { prepared: sliced.prepared, listing: sliced.of !== documents };
}
/**
 * Whether the prepared list's filter keys are made (always, when `wanted` is false); when they are
 * wanted and not made, they are made in slices of a few milliseconds after the render (a survey's
 * first filter lower-cased a million titles in one task).
 */
function useFilterKeys(prepared: PreparedDocuments, wanted: boolean): boolean {
  const [madeFor, setMadeFor] = useState<PreparedDocuments | null>(null);
  const ready = !wanted || madeFor === prepared || filterKeysMade(prepared);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void makeFilterKeysInSlices(prepared, nextTaskTurn, () => live).then((done) => {
      if (done && live) setMadeFor(prepared);
    });
    return () => {
      live = false;
    };
  }, [ready, prepared]);
  return ready;
}

const rowKey = (r: ListRow) => (r.kind === 'source' ? `s:${r.group.source.id}` : `d:${r.doc.id}`);

/**
 * Sources → documents in one virtualised list (only the rows near the view are in the DOM), with
 * a title filter and collapsible sources. Sorting and lower-casing happen once per documents
 * list; a filter keystroke is one `includes` pass. The list is one tab stop (a roving tabindex):
 * ArrowUp/ArrowDown move between rows, Home/End jump, ArrowLeft/ArrowRight collapse and expand
 * (ArrowLeft on a document goes to its source), Enter/Space open or toggle.
 */
export function DocumentList({ sources, documents, currentId, onOpen }: Props) {
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(NONE);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const { prepared, listing } = usePreparedDocuments(sources, documents);
  const keysReady = useFilterKeys(prepared, deferredFilter.trim() !== '' && documents.length >= PREPARE_IN_SLICES_FROM);
  // (typing on narrows the last result rather than checking every title again)
  const lastFiltered = useRef<FilteredDocuments | undefined>(undefined);
  const groups = useMemo(() => {
    // (a survey's first filter: the whole list until the titles are lower-cased, in slices)
    const filtered = filterPreparedFrom(prepared, keysReady ? deferredFilter : '', lastFiltered.current);
    lastFiltered.current = filtered;
    return filtered.groups;
  }, [prepared, deferredFilter, keysReady]);
  const layout = useMemo(() => layoutRows(groups, collapsed), [groups, collapsed]);
  const matching = useMemo(() => groups.reduce((n, g) => n + g.documents.length, 0), [groups]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  // Rows are ROW_HEIGHT high and source headers HEADER_HEIGHT, so the rows in view follow from the
  // scroll position alone (app/fixedRows.ts: no object per row, whatever the count). Rows scrolled
  // to stop below the pinned source header.
  const rowsLayout = useMemo<FixedRows>(
    () => ({ count: layout.count, rowHeight: ROW_HEIGHT, tall: { at: layout.headers, height: HEADER_HEIGHT }, offset: 0, coverTop: HEADER_HEIGHT, coverBottom: 0, overscan: 8 }),
    [layout],
  );
  const { first: firstShown, last: lastShown, scrollTop, scrollTo } = useFixedRows(scrollRef, rowsLayout, 600);

  const toggle = useCallback((sourceId: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(sourceId)) next.add(sourceId);
      return next;
    });
  }, []);

  // A new filter shows the current document if it matches, else the top of the list.
  const filterShown = useRef(deferredFilter);
  useEffect(() => {
    if (filterShown.current === deferredFilter) return;
    filterShown.current = deferredFilter;
    const index = currentId ? layout.indexOfDocument(currentId) : -1;
    if (index >= 0) scrollTo(index, 'center');
    else scrollRef.current?.scrollTo({ top: 0 });
  }, [deferredFilter, currentId, layout, scrollTo]);

  // When the current document changes (opened here, from search, ...), expand its source if
  // needed, scroll it into view and make it the list's tab stop.
  const pendingReveal = useRef<string | null>(null);
  useEffect(() => {
    pendingReveal.current = currentId;
    if (currentId) setActiveKey(`d:${currentId}`);
  }, [currentId]);
  useEffect(() => {
    const id = pendingReveal.current;
    if (!id) return;
    const index = layout.indexOfDocument(id);
    if (index >= 0) {
      pendingReveal.current = null;
      scrollTo(index);
      return;
    }
    const hidden = groups.find((g) => collapsed.has(g.source.id) && g.documents.indexOf(id) >= 0);
    if (hidden) toggle(hidden.source.id);
  }, [currentId, layout, groups, collapsed, toggle, scrollTo]);

  // Move focus to the row the keyboard chose, once it is rendered.
  const focusPending = useRef<number | null>(null);
  useEffect(() => {
    const want = focusPending.current;
    if (want === null) return;
    const el = rowsRef.current?.querySelector<HTMLElement>(`[data-index="${want}"]`);
    if (el) {
      focusPending.current = null;
      el.focus();
    }
  });

  const moveTo = (index: number) => {
    const to = Math.max(0, Math.min(layout.count - 1, index));
    setActiveKey(rowKey(layout.rowAt(to)));
    focusPending.current = to;
    scrollTo(to);
    const el = rowsRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`);
    if (el) {
      focusPending.current = null;
      el.focus();
    }
  };

  // A row focused by the mouse (or the tab stop) becomes the tab stop.
  const onFocusRow = (e: FocusEvent<HTMLDivElement>) => {
    const index = e.target instanceof HTMLElement ? Number(e.target.dataset.index ?? -1) : -1;
    if (index >= 0 && index < layout.count) setActiveKey(rowKey(layout.rowAt(index)));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target;
    if (!(target instanceof HTMLElement) || target.dataset.index === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const from = Number(target.dataset.index);
    if (!(from >= 0 && from < layout.count)) return;
    const row = layout.rowAt(from);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    let to: number | null = null;
    if (e.key === 'ArrowDown') to = from + 1;
    else if (e.key === 'ArrowUp') to = from - 1;
    else if (e.key === 'PageDown') to = from + page;
    else if (e.key === 'PageUp') to = from - page;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = layout.count - 1;
    else if (e.key === 'ArrowLeft') {
      if (row.kind === 'document') to = layout.indexOfSource(row.group.source.id);
      else if (row.expanded) {
        e.preventDefault();
        toggle(row.group.source.id);
        return;
      }
    } else if (e.key === 'ArrowRight' && row.kind === 'source' && !row.expanded) {
      e.preventDefault();
      toggle(row.group.source.id);
      return;
    }
    if (to === null) return;
    e.preventDefault();
    moveTo(to);
  };

  // The rendered rows, in runs per source so each run sits in its source's <section>.
  const rows: ListRow[] = [];
  for (let i = firstShown; i < lastShown; i++) rows.push(layout.rowAt(i));
  const keys = rows.map(rowKey);
  const tabStop = activeKey !== null && keys.includes(activeKey) ? activeKey : (keys[0] ?? null);
  const sections: ReactNode[] = [];
  for (let i = 0; i < rows.length; ) {
    const group = rows[i]!.group;
    let header: ReactNode = null;
    const docs: ReactNode[] = [];
    for (; i < rows.length && rows[i]!.group === group; i++) {
      const r = rows[i]!;
      const tabbable = keys[i] === tabStop;
      if (r.kind === 'source') {
        header = <SourceHeader key="h" group={group} index={r.index} expanded={r.expanded} tabbable={tabbable} onToggle={toggle} />;
      } else {
        docs.push(
          <DocumentRow
            key={r.doc.id}
            id={r.doc.id}
            title={r.doc.title}
            index={r.index}
            position={r.position}
            setSize={group.documents.length}
            current={r.doc.id === currentId}
            tabbable={tabbable}
            onOpen={onOpen}
          />,
        );
      }
    }
    sections.push(
      <section key={group.source.id} className="source-group" aria-label={`${group.source.name} (${group.source.kind})`}>
        {header}
        {docs.length > 0 && <ul className="source-group__docs">{docs}</ul>}
      </section>,
    );
  }
  // (the rows drawn are [firstShown, lastShown), lastShown never past the list's end)
  const padding = rows.length > 0 ? { paddingTop: rowStart(rowsLayout, firstShown), paddingBottom: Math.max(0, totalHeight(rowsLayout) - rowStart(rowsLayout, lastShown)) } : { paddingTop: 0, paddingBottom: 0 };

  // The source the view is inside, pinned at the top once its header has scrolled away: the row at
  // the top of the view (none when the view is past the rows' end).
  const atTop = rows.length > 0 ? rowAt(rowsLayout, scrollTop) : -1;
  const topIndex = atTop >= 0 && rowStart(rowsLayout, atTop) + rowHeightOf(rowsLayout, atTop) > scrollTop ? atTop : -1;
  const pinned = topIndex >= 0 && scrollTop > 0 && (rowStart(rowsLayout, topIndex) < scrollTop || !layout.isHeader(topIndex)) ? layout.rowAt(topIndex).group : undefined;
  const collapseFromPin = (sourceId: string) => {
    const index = layout.indexOfSource(sourceId);
    toggle(sourceId);
    if (index >= 0) scrollTo(index, 'start');
  };

  const filtering = deferredFilter.trim() !== '';
  return (
    <nav className="document-list" aria-label="Sources and documents">
      <h2 className="pane-title">Sources</h2>
      <label className="visually-hidden" htmlFor="document-filter">
        Filter documents by title
      </label>
      <input id="document-filter" type="search" placeholder="Filter documents…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="document-list__count" aria-live="polite">
        {documents.length === 0
          ? ''
          : !filtering
            ? `${documents.length.toLocaleString('en-GB')} documents`
            : keysReady
              ? `${matching.toLocaleString('en-GB')} of ${documents.length.toLocaleString('en-GB')} documents match`
              : `Filtering ${documents.length.toLocaleString('en-GB')} documents…`}
      </p>
      {groups.length === 0 ? (
        <p className="empty">{documents.length === 0 ? 'This project has no documents yet.' : listing ? `Listing ${documents.length.toLocaleString('en-GB')} documents…` : 'No documents match.'}</p>
      ) : (
        <div ref={scrollRef} className="document-list__scroll">
          {pinned && <PinnedHeader group={pinned} onCollapse={collapseFromPin} />}
          <div ref={rowsRef} className="document-list__rows" style={padding} onKeyDown={onKeyDown} onFocus={onFocusRow}>
            {sections}
          </div>
        </div>
      )}
    </nav>
  );
}
