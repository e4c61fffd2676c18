/**
 * A chart with what every chart offers: Save as SVG, Save as PNG, and "Show the data" (its data
 * table, the text alternative to the picture). Used wherever the app draws a chart.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ChartSpec, ValueRef } from '../../../shared/report/chart-spec';
import { chartDataTable } from '../../../shared/report/chart-table';
import { errorMessage } from '../../../shared/error-message';
import { Chart } from '../../charts';
import { ChartDataTable } from './ChartDataTable';
import { saveChart, type ChartFormat } from './saveChart';
import './charts.css';

export interface ChartFigureProps {
  spec: ChartSpec;
  className?: string;
  /** Where to report saves; default a status line under the chart. */
  onStatus?: (message: string) => void;
  /** Open what is behind a mark (click, Enter or Space); when given, marks with a ref are buttons. */
  onOpenMark?: (ref: ValueRef) => void;
}

/** The table cell a mark names (data-row/data-key, set by the renderer on marks with a ref). */
export function markRefOf(target: EventTarget | null): ValueRef | null {
  const el = target instanceof Element ? target.closest('[data-row][data-key]') : null;
  const row = Number(el?.getAttribute('data-row'));
  const key = el?.getAttribute('data-key');
  return el && key && Number.isInteger(row) && row >= 0 ? { row, key } : null;
}

export function ChartFigure({ spec, className, onStatus, onOpenMark }: ChartFigureProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState('');
  const tableId = useId();
  const table = useMemo(() => (open ? chartDataTable(spec) : null), [open, spec]);
  const report = onStatus ?? setOwn;
  // one listener on the figure for every mark (the drawing itself stays free of the app)
  const figure = useRef<HTMLElement>(null);
  const open_ = useRef(onOpenMark);
  open_.current = onOpenMark;
  const interactive = onOpenMark !== undefined;
  useEffect(() => {
    const el = figure.current;
    if (!el || !interactive) return;
    const fire = (e: Event) => {
      const ref = markRefOf(e.target);
      if (!ref) return;
      e.preventDefault();
      open_.current?.(ref);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') fire(e);
    };
    el.addEventListener('click', fire);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('click', fire);
      el.removeEventListener('keydown', onKey);
    };
  }, [interactive]);
  const save = async (format: ChartFormat) => {
    setBusy(true);
    try {
      const name = await saveChart(spec, format);
      report(name ? `Saved ${name}.` : 'Save cancelled.');
    } catch (e) {
      report(`The chart could not be saved: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <figure className="chart-figure" ref={figure}>
      <Chart spec={spec} className={className} interactive={interactive} />
      <div className="chart-actions" role="group" aria-label="Chart">
        <button type="button" disabled={busy} onClick={() => void save('svg')}>
          Save as SVG
        </button>
        <button type="button" disabled={busy} onClick={() => void save('png')}>
          Save as PNG
        </button>
        <button type="button" aria-expanded={open} aria-controls={open ? tableId : undefined} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide the data' : 'Show the data'}
        </button>
      </div>
      {table && <ChartDataTable table={table} id={tableId} />}
      {!onStatus && (
        <p className="chart-status" role="status">
          {own}
        </p>
      )}
    </figure>
  );
}
