/**
 * The UI side of the import worker: one request at a time as a promise, with progress.
 * `terminate()` stops everything at once (used to cancel a scan, which cannot be interrupted).
 */
import type { Envelope, ImportReply, ImportRequest } from './import-protocol';
import { withKey } from './worker-key';

export type Progress = Extract<ImportReply, { type: 'progress' }>;
type Final = Exclude<ImportReply, Progress>;

export interface ImportClient {
  request(req: ImportRequest, onProgress?: (p: Progress) => void): Promise<Final>;
  /** Ask a running commit to stop (it rolls back). */
  cancel(): void;
  terminate(): void;
}

export function createImportClient(createWorker: () => Worker = () => withKey(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }))): ImportClient {
  const worker = createWorker();
  let next = 1;
  const pending = new Map<number, { resolve: (r: Final) => void; onProgress?: (p: Progress) => void }>();
  worker.onmessage = (e: MessageEvent<Envelope<ImportReply>>) => {
    const { reqId, ...reply } = e.data;
    const p = pending.get(reqId);
    if (!p) return;
    if (reply.type === 'progress') p.onProgress?.(reply as Progress);
    else {
      pending.delete(reqId);
      p.resolve(reply as Final);
    }
  };
  const failAll = (message: string) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.resolve({ type: 'error', message, issues: [] });
    }
  };
  worker.onerror = (e: ErrorEvent) => failAll(`The import worker failed: ${e.message || 'unknown error'}. Nothing was stored.`);
  return {
    request(req, onProgress) {
      const reqId = next++;
      return new Promise<Final>((resolve) => {
        pending.set(reqId, { resolve, onProgress });
        worker.postMessage({ ...req, reqId } satisfies Envelope<ImportRequest>);
      });
    },
    cancel() {
      worker.postMessage({ type: 'cancel', reqId: next++ } satisfies Envelope<ImportRequest>);
    },
    terminate() {
      worker.terminate();
      failAll('Stopped.');
    },
  };
}
