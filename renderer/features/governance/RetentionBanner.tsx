import { useLiveQuery } from 'dexie-react-hooks';
import { listVisibleSources, type ChorusDb } from '../../db/api';
import { dueForDeletion } from '../../../shared/governance/retraction';
import './governance.css';

/** Shown on opening a project that holds data past its retention date. */
export function RetentionBanner({ db, projectId, onReview }: { db: ChorusDb; projectId: string; onReview: () => void }) {
  const overdue = useLiveQuery(async () => dueForDeletion(await listVisibleSources(db, projectId), new Date().toISOString().slice(0, 10), 0).filter((s) => s.state === 'overdue'), [db, projectId]);
  if (!overdue?.length) return null;
  return (
    <p className="retention-banner" role="alert">
      <strong>Data past its retention date:</strong> {overdue.length === 1 ? `“${overdue[0]!.name}” was` : `${overdue.length} sources were`} due for secure
      deletion on {overdue[0]!.retainUntil}.
      <button type="button" onClick={onReview}>
        Review in Data governance
      </button>
    </p>
  );
}
