/** Export a table as CSV or XLSX through the platform's save dialog (encoded in the analysis worker). */
import type { AnalysisTable } from '../../../shared/analysis';
import { getPlatform } from '../../platform';
import { analysisClient } from '../../workers/analysis-client';
import { tableFileName } from '../../../shared/export/file-name';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Returns the file name offered, or null if the user cancelled. */
export async function exportTable(table: AnalysisTable, format: 'csv' | 'xlsx', published: boolean): Promise<string | null> {
  const bytes = await analysisClient().encode(table, format);
  const name = `${tableFileName(table.title, published)}.${format}`;
  return (await getPlatform().saveFile(name, bytes, MIME[format])) ? name : null;
}
