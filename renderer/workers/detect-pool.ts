/**
 * A pool of personal-data detectors behind one PiiDetector: detection workers
 * (./detect.worker.ts), one per core beside the import worker's, which reads, builds and holds the
 * rows meanwhile (it scanning a share itself was measured slower: it is the busier thread; again
 * on 2026-12-05, prepare 1.76 → 2.1 s at 100,000 rows in Chromium). Each
 * call goes to the member with the fewest texts outstanding; replies come back per call, so the
 * import settles its chunks in order.
 */
import type { PiiDetector } from '../../shared/import/pii-scan';
import { workerService, type Service } from './rpc';
import type { DetectReply, DetectRequest } from './detect-protocol';

export interface DetectPool {
  detect: PiiDetector;
  /** Stop every worker; calls still waiting are rejected. */
  dispose(): void;
}

/** Detection workers to start beside the import worker: one per further core (at least one), at most three. */
export function detectWorkerCount(cores: number | undefined): number {
  const n = Math.floor(cores ?? 2) || 2;
  return Math.max(1, Math.min(3, n - 1));
}

/** A pool over these members (tests pass in-process services). */
export function createDetectPool(services: readonly Service<DetectRequest, DetectReply>[]): DetectPool {
  if (services.length === 0) throw new Error('A detection pool needs at least one member');
  const members = services.map((service) => ({ service, load: 0 }));
  return {
    async detect(texts, allowList) {
      if (texts.length === 0) return [];
      let m = members[0]!;
      for (const x of members) if (x.load < m.load) m = x;
      m.load += texts.length;
      try {
        const reply = await m.service.call({ texts, ...(allowList?.length ? { allowList } : {}) });
        if ('error' in reply) throw new Error(`The personal-data scan failed: ${reply.error}`);
        if (reply.found.length !== texts.length) throw new Error(`The personal-data scan returned ${reply.found.length} results for ${texts.length} texts`);
        return reply.found;
      } finally {
        m.load -= texts.length;
      }
    },
    dispose() {
      for (const m of members) m.service.dispose();
    },
  };
}

/** `detectWorkerCount(cores)` workers made by `start` (the app's module worker by default; the import bench passes its own bundle's). */
export function startDetectPool(
  cores = globalThis.navigator?.hardwareConcurrency,
  start: () => Worker = () => new Worker(new URL('./detect.worker.ts', import.meta.url), { type: 'module' }),
): DetectPool {
  const workers = Array.from({ length: detectWorkerCount(cores) }, () => workerService<DetectRequest, DetectReply>(start));
  return createDetectPool(workers);
}
