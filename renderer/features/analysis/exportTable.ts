/** Export a table as CSV or XLSX through the platform's save dialog (encoded in the analysis worker). */
import type { AnalysisTable } from '../../../shared/analysis';
import { getPlatform } from '../../platform';
import { analysisClient } from '../../workers/analysis-client';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A safe file name from a title: letters, digits and dashes. */
export function fileBaseName(title: string, published: boolean): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'table'}${published ? '-for-publication' : ''}`;
}

/** Returns the file name offered, or null if the user cancelled. */
export async function exportTable(table: AnalysisTable, format: 'csv' | 'xlsx', published: boolean): Promise<string | null> {
  const bytes = await analysisClient().encode(table, format);
  const name = `${fileBaseName(table.title, published)}.${format}`;
  return (await getPlatform().saveFile(name, bytes, MIME[format])) ? name : null;
}
