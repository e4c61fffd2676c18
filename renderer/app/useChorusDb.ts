import { useEffect, useState } from 'react';
import { ensureDemoProject, openChorusDb, type ChorusDb } from '../db/api';

export type DbState =
  | { status: 'loading' }
  | { status: 'ready'; db: ChorusDb }
  | { status: 'error'; error: unknown };

/** Open the store once and make sure the demo project exists. */
export function useChorusDb(open: () => Promise<ChorusDb> = () => openChorusDb()): DbState {
  const [state, setState] = useState<DbState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: ChorusDb | undefined;
    (async () => {
      try {
        opened = await open();
        // StrictMode mounts twice: a cancelled first mount must not create the demo as well.
        if (cancelled) return opened.close();
        await ensureDemoProject(opened);
        if (!cancelled) setState({ status: 'ready', db: opened });
      } catch (error) {
        if (!cancelled) setState({ status: 'error', error });
      }
    })();
    return () => {
      cancelled = true;
      opened?.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open once per mount
  }, []);
  return state;
}
