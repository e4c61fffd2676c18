import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { actionGroup, actionLabel, auditCsv, countsText, filterAudit } from '../../../shared/audit/log';
import { safeFileName } from '../../../shared/export/file-name';
import { errorMessage } from '../../../shared/error-message';
import { execute, listAudit } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import { getPlatform } from '../../platform';
import './audit.css';

/** Row height (px), equal to the CSS, so the virtual list needs no measuring. */
const ROW = 30;

const GROUP_NAMES: Record<string, string> = {
  import: 'Imports',
  project: 'Projects (open, merge, rename, delete)',
  export: 'Exports',
  code: 'Codebook',
  codebook: 'Codebook imports',
  coding: 'Coding',
  memo: 'Memos',
  coder: 'Coders',
  consensus: 'Consensus decisions',
  assignment: 'Assignments',
  history: 'Undo and redo',
  retraction: 'Retractions',
};

/**
 * The project's audit log (append-only; ids, counts and who — never content): a virtualised table
 * of time, who, action and counts, filtered by action and day, exported as formula-neutral CSV
 * (the export itself is recorded).
 */
export function AuditLogDialog({ projectId, projectName, onClose }: { projectId: string; projectName: string; onClose: () => void }) {
  const db = useDb();
  const all = useLiveQuery(() => listAudit(db, projectId), [db, projectId]);
  const [group, setGroup] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState('');
  const groups = useMemo(() => [...new Set((all ?? []).map((a) => actionGroup(a.action)))].sort(), [all]);
  // newest first
  const shown = useMemo(() => filterAudit(all ?? [], { groups: group ? [group] : [], from: from || undefined, to: to || undefined }).reverse(), [all, group, from, to]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const exportCsv = async () => {
    try {
      const name = `${safeFileName(`${projectName} audit log`, 'audit log')}.csv`;
      if (!(await getPlatform().saveFile(name, new TextEncoder().encode(auditCsv([...shown].reverse())), 'text/csv;charset=utf-8'))) return;
      await execute(db, projectId, { type: 'recordExport', kind: 'audit', format: 'csv', counts: { rows: shown.length } });
      setStatus(`Exported ${shown.length.toLocaleString('en-GB')} entries as “${name}”.`);
    } catch (e) {
      setStatus(`The audit log was not exported: ${errorMessage(e)}`);
    }
  };

  return (
    <Modal title="Audit log" onClose={onClose}>
      <p className="hint">Every import, redaction, deletion, export, merge and coder change on this project, with who did it — ids and counts only, never content. Entries cannot be changed or removed.</p>
      <div className="audit-filters">
        <label>
          Action
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">All actions</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {GROUP_NAMES[g] ?? g}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" onClick={() => void exportCsv()} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {all === undefined ? 'Loading…' : `${shown.length.toLocaleString('en-GB')} of ${all.length.toLocaleString('en-GB')} entries, newest first.`}
      </p>
      <div className="audit-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label="Audit entries">
        <table className="audit-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true" style={{ height: before }}>
                <td colSpan={4} />
              </tr>
            )}
            {items.map((it) => {
              const a = shown[it.index]!;
              return (
                <tr key={a.id} aria-rowindex={it.index + 2} style={{ height: ROW }}>
                  <td>
                    <time dateTime={a.at}>{new Date(a.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </td>
                  <td>
                    <bdi>{a.actor}</bdi>
                  </td>
                  <td title={a.action}>{actionLabel(a.action)}</td>
                  <td title={countsText(a.counts)}>{countsText(a.counts)}</td>
                </tr>
              );
            })}
            {after > 0 && (
              <tr aria-hidden="true" style={{ height: after }}>
                <td colSpan={4} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p role="status" className="hint">
        {status}
      </p>
      <div className="modal__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
