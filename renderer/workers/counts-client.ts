/**
 * The codebook's counts, off the main thread: counted in a worker started for them and stopped once
 * it has answered every count asked of it. A worker at rest keeps the garbage of its last job (V8
 * does not collect an idle worker): at a million codings a count's reads left about 150 MB of it,
 * held for as long as the project was open. Stopping the worker gives all of it back; the next
 * count starts one again (a few tens of milliseconds). The counts of the last revision asked for
 * are kept here, so coming back to the Code workspace counts nothing again.
 */
import type { CodeCountMaps } from '../../shared/coding/counts';
import type { CountsReply, CountsRequest } from './counts-core';
import { workerService, type Service } from './rpc';
import { withKey } from './worker-key';

export type CountsService = Service<CountsRequest, CountsReply>;

export function createCountsService(): CountsService {
  return workerService(() => withKey(new Worker(new URL('./counts.worker.ts', import.meta.url), { type: 'module' })));
}

let shared: CountsService | null = null;
const countsService = () => (shared ??= createCountsService());

/** The last count asked for, by store, project and revision. */
let last: { key: string; counts: Promise<CodeCountMaps> } | null = null;

/** The codebook's counts of a project at a revision (one count per revision; a failed one is tried again when next asked). */
export function codeCountsAt(dbName: string, projectId: string, revision: string, service: CountsService = countsService()): Promise<CodeCountMaps> {
  const key = JSON.stringify([dbName, projectId, revision]);
  if (last?.key === key) return last.counts;
  const counts = service.call({ dbName, projectId }).then((reply) => {
    if (!reply.ok) throw new Error(reply.message);
    return reply.counts;
  });
  const asked = { key, counts };
  last = asked;
  // (stopped once every count asked of it is answered: its memory goes with it)
  void counts.then(
    () => service.release(),
    () => {
      service.release();
      if (last === asked) last = null;
    },
  );
  return counts;
}
