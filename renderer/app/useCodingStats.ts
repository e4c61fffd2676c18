import { useEffect, useState } from 'react';
import type { ChorusDb } from '../db/api';
import type { CodeCountMaps } from '../features/codebook/countsText';
import { useRevision } from '../features/analysis/useRevision';
import { codeCountsAt } from '../workers/counts-client';

const NO_COUNTS: CodeCountMaps = { own: new Map(), rolled: new Map() };

/**
 * Project-wide figures for the Code workspace, live: the codebook's counts, read and counted in a
 * worker of their own once per data revision (./workers/counts-client.ts), so the main thread never reads or counts every coding of
 * the project (100,000 codings took seconds there) and nothing but a change to the data (a new
 * revision) counts again: opening a dialog or the Code view does not. The counts of the previous
 * revision stay shown until the new ones arrive. Keys 1–9 follow shared/coding/quick-keys.ts.
 */
export function useCodingStats(db: ChorusDb, projectId: string): { counts: CodeCountMaps } {
  const revision = useRevision(db, projectId);
  const [counts, setCounts] = useState<{ projectId: string; counts: CodeCountMaps } | null>(null);
  useEffect(() => {
    if (revision === undefined) return;
    let live = true;
    codeCountsAt(db.name, projectId, revision).then(
        (c) => live && setCounts({ projectId, counts: c }),
        () => undefined, // a failed count leaves the last ones shown; the next revision tries again
      );
    return () => {
      live = false;
    };
  }, [db, projectId, revision]);
  return { counts: counts?.projectId === projectId ? counts.counts : NO_COUNTS };
}
