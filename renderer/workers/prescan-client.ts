/**
 * Starts the scan ahead of a CSV in its own worker (./prescan.worker.ts) for the import session:
 * its messages feed a PreScanResults; stopping it terminates the worker (it is busy in one
 * synchronous read, so a message could not reach it), and so does its end.
 */
import { PreScanResults, type PreScanMessage } from '../../shared/import/pre-scan';
import type { ParseTableOptions } from '../../shared/import/csv-stream';
import type { PreScan } from './import-session';

export function startPreScan(
  file: Blob,
  settings: ParseTableOptions,
  start: () => Worker = () => new Worker(new URL('./prescan.worker.ts', import.meta.url), { type: 'module' }),
): PreScan {
  const results = new PreScanResults();
  const worker = start();
  const end = (m: PreScanMessage) => {
    results.accept(m);
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<PreScanMessage>) => (e.data.type === 'done' || e.data.type === 'error' ? end(e.data) : results.accept(e.data));
  worker.onerror = (e) => end({ type: 'error', message: e.message || 'the scan ahead stopped' });
  worker.postMessage({ file, settings });
  return { results, stop: () => end({ type: 'error', message: 'stopped' }) };
}
