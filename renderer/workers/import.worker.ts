/**
 * Module worker for the Import workspace: holds the chosen files, parses, builds, scans and
 * commits them (./import-session.ts) so the UI thread only ever sees summaries and progress.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { openChorusDb, type ChorusDb } from '../db';
import type { Envelope, ImportReply, ImportRequest } from './import-protocol';
import { ImportSession } from './import-session';
import { errorMessage } from '../../shared/error-message';
import { receiveKey } from './worker-key';
import { startDetectPool, type DetectPool } from './detect-pool';
import { startPreScan } from './prescan-client';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

interface WorkerScope {
  onmessage: ((e: MessageEvent<Envelope<ImportRequest>>) => void) | null;
  postMessage(message: Envelope<ImportReply>): void;
}

const scope = self as unknown as WorkerScope;
let db: Promise<ChorusDb> | undefined;
// the personal-data scan spread over a pool of workers, started for a scan and kept for rescans
// until a commit starts (its workers' memory is let go before the commit's peak)
let pool: DetectPool | undefined;
const session = new ImportSession(() => (db ??= openChorusDb()), undefined, {
  detect: () => (pool ??= startDetectPool()).detect,
  releaseDetect: () => {
    pool?.dispose();
    pool = undefined;
  },
  preScan: startPreScan,
});

scope.onmessage = (e) => {
  const { reqId, ...req } = e.data;
  const post = (r: ImportReply) => scope.postMessage({ ...r, reqId });
  session.handle(req as ImportRequest, post).then(post, (err: unknown) => post({ type: 'error', message: errorMessage(err), issues: [] }));
};
