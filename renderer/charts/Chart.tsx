/** <Chart spec={spec} />: draws a chart spec with d3 into a div it owns, redrawing when the spec, theme or width changes. */
import { useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '../../shared/report/chart-spec';
import { renderChart } from './render';
import type { ChartThemeName } from './theme';

export interface ChartProps {
  spec: ChartSpec;
  /** Drawing width; default the container's width (at least 480), or 800 when it has none (e.g. jsdom). */
  width?: number;
  theme?: ChartThemeName;
  className?: string;
  /** Marks with a ref become focusable buttons (see RenderOptions.interactive). */
  interactive?: boolean;
}

export function Chart({ spec, width, theme, className, interactive }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || width !== undefined || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setMeasured((prev) => (prev !== null && Math.abs(prev - w) < 16 ? prev : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    renderChart(spec, el, { width: width ?? (measured ? Math.max(480, measured) : 800), theme, interactive });
  }, [spec, width, theme, measured, interactive]);

  return <div ref={ref} className={className ?? 'chart'} data-testid="chart" />;
}
