/**
 * Starts the scan ahead of a CSV in its own worker (./prescan.worker.ts) for the import session:
 * its messages feed a PreScanResults. Stopping it terminates the worker, which yields between
 * slices and so stops at once; `keep` leaves what arrived usable (as far as `through`), else the
 * results are void. Its end (done or failed) terminates it too.
 */
import { PreScanResults, type PreScanMessage } from '../../shared/import/pre-scan';
import type { TableLayout } from '../../shared/import/csv-stream';
import type { PreScan } from './import-session';

/** The part of a Worker the scan ahead uses (a stand-in in tests). */
export type PreScanWorker = Pick<Worker, 'postMessage' | 'terminate'> & { onmessage: ((e: MessageEvent<PreScanMessage>) => void) | null; onerror: ((e: ErrorEvent) => void) | null };

export function startPreScan(
  file: Blob,
  layout: TableLayout,
  start: () => PreScanWorker = () => new Worker(new URL('./prescan.worker.ts', import.meta.url), { type: 'module' }),
): PreScan {
  const results = new PreScanResults();
  const worker = start();
  const end = (m: PreScanMessage) => {
    results.accept(m);
    worker.terminate();
  };
  worker.onmessage = (e) => (e.data.type === 'done' || e.data.type === 'error' ? end(e.data) : results.accept(e.data));
  worker.onerror = (e) => end({ type: 'error', message: e.message || 'the scan ahead stopped' });
  worker.postMessage({ file, layout });
  return { results, stop: (keep = false) => end(keep ? { type: 'done' } : { type: 'error', message: 'stopped' }) };
}
