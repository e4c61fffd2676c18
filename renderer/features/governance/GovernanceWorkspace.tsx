import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { listRetractions } from '../../db/api';
import { getPlatform } from '../../platform';
import { reasonsCsv, reasonsOverTime } from '../../../shared/governance/retraction';
import { safeFileName } from '../../../shared/export/file-name';
import { RetractionPanel } from './RetractionPanel';
import { RetentionPanel } from './RetentionPanel';
import { fewerThan } from '../../../shared/privacy/suppress';
import './governance.css';

/** Data governance (framework Stage 4): retraction, retention, and the reasons for retraction over time. */
export function GovernanceWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const { coder } = useCoder(db, project.id);
  const coderName = coder?.name ?? 'unnamed coder';
  const [status, setStatus] = useState('');
  const [published, setPublished] = useState(false);
  const records = useLiveQuery(() => listRetractions(db, project.id), [db, project.id]) ?? [];
  const threshold = project.settings.disclosureThreshold ?? 10;
  const report = reasonsOverTime(records, published ? threshold : 0);
  const today = new Date().toISOString().slice(0, 10);

  const exportCsv = async () => {
    const name = `${safeFileName(`${project.name} retractions by reason`)}${published ? ' (for publication)' : ''}.csv`;
    if (await getPlatform().saveFile(name, new TextEncoder().encode(reasonsCsv(report, threshold)), 'text/csv')) setStatus(`Exported “${name}”.`);
  };

  return (
    <main className="governance" id="document-area" tabIndex={-1} aria-labelledby="governance-title">
      <h1 id="governance-title" className="visually-hidden">
        Data governance
      </h1>
      <p className="governance__status" role="status">
        {status}
      </p>
      <RetractionPanel db={db} project={project} coderName={coderName} onStatus={setStatus} />
      <RetentionPanel db={db} project={project} coderName={coderName} today={today} onStatus={setStatus} />
      <section className="governance__section" aria-labelledby="reasons-title">
        <h2 id="reasons-title">Reasons for retraction over time</h2>
        <p className="governance__hint">Confirmed retractions and deletions per month, by reason — to understand why people withdraw.</p>
        <label className="governance__check">
          <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} /> For publication (counts from 1 to {threshold - 1}{' '}
          suppressed)
        </label>
        {report.months.length === 0 ? (
          <p>No retractions have been confirmed.</p>
        ) : (
          <table className="governance__table">
            <caption className="visually-hidden">Confirmed retractions per month and reason</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {report.reasons.map((r) => (
                  <th key={r} scope="col">
                    {r}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.months.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{m}</th>
                  {report.counts[i]!.map((n, j) => (
                    <td key={j}>{n === null ? fewerThan(threshold) : n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" onClick={() => void exportCsv()} disabled={report.months.length === 0}>
          Export CSV
        </button>
      </section>
    </main>
  );
}
