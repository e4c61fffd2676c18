/** d3 renderers of chart specs (shared/report/chart-spec.ts). */
export { renderChart, chartToSvgString, type RenderOptions } from './render';
export { Chart, type ChartProps } from './Chart';
export type { ChartThemeName } from './theme';
