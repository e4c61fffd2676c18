import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../shared/error-message';

export interface WorkerResult<T> {
  result: T | null;
  busy: boolean;
  error: string | null;
}

/**
 * Run `compute` whenever `key` changes (null = nothing to run), keeping only the latest answer:
 * a slow earlier run never overwrites a newer one. The previous result stays visible while busy.
 */
export function useWorkerResult<T>(key: string | null, compute: () => Promise<T>): WorkerResult<T> {
  const [state, setState] = useState<WorkerResult<T>>({ result: null, busy: false, error: null });
  const latest = useRef(0);
  const computeRef = useRef(compute);
  computeRef.current = compute;
  useEffect(() => {
    if (key === null) {
      setState({ result: null, busy: false, error: null });
      return;
    }
    const run = ++latest.current;
    setState((s) => ({ ...s, busy: true, error: null }));
    computeRef.current().then(
      (result) => {
        if (run === latest.current) setState({ result, busy: false, error: null });
      },
      (e: unknown) => {
        if (run === latest.current) setState({ result: null, busy: false, error: errorMessage(e) });
      },
    );
  }, [key]);
  return state;
}
