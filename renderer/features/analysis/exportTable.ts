/** Export a table as CSV or XLSX through the platform's save dialog (encoded in the analysis worker). */
import type { AnalysisTable } from '../../../shared/analysis';
import { getPlatform } from '../../platform';
import { analysisClient } from '../../workers/analysis-client';
import { tableFileName } from '../../../shared/export/file-name';
import { execute, type ChorusDb } from '../../db/api';

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Returns the file name offered, or null if the user cancelled. A saved export is recorded in the
 * project's audit log (`recordExport`: format and row count, never the table's content).
 */
export async function exportTable(table: AnalysisTable, format: 'csv' | 'xlsx', published: boolean, audit?: { db: ChorusDb; projectId: string }): Promise<string | null> {
  const bytes = await analysisClient().encode(table, format);
  const name = `${tableFileName(table.title, published)}.${format}`;
  if (!(await getPlatform().saveFile(name, bytes, MIME[format]))) return null;
  if (audit) await execute(audit.db, audit.projectId, { type: 'recordExport', kind: 'table', format, counts: { rows: table.rows.length, published: published ? 1 : 0 } });
  return name;
}
