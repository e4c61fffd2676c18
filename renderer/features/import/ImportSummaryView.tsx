import type { PiiType } from '../../../shared/model';
import type { ImportSummary } from '../../workers/import-protocol';
import { piiLabel } from './labels';

/** The safeguarding check that follows an import: running, done (how many passages it flagged), or failed. */
export type SafeguardState = null | 'checking' | 'failed' | { flagged: number };

/** What was stored, and a way to start coding it. */
export function ImportSummaryView({ summary, safeguard = null, onOpenCode, onAgain }: { summary: ImportSummary; safeguard?: SafeguardState; onOpenCode: () => void; onAgain: () => void }) {
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
        {safeguard !== null && (
          <>
            <dt>Safeguarding</dt>
            <dd>
              <span className="import-safeguard" role="status" aria-busy={safeguard === 'checking'}>
              {safeguard === 'checking' ? (
                'Checking for possible disclosures of current risk…'
              ) : safeguard === 'failed' ? (
                'The safeguarding check could not run; passages are still flagged when they are opened for coding.'
              ) : safeguard.flagged === 0 ? (
                'No possible disclosures of current risk found'
              ) : (
                <>
                  {safeguard.flagged === 1 ? '1 passage' : `${safeguard.flagged.toLocaleString('en-GB')} passages`} flagged for safeguarding review — <a href="#/safeguarding">open the Safeguarding list</a>
                </>
              )}
              </span>
            </dd>
          </>
        )}
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
