import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/dbContext';
import { countOpenSafeguardFlags } from '../../db/api';

/** The number of flags waiting for review, beside the Safeguarding tab (nothing when there are none). */
export function SafeguardBadge({ projectId }: { projectId: string }) {
  const db = useDb();
  const open = useLiveQuery(() => countOpenSafeguardFlags(db, projectId), [db, projectId]) ?? 0;
  if (open === 0) return null;
  return (
    <span className="nav-badge" data-testid="safeguarding-badge">
      {open.toLocaleString('en-GB')}
      <span className="visually-hidden"> open {open === 1 ? 'flag' : 'flags'}</span>
    </span>
  );
}
