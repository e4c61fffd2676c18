import type { PiiType } from '../../../shared/model';
import type { ImportSummary } from '../../workers/import-protocol';
import { piiLabel } from './labels';

/** What was stored, and a way to start coding it. */
export function ImportSummaryView({ summary, onOpenCode, onAgain }: { summary: ImportSummary; onOpenCode: () => void; onAgain: () => void }) {
  const red = Object.entries(summary.redactions) as [PiiType, number][];
  return (
    <section className="import-summary" aria-labelledby="import-summary-h">
      <h2 id="import-summary-h">Import complete</h2>
      <dl>
        <dt>Files</dt>
        <dd>{summary.files.join(', ')}</dd>
        <dt>Documents</dt>
        <dd>{summary.documents.toLocaleString('en-GB')}</dd>
        <dt>Participants</dt>
        <dd>{summary.participants.toLocaleString('en-GB')}</dd>
        <dt>Empty answers skipped</dt>
        <dd>{summary.skippedEmpty.toLocaleString('en-GB')}</dd>
        <dt>Anonymised</dt>
        <dd>{red.length === 0 ? 'Nothing' : red.map(([t, n]) => piiLabel(t, n)).join(', ')}</dd>
      </dl>
      <div className="import-actions">
        <button type="button" className="primary" onClick={onOpenCode}>
          Open the Code workspace
        </button>
        <button type="button" onClick={onAgain}>
          Import more files
        </button>
      </div>
    </section>
  );
}
