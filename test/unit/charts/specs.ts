/** Fixed specs, one per chart kind, built by the pure builders from the hand-made analysis results (for the golden SVGs). */
import { forPublication } from '../../../shared/analysis';
import {
  agreementBars,
  codebookTreemap,
  codeIconArray,
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  frequencyChart,
  matrixHeatmap,
  proportionIconArray,
  sentimentBars,
  timeLines,
  type ChartSpec,
} from '../../../shared/report';
import { agreementReport, cooccurrenceTable, frequencies, matrix, sentimentTableFixture, timeTable } from '../../fixtures/charts/tables';

export const GOLDEN_SPECS: Record<string, () => ChartSpec> = {
  'ranked-bar': () => frequencyChart(frequencies(), { order: 'ranked', title: 'Contact was the most common theme' }),
  'grouped-bar': () => agreementBars(agreementReport()),
  'stacked-bar': () => sentimentBars(forPublication(sentimentTableFixture(), 10)),
  heatmap: () => matrixHeatmap(forPublication(matrix(), 10)),
  hierarchy: () => codebookTreemap(frequencies()),
  'hierarchy-suppressed': () => codebookTreemap(forPublication(frequencies(), 10)),
  line: () => timeLines(timeTable(), { title: 'Delay grew in February' }),
  network: () => cooccurrenceNetwork(cooccurrenceTable()),
  'network-suppressed': () => cooccurrenceNetwork(forPublication(cooccurrenceTable(), 5)),
  'icon-array': () => codeIconArray(frequencies(), { codeId: 'C2' }),
  'icon-array-suppressed': () => codeIconArray(forPublication(frequencies(), 10), { codeId: 'C1' }),
  'icon-array-100': () => proportionIconArray({ count: 12, base: 301, people: 'participants', what: 'mentioned waiting for updates', threshold: 10, title: 'Few mentioned waiting for updates' }),
  'cooccurrence-heatmap': () => cooccurrenceHeatmap(cooccurrenceTable()),
};
