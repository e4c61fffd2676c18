/** The Import workspace's pre-flight check: the chosen files as the capacity estimator sees them, checked against what the browser says is free. */
import { checkCapacity, type CapacityContext, type CapacityFile, type CapacityReport } from '../../../shared/import/capacity';
import { readCapacityContext } from '../../platform/storage';
import type { Entry } from './FileCard';

/** A chosen file's size and kind, and for a mapped table its rows and free-text columns. */
export function capacityFile(e: Pick<Entry, 'name' | 'kind' | 'info' | 'table' | 'draft'>): CapacityFile {
  const text = e.draft ? Object.values(e.draft.roles).filter((r) => r === 'text').length : undefined;
  return {
    name: e.name,
    bytes: e.info?.bytes ?? 0,
    kind: e.kind,
    ...(e.table ? { rows: e.table.rowCount, columns: e.table.columns.length } : {}),
    ...(text !== undefined && text > 0 ? { textColumns: text } : {}),
  };
}

/**
 * Will these files fit? `read` gives the storage and memory figures (navigator.storage.estimate and
 * friends unless a test passes its own); `project`, the documents and codings the project has already.
 */
export async function preflight(entries: readonly Pick<Entry, 'name' | 'kind' | 'info' | 'table' | 'draft'>[], read: () => Promise<CapacityContext> = readCapacityContext, project?: { documents: number; codings: number }): Promise<CapacityReport> {
  const ctx = await read();
  return checkCapacity(entries.map(capacityFile), project === undefined ? ctx : { ...ctx, projectDocuments: project.documents, projectCodings: project.codings });
}
