/**
 * The Coders panel: each coder and the sources they were asked to code. In an assigned source a
 * coder's silence means "code absent" when agreement follows the assignments; without assignments
 * agreement counts every document for every coder (as NVivo does).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { execute, listAssignments, listCoders, listDocuments, listSources } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { Modal } from '../../app/Modal';
import { errorMessage } from '../../../shared/error-message';

export function CodersPanel({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const db = useDb();
  // (two queries: ticking an assignment re-reads the assignments, not the count of every document, 875,000 in a large survey)
  const lists = useLiveQuery(async () => {
    const [coders, sources, assignments] = await Promise.all([listCoders(db, projectId), listSources(db, projectId), listAssignments(db, projectId)]);
    return { coders, sources, assignments };
  }, [db, projectId]);
  const perSource = useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const d of await listDocuments(db, projectId)) counts.set(d.sourceId, (counts.get(d.sourceId) ?? 0) + 1);
    return counts;
  }, [db, projectId]);
  const data = lists && perSource ? { ...lists, perSource } : undefined;
  const [status, setStatus] = useState('');

  const toggle = (coderId: string, coderName: string, sourceId: string, sourceName: string, assigned: boolean) =>
    execute(db, projectId, { type: 'setAssignment', coderId, scope: 'source', targetId: sourceId, assigned }).then(
      () => setStatus(assigned ? `${coderName} is now asked to code ${sourceName}.` : `${coderName} is no longer asked to code ${sourceName}.`),
      (e: unknown) => setStatus(errorMessage(e)),
    );

  return (
    <Modal title="Coders and what each was asked to code" onClose={onClose}>
      <p className="coders-panel__about">
        For reliability, tick the sources each coder was asked to code. When the Agreement screen follows the assignments, a coder’s silence in an assigned
        document means “code absent”, and documents they were not given are left out for them. With no assignments, every document counts for every coder and
        silence means “not coded”, as in NVivo.
      </p>
      {!data && <p>Loading…</p>}
      {data && data.sources.length === 0 && <p>This project has no sources yet: import some data first.</p>}
      {data &&
        data.sources.length > 0 &&
        data.coders.map((c) => {
          const mine = data.assignments.filter((a) => a.coderId === c.id);
          const singles = mine.filter((a) => a.scope === 'document').length;
          return (
            <fieldset key={c.id} className="coders-panel__coder">
              <legend>
                <span className="coder-dot coder-dot--panel" style={{ backgroundColor: c.colour }} aria-hidden="true" />
                {c.name}: asked to code
              </legend>
              {data.sources.map((s) => {
                const on = mine.some((a) => a.scope === 'source' && a.targetId === s.id);
                const n = data.perSource.get(s.id) ?? 0;
                return (
                  <label key={s.id} className="coders-panel__source">
                    <input type="checkbox" checked={on} onChange={(e) => void toggle(c.id, c.name, s.id, s.name, e.target.checked)} />
                    {s.name} ({n.toLocaleString('en-GB')} {n === 1 ? 'document' : 'documents'})
                  </label>
                );
              })}
              {singles > 0 && (
                <p className="coders-panel__singles">
                  And {singles} single {singles === 1 ? 'document' : 'documents'} (assigned in an imported project).
                </p>
              )}
            </fieldset>
          );
        })}
      <p className="coders-panel__status" role="status" aria-live="polite">
        {status}
      </p>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
