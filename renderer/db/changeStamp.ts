import type { ChorusDb } from './schema';
import { latestCodingChange } from './coding-journal';

/**
 * A cheap fingerprint of a project's data for views too large for a live query over every row
 * (the survey grid at 100,000 responses: Dexie's live queries track each row read, which costs
 * seconds at that size). Observe this with useLiveQuery — counts watch index ranges, not rows —
 * and re-read the big tables with plain reads when it changes. Every undoable step (coding,
 * codebook edit, undo, redo) adds or flips a history entry, so `lastStep`/`undone` move with them;
 * imports and deletions move the counts.
 */
export interface ProjectStamp {
  /** Documents and participants stored one by one; survey tables are counted as datasets (written once, never changed). */
  documents: number;
  participants: number;
  datasets: number;
  codes: number;
  /** The newest change to any coding (coding-journal.ts: the journal's newest entry): counting a project's codings cost seconds at a million. */
  codings: number;
  /** Sequence number of the newest undoable step (0 if none): grows with every step, even at the history limit. */
  lastStep: number;
  undone: number;
  /** Retractions marked and confirmed (a mark hides data; a confirmation purges it and scrubs history). */
  retractions: number;
}

export async function projectChangeStamp(db: ChorusDb, projectId: string): Promise<ProjectStamp> {
  const [documents, participants, datasets, codes, codings, last, undone, retractions] = await Promise.all([
    db.documents.where('projectId').equals(projectId).count(),
    db.participants.where('projectId').equals(projectId).count(),
    db.datasets.where('projectId').equals(projectId).count(),
    db.codes.where('projectId').equals(projectId).count(),
    latestCodingChange(db),
    db.history.where('projectId').equals(projectId).last(),
    db.history.where('[projectId+undone]').equals([projectId, 1]).count(),
    db.retractions.where('projectId').equals(projectId).toArray(),
  ]);
  // pending and confirmed weigh differently, so confirming one moves the stamp
  const r = retractions.reduce((n, x) => n + (x.status === 'pending' ? 1 : 1000), 0);
  return { documents, participants, datasets, codes, codings, lastStep: last?.seq ?? 0, undone, retractions: r };
}
