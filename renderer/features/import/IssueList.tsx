import { useRef, useState } from 'react';
import type { ImportIssue } from '../../../shared/import/types';
import { issuesAsText } from './progress';

/** Copy with the Clipboard API, falling back to a selected textarea and execCommand('copy'). */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.hidden = false;
    fallback.value = text;
    fallback.select();
    const ok = document.execCommand?.('copy') ?? false;
    return ok;
  }
}

/** Problems with file, row, column and reason; copyable. */
export function IssueList({ title, issues, tone }: { title: string; issues: readonly ImportIssue[]; tone: 'error' | 'warning' }) {
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  if (issues.length === 0) return null;
  const shown = issues.slice(0, 200);
  return (
    <section className={`import-issues import-issues--${tone}`} aria-label={title}>
      <h3>
        {title} ({issues.length.toLocaleString('en-GB')})
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i, k) => (
            <tr key={k}>
              <td>{i.file}</td>
              <td>{i.row ?? ''}</td>
              <td>{i.column ?? ''}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > shown.length && <p className="muted">… and {issues.length - shown.length} more (all are copied).</p>}
      <button type="button" onClick={async () => setStatus((await copyText(issuesAsText(issues), area.current)) ? 'Copied to the clipboard.' : 'Select the text below and copy it.')}>
        Copy {tone === 'error' ? 'errors' : 'warnings'}
      </button>
      <span role="status" className="muted">
        {status}
      </span>
      <textarea ref={area} hidden readOnly aria-label={`${title} as text`} rows={4} />
    </section>
  );
}
