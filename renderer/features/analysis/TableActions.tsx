/** The "For publication" switch and the CSV / XLSX export buttons shared by both workspaces. */
import { useState } from 'react';
import type { AnalysisTable } from '../../../shared/analysis';
import { exportTable } from './exportTable';
import { useDb } from '../../app/dbContext';
import { errorMessage } from '../../../shared/error-message';

export interface TableActionsProps {
  table: AnalysisTable | null;
  published: boolean;
  onPublished: (on: boolean) => void;
  threshold: number;
  onStatus: (message: string) => void;
  /** Hide the switch where no counts can be suppressed. */
  canPublish?: boolean;
  /** The project whose audit log records each export. */
  projectId?: string;
}

export function TableActions({ table, published, onPublished, threshold, onStatus, canPublish = true, projectId }: TableActionsProps) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    if (!table) return;
    setBusy(true);
    try {
      const name = await exportTable(table, format, published, projectId ? { db, projectId } : undefined);
      onStatus(name ? `Exported ${name}${published ? ' (for publication, small counts suppressed)' : ''}.` : 'Export cancelled.');
    } catch (e) {
      onStatus(`The export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="table-actions">
      {canPublish && (
        <label className="switch">
          <input type="checkbox" role="switch" checked={published} onChange={(e) => onPublished(e.target.checked)} />
          For publication (suppress counts below {threshold})
        </label>
      )}
      <button type="button" disabled={!table || busy} onClick={() => void run('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={!table || busy} onClick={() => void run('xlsx')}>
        Export XLSX
      </button>
    </div>
  );
}
