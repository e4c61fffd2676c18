/** The chart of an analysis result, with a choice of view where there are several (e.g. heatmap or network). */
import { useMemo, useState } from 'react';
import type { AnalysisTable } from '../../../shared/analysis';
import type { MatrixMeasure } from '../../../shared/analysis/measure';
import type { ValueRef } from '../../../shared/report/chart-spec';
import { errorMessage } from '../../../shared/error-message';
import { ChartFigure } from '../charts/ChartFigure';
import { CHART_VIEWS, chartFor, type ChartView } from './chartFor';

export interface ChartPanelProps {
  /** The result as shown (after publication control, if on). */
  table: AnalysisTable;
  measure: MatrixMeasure;
  onStatus?: (message: string) => void;
  /** Open the segments behind a mark: the row index and column key of `table` its count came from. */
  onOpenMark?: (ref: ValueRef) => void;
}

export function ChartPanel({ table, measure, onStatus, onOpenMark }: ChartPanelProps) {
  const views = CHART_VIEWS[table.kind] ?? [];
  const [view, setView] = useState<ChartView>('default');
  const [codeId, setCodeId] = useState<string>('');
  const codes = useMemo(() => (table.kind === 'frequencies' ? table.rows.map((r) => ({ id: String(r.codeId), label: String(r.path ?? r.code) })) : []), [table]);
  const { spec, error } = useMemo(() => {
    try {
      return { spec: chartFor(table, measure, { view, codeId: codeId || undefined }), error: null };
    } catch (e) {
      return { spec: null, error: errorMessage(e) };
    }
  }, [table, measure, view, codeId]);
  return (
    <>
      {views.length > 1 && (
        <div className="chart-views">
          <label>
            Chart
            <select value={view} onChange={(e) => setView(e.target.value as ChartView)}>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          {view === 'icons' && codes.length > 0 && (
            <label>
              Code
              <select value={codeId} onChange={(e) => setCodeId(e.target.value)}>
                <option value="">The code most participants mentioned</option>
                {codes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {spec && <ChartFigure spec={spec} className="chart analyse__chart" onStatus={onStatus} onOpenMark={onOpenMark} />}
      {error && <p className="hint">The chart could not be drawn: {error}</p>}
    </>
  );
}
