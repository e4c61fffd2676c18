/**
 * The Code view ("Retrieved segments"): every segment coded with a code (and optionally its
 * subcategories), or every segment behind an analysis cell, with its context, document, source,
 * participant attributes and coder; filter by attribute value, source kind, coder and candidate
 * quotes; sort; export as CSV/XLSX; star a segment as a candidate quote. The list lives in the
 * analysis worker and only the rows in view are fetched and drawn.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Quote } from '../../../shared/model';
import type { SegmentQuery } from '../../../shared/evidence/segments';
import type { SegmentRow } from '../../../shared/evidence/view';
import { SEGMENT_SORTS, type SegmentSortKey, type SegmentView } from '../../../shared/evidence/view-options';
import { tableFileName } from '../../../shared/export/file-name';
import { errorMessage } from '../../../shared/error-message';
import { Modal } from '../../app/Modal';
import { useDb } from '../../app/dbContext';
import { execute, listQuotes } from '../../db/api';
import { ConfirmedMarker } from './ConfirmedMarker';
import { ConfirmQuoteOnDemand as ConfirmQuote } from './ConfirmQuoteOnDemand';
import { getPlatform } from '../../platform';
import { analysisClient } from '../../workers/analysis-client';
import { useRevision } from '../analysis/useRevision';
import { useSegmentList, type PageStore } from './useSegmentList';
import './evidence.css';

export interface CodeViewRequest {
  /** What the list is of, in words (a code's path, or an analysis cell). */
  title: string;
  query: SegmentQuery;
  /** Offer the "include subcategories" switch (a list opened from the codebook). */
  subcodesSwitch?: boolean;
}

interface Props {
  projectId: string;
  request: CodeViewRequest;
  /** Who stars a quote (the current coder). */
  coderId: string | null;
  onClose: () => void;
}

const SORT_LABELS: Record<(typeof SEGMENT_SORTS)[number], string> = {
  document: 'Document order',
  code: 'Code',
  source: 'Source',
  coder: 'Coder',
  participant: 'Participant',
  length: 'Length',
};
const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
/** Fixed row heights (no measuring while scrolling): a segment's text is clamped to two lines; with its context shown, the row grows and scrolls inside. */
const ROW_HEIGHT = 136;
const OPEN_HEIGHT = 300;

export function CodeView({ projectId, request, coderId, onClose }: Props) {
  const db = useDb();
  const revision = useRevision(db, projectId);
  const [subcodes, setSubcodes] = useState(request.query.subcodes !== false);
  const [attribute, setAttribute] = useState('');
  const [value, setValue] = useState('');
  const [sourceKind, setSourceKind] = useState('');
  const [coder, setCoder] = useState('');
  const [starredOnly, setStarredOnly] = useState(false);
  const [sort, setSort] = useState<SegmentSortKey>('document');
  const [descending, setDescending] = useState(false);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<{ quote: Quote; text: string } | null>(null);
  const quoteRows = useLiveQuery(() => listQuotes(db, projectId), [db, projectId]);
  const quotes = useMemo(() => new Map((quoteRows ?? []).map((q) => [q.id, q])), [quoteRows]);
  const onConfirm = useCallback((row: SegmentRow) => {
    const q = row.quoteId ? quotes.get(row.quoteId) : undefined;
    if (q) setConfirming({ quote: q, text: row.text });
  }, [quotes]);

  const query: SegmentQuery = request.subcodesSwitch ? { ...request.query, subcodes } : request.query;
  const view: SegmentView = {
    ...(attribute && value ? { attribute: { name: attribute, value } } : {}),
    ...(sourceKind ? { sourceKind } : {}),
    ...(coder ? { coderId: coder } : {}),
    ...(starredOnly ? { starredOnly } : {}),
    sort: { key: sort, descending },
  };
  const list = useSegmentList(projectId, revision, query, view);
  const total = list.info?.total ?? 0;
  const facets = list.info?.facets;
  const values = facets?.attributes.find((a) => a.name === attribute)?.values ?? [];

  const star = useCallback(async (row: SegmentRow) => {
    try {
      if (row.quoteId) {
        await execute(db, projectId, { type: 'unstarQuote', quoteId: row.quoteId });
        setStatus('Removed from the candidate quotes.');
      } else {
        if (!coderId) throw new Error('Choose who you are (the coder) before starring a quote.');
        await execute(db, projectId, { type: 'starQuote', documentId: row.documentId, start: row.start, end: row.end, codingId: row.codingId, coderId });
        setStatus('Starred as a candidate quote.');
      }
    } catch (e) {
      setStatus(errorMessage(e));
    }
  }, [db, projectId, coderId]);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (!list.info) return;
    try {
      const bytes = await analysisClient().exportSegments(list.info.listId, format, `Retrieved segments: ${request.title}`);
      const name = `${tableFileName(`Segments ${request.title}`, false)}.${format}`;
      setStatus((await getPlatform().saveFile(name, bytes, MIME[format])) ? `Exported ${name}.` : 'Export cancelled.');
    } catch (e) {
      setStatus(`The export failed: ${errorMessage(e)}`);
    }
  };

  return (
    <Modal title={`Retrieved segments: ${request.title}`} onClose={onClose}>
      <div className="code-view">
        <p className="code-view__count" role="status" aria-live="polite" data-testid="segment-count">
          {list.busy ? 'Finding the segments…' : list.error ? '' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'segment' : 'segments'}${list.info && list.info.selected !== total ? ` (of ${list.info.selected.toLocaleString('en-GB')} before filters)` : ''}`}
        </p>
        {list.error && (
          <p className="error" role="alert">
            {list.error}
          </p>
        )}
        <div className="code-view__filters" role="group" aria-label="Filter and sort the segments">
          {request.subcodesSwitch && (
            <label className="inline">
              <input type="checkbox" checked={subcodes} onChange={(e) => setSubcodes(e.target.checked)} /> Include subcategories
            </label>
          )}
          <label>
            Attribute
            <select
              value={attribute}
              onChange={(e) => {
                setAttribute(e.target.value);
                setValue('');
              }}
            >
              <option value="">Any</option>
              {facets?.attributes.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Value
            <select value={value} disabled={!attribute} onChange={(e) => setValue(e.target.value)}>
              <option value="">Any</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Source kind
            <select value={sourceKind} onChange={(e) => setSourceKind(e.target.value)}>
              <option value="">Any</option>
              {facets?.sourceKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Coder
            <select value={coder} onChange={(e) => setCoder(e.target.value)}>
              <option value="">Any</option>
              {facets?.coders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={starredOnly} onChange={(e) => setStarredOnly(e.target.checked)} /> Candidate quotes only
          </label>
          <label>
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as SegmentSortKey)}>
              {SEGMENT_SORTS.map((k) => (
                <option key={k} value={k}>
                  {SORT_LABELS[k]}
                </option>
              ))}
              {facets?.attributes.map((a) => (
                <option key={a.name} value={`attribute:${a.name}`}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={descending} onChange={(e) => setDescending(e.target.checked)} /> Reverse
          </label>
        </div>
        <div className="code-view__actions">
          <button type="button" disabled={!list.info || list.busy} onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" disabled={!list.info || list.busy} onClick={() => void exportAs('xlsx')}>
            Export XLSX
          </button>
        </div>
        {confirming && (
          <ConfirmQuote
            projectId={projectId}
            quote={confirming.quote}
            text={confirming.text}
            coderId={coderId}
            onCancel={() => setConfirming(null)}
            onDone={(m) => (setConfirming(null), setStatus(m))}
          />
        )}
        <SegmentListView total={total} listId={list.info?.listId ?? 0} pages={list.pages} rowAt={list.row} empty={!!list.info && total === 0} onStar={star} projectId={projectId} quotes={quotes} onConfirm={onConfirm} onStatus={setStatus} />
        <p className="status" role="status" aria-live="polite">
          {status}
        </p>
        <div className="modal__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}

interface ListProps {
  total: number;
  /** Changes with every new list (opened rows close). */
  listId: number;
  /** Pages arrived so far: the list (only) redraws when one arrives. */
  pages: PageStore;
  rowAt: (i: number) => SegmentRow | undefined;
  empty: boolean;
  onStar: (row: SegmentRow) => Promise<void>;
  projectId: string;
  /** The project's candidate quotes by id (whether each is confirmed for publication). */
  quotes: ReadonlyMap<string, Quote>;
  onConfirm: (row: SegmentRow) => void;
  onStatus: (message: string) => void;
}

/** The virtualised list on its own, so scrolling re-renders only the rows in view (not the filters). */
const SegmentListView = memo(function SegmentListView({ total, listId, pages, rowAt, empty, onStar, projectId, quotes, onConfirm, onStatus }: ListProps) {
  useSyncExternalStore(pages.subscribe, pages.version);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (open.has(i) ? OPEN_HEIGHT : ROW_HEIGHT),
    overscan: 2,
    initialRect: { width: 800, height: 500 },
    useFlushSync: false,
  });
  useEffect(() => setOpen(new Set()), [listId]);
  // heights changed (a row opened or closed): the virtualiser re-reads estimateSize
  useEffect(() => virtualizer.measure(), [open, virtualizer]);
  const toggleContext = useCallback((i: number) => {
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  }, []);
  return (
        <div ref={scrollRef} className="code-view__scroll" tabIndex={0} role="region" aria-label="Segments">
          <ul className="code-view__list" aria-label="Segments" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  className="segment"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  aria-setsize={total}
                  aria-posinset={item.index + 1}
                >
                  {row ? <SegmentItem row={row} index={item.index} expanded={open.has(item.index)} onContext={toggleContext} onStar={onStar} projectId={projectId} quote={row.quoteId ? quotes.get(row.quoteId) : undefined} onConfirm={onConfirm} onStatus={onStatus} /> : <span className="hint">Loading…</span>}
                </li>
              );
            })}
          </ul>
          {empty && <p className="empty">No segments match.</p>}
        </div>
  );
});

interface ItemProps {
  row: SegmentRow;
  index: number;
  expanded: boolean;
  onContext: (index: number) => void;
  onStar: (row: SegmentRow) => Promise<void>;
  projectId: string;
  quote: Quote | undefined;
  onConfirm: (row: SegmentRow) => void;
  onStatus: (message: string) => void;
}

const SegmentItem = memo(function SegmentItem({ row, index, expanded, onContext, onStar, projectId, quote, onConfirm, onStatus }: ItemProps) {
  const starred = row.quoteId !== null;
  return (
    <article className={expanded ? 'segment__body segment__body--open' : 'segment__body'} data-coding-id={row.codingId} aria-label={`Segment from ${row.document}`}>
      <div className="segment__head">
        <button type="button" className={starred ? 'star star--on' : 'star'} aria-pressed={starred} title={starred ? 'Unstar: remove from the candidate quotes' : 'Star as a candidate quote'} onClick={() => void onStar(row)}>
          <span aria-hidden="true">{starred ? '★' : '☆'}</span>
          <span className="visually-hidden">Candidate quote</span>
        </button>
        <bdi className="segment__code">{row.code}</bdi>
        <span className="segment__meta">
          <bdi>{row.document}</bdi> · <bdi>{row.source}</bdi> ({row.sourceKind}){row.participant && <> · <bdi>{row.participant}</bdi></>}
          {row.speaker && (
            <>
              {' '}
              · speaker <bdi>{row.speaker}</bdi>
            </>
          )}{' '}
          · coded by <bdi>{row.coder || 'unknown'}</bdi>
        </span>
      </div>
      <p className="segment__text" tabIndex={expanded ? 0 : undefined}>
        {expanded && <span className="segment__context">{row.before}</span>}
        <mark>{row.text}</mark>
        {expanded && <span className="segment__context">{row.after}</span>}
        {expanded && !row.before && !row.after && <span className="segment__context"> (the whole text is coded: there is nothing around it)</span>}
      </p>
      <div className="segment__foot">
        {row.attributes.length > 0 && (
          <span className="segment__attrs">
            {row.attributes.map(([n, v]) => (
              <span key={n} className="attr">
                <bdi>{n}</bdi>: <bdi>{v}</bdi>
              </span>
            ))}
          </span>
        )}
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => onContext(index)}>
          {expanded ? 'Hide context' : 'Show context'}
        </button>
        {quote?.confirmedBy ? (
          <ConfirmedMarker projectId={projectId} quote={quote} onDone={onStatus} />
        ) : (
          quote && (
            <button type="button" className="link-button" onClick={() => onConfirm(row)}>
              Confirm for publication…
            </button>
          )
        )}
      </div>
    </article>
  );
});
