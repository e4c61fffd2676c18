import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { openProjectDatasets, surveyTableIds, type ChorusDb } from '../db/api';

/** How long after a survey table appears (the project opened, an import committed) before it is opened, at the earliest. */
const SETTLE_MS = 1000;
/** The latest it is opened if the window never goes idle. */
const IDLE_TIMEOUT_MS = 5000;

type Idle = { request: (run: () => void) => number; cancel: (handle: number) => void };
const idle: Idle =
  typeof requestIdleCallback === 'function'
    ? { request: (run) => requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }), cancel: (h) => cancelIdleCallback(h) }
    : { request: (run) => window.setTimeout(run, 0), cancel: (h) => window.clearTimeout(h) };

/** Between slices of the lists: back to the event loop, so a key pressed meanwhile is handled at once. */
const pause = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * Opens the project's survey tables (their dataset records: record ids, participants, answer
 * lengths) in this window once it is idle, after the project opens and after each import, so the
 * first coding of a session costs what the later ones do: a command on a survey answer needs its
 * table's record, and reading it at 100,000 rows holds the main thread for ~80 ms. Their document
 * and participant lists are made then too, a slice at a time, so opening the Code workspace does
 * not make 300,000 objects in one go.
 */
export function useSurveyTablesOpened(db: ChorusDb, projectId: string): void {
  const ids = useLiveQuery(() => surveyTableIds(db, projectId).then((list) => list.join(' ')), [db, projectId]);
  useEffect(() => {
    if (!ids) return;
    let handle: number | undefined;
    const settle = window.setTimeout(() => {
      handle = idle.request(() => {
        handle = undefined;
        // (a failure here — a locked project, a store closed meanwhile — is met again, with its message, by the command that needs the table)
        openProjectDatasets(db, projectId, pause).catch(() => undefined);
      });
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(settle);
      if (handle !== undefined) idle.cancel(handle);
    };
  }, [db, projectId, ids]);
}

/** The hook as a component, for a place that has the project but is not itself one (the workbench shell). */
export function OpenSurveyTables({ db, projectId }: { db: ChorusDb; projectId: string }): null {
  useSurveyTablesOpened(db, projectId);
  return null;
}
