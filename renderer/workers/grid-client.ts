/** Start the survey grid worker (./grid.worker.ts). */
import type { GridReply, GridRequest } from './grid-core';
import { workerService, type Service } from './rpc';
import { withKey } from './worker-key';

export type GridService = Service<GridRequest, GridReply>;

export function createGridService(): GridService {
  return workerService(() => withKey(new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module' })));
}
