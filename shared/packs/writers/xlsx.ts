/**
 * Every table of a pack as an XLSX workbook: one sheet per table, and an "About" sheet (what the
 * pack is, the disclosure rule, the method). Suppressed cells read "fewer than N" / "withheld".
 * Text is written as shared-string cells, which spreadsheets never evaluate (see shared/export/table.ts);
 * numbers as numbers.
 */
import { sheetsToXlsx } from '../../export/table';
import { fewerThan } from '../../privacy/suppress';
import type { ChartSpec } from '../../report/chart-spec';
import { chartDataTable } from '../../report/chart-table';
import type { PackDocument } from '../model';

const NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

function cellValue(text: string): string | number {
  return NUMBER.test(text) ? Number(text.replace(/,/g, '')) : text;
}

/** A chart's data as rows: its data table (shared with the app's table view and the packs' alt tables), figures as numbers, suppressed marks as words. */
export function chartRows(spec: ChartSpec): Array<Array<string | number | null>> {
  const t = chartDataTable(spec);
  return [t.headers, ...t.rows.map((r) => r.map(cellValue))];
}


export function packToXlsx(doc: PackDocument): Uint8Array {
  const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const charts = doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b.spec] : []));
  const method = doc.blocks.find((b, i) => b.kind === 'paragraph' && doc.blocks[i - 1]?.kind === 'heading' && /method|how we did/i.test((doc.blocks[i - 1] as { text: string }).text));
  const about: Array<Array<string | number | null>> = [
    ['Pack', doc.title],
    ['For', doc.subtitle],
    ['Produced', doc.generatedAt.slice(0, 10)],
    ['Disclosure', `Counts from 1 to ${Math.max(0, doc.disclosureThreshold - 1)} read “${fewerThan(doc.disclosureThreshold)}”; cells reading “withheld” are hidden so that small counts cannot be worked out from totals or percentages.`],
    ['Method', method && method.kind === 'paragraph' ? method.text : ''],
    ['Tables', tables.length === 0 ? 'This pack has no tables.' : tables.map((t) => t.title).join('; ')],
    ['Charts', charts.length === 0 ? 'This pack has no charts.' : `The data of each chart is on a sheet named “Chart: …”: ${charts.map((c) => c.title).join('; ')}`],
  ];
  return sheetsToXlsx([
    { name: 'About', rows: about },
    ...tables.map((t) => ({ name: t.title, rows: [[t.title], t.columns, ...t.rows.map((r) => r.map(cellValue)), [], ...t.notes.map((n) => [n])] })),
    ...charts.map((c) => ({ name: `Chart: ${c.title}`, rows: [[c.title], ...chartRows(c), [], [c.description], ...c.notes.map((n) => [n])] })),
  ]);
}
