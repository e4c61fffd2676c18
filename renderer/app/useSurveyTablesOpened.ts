import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { nextTask } from '../platform/next-task';
import { closeProjectDatasets, makeListsInSlices, openProjectDatasets, surveyTableIds, type ChorusDb, type IdleTime } from '../db/api';

/**
 * How long after a survey table appears (the project opened, an import committed) before it is
 * opened, at the earliest: none, beyond waiting for idle time (the first coding may come a second
 * after the import, and must not wait for the read).
 */
const SETTLE_MS = 0;
/** The latest it is opened if the window never goes idle. */
const IDLE_TIMEOUT_MS = 5000;

/** Main-thread time given to making the lists per task (ms): short enough that a key pressed meanwhile waits no longer. */
const SLICE_BUDGET_MS = 6;

/** Idle time (requestIdleCallback; where there is none, a zero-delay timer). */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(h);
  }
  const h = window.setTimeout(run, 0);
  return () => window.clearTimeout(h);
}

/** A task of its own, soon (nextTask), with SLICE_BUDGET_MS of time to use. */
function nextSlice(run: (time: IdleTime) => void): () => void {
  return nextTask(() => {
    const end = performance.now() + SLICE_BUDGET_MS;
    run({ timeRemaining: () => Math.max(0, end - performance.now()) });
  });
}

// a list of a survey's answers or participants (listDocuments, listParticipants: the search and
// quote panels' lists) is made in such slices, not in one task
makeListsInSlices(() => new Promise<IdleTime>((resolve) => void nextSlice(resolve)));

/**
 * Opens the project's survey tables (their dataset records: record ids, participants, answer
 * lengths) in this window once it is idle, after the project opens and after each import, so the
 * first coding of a session costs what the later ones do: a command on a survey answer needs its
 * table's record, and reading it at 100,000 rows holds the main thread for ~80 ms. Their document
 * and participant lists are not made ahead: the Code workspace lists a table's answers as places
 * (listDocumentView), and a workspace that asks for the lists has them made in short tasks then.
 * When the project is closed the tables are let go.
 */
export function useSurveyTablesOpened(db: ChorusDb, projectId: string): void {
  const ids = useLiveQuery(() => surveyTableIds(db, projectId).then((list) => list.join(' ')), [db, projectId]);
  useEffect(() => {
    if (!ids) return;
    let stopped = false;
    let cancel = () => {};
    // (the record is read in idle time, its pieces opened in short tasks of their own; none comes
    // after the effect is cleaned up, so the work stops with the project)
    const settle = window.setTimeout(() => {
      cancel = whenIdle(() => {
        // (a failure here — a locked project, a store closed meanwhile — is met again, with its message, by what needs the table)
        if (!stopped) openProjectDatasets(db, projectId).catch(() => undefined);
      });
    }, SETTLE_MS);
    return () => {
      stopped = true;
      window.clearTimeout(settle);
      cancel();
    };
  }, [db, projectId, ids]);
  // (when the project is closed — another opened, or it is locked — its tables leave this window's memory)
  useEffect(() => () => closeProjectDatasets(db, projectId), [db, projectId]);
}

/** The hook as a component, for a place that has the project but is not itself one (the workbench shell). */
export function OpenSurveyTables({ db, projectId }: { db: ChorusDb; projectId: string }): null {
  useSurveyTablesOpened(db, projectId);
  return null;
}
