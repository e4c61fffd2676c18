import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { closeProjectDatasets, openProjectDatasets, surveyTableIds, type ChorusDb, type IdleTime } from '../db/api';

/** How long after a survey table appears (the project opened, an import committed) before it is opened, at the earliest. */
const SETTLE_MS = 1000;
/** The latest it is opened if the window never goes idle. */
const IDLE_TIMEOUT_MS = 5000;

/** The next stretch of idle time (requestIdleCallback; where there is none, a zero-delay timer with a fixed budget). */
function nextIdle(timeout = IDLE_TIMEOUT_MS): { promise: Promise<IdleTime>; cancel: () => void } {
  let cancel = () => {};
  const promise = new Promise<IdleTime>((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      const h = requestIdleCallback((deadline) => resolve(deadline), { timeout });
      cancel = () => cancelIdleCallback(h);
    } else {
      const h = window.setTimeout(() => {
        const end = performance.now() + 8;
        resolve({ timeRemaining: () => Math.max(0, end - performance.now()) });
      }, 0);
      cancel = () => window.clearTimeout(h);
    }
  });
  return { promise, cancel };
}

/**
 * Opens the project's survey tables (their dataset records: record ids, participants, answer
 * lengths) in this window once it is idle, after the project opens and after each import, so the
 * first coding of a session costs what the later ones do: a command on a survey answer needs its
 * table's record, and reading it at 100,000 rows holds the main thread for ~80 ms. Their document
 * and participant lists are made then too, a slice at a time, so opening the Code workspace does
 * not make 300,000 objects in one go. When the project is closed they are let go.
 */
export function useSurveyTablesOpened(db: ChorusDb, projectId: string): void {
  const ids = useLiveQuery(() => surveyTableIds(db, projectId).then((list) => list.join(' ')), [db, projectId]);
  useEffect(() => {
    if (!ids) return;
    let stopped = false;
    let pending: (() => void) | undefined;
    // (the lists' slices wait for idle time, each stretch used until a few ms are left; a stretch
    // never comes after the effect is cleaned up, so the work stops with the project)
    const idle = () => {
      if (stopped) return new Promise<IdleTime>(() => {});
      const next = nextIdle();
      pending = next.cancel;
      return next.promise;
    };
    const settle = window.setTimeout(() => {
      // (a failure here — a locked project, a store closed meanwhile — is met again, with its message, by what needs the table)
      void idle()
        .then(() => openProjectDatasets(db, projectId, idle))
        .catch(() => undefined);
    }, SETTLE_MS);
    return () => {
      stopped = true;
      window.clearTimeout(settle);
      pending?.();
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
