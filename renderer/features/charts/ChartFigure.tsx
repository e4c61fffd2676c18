/**
 * A chart with what every chart offers: Save as SVG, Save as PNG, and "Show the data" (its data
 * table, the text alternative to the picture). Used wherever the app draws a chart.
 */
import { useId, useMemo, useState } from 'react';
import type { ChartSpec } from '../../../shared/report/chart-spec';
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
}

export function ChartFigure({ spec, className, onStatus }: ChartFigureProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState('');
  const tableId = useId();
  const table = useMemo(() => (open ? chartDataTable(spec) : null), [open, spec]);
  const report = onStatus ?? setOwn;
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
    <figure className="chart-figure">
      <Chart spec={spec} className={className} />
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
