/** Start the survey grid worker (./grid.worker.ts), once per window, and warm it. */
import type { GridReply, GridRequest } from './grid-core';
import { workerService, type Service } from './rpc';
import { withKey } from './worker-key';

export type GridService = Service<GridRequest, GridReply>;

export function createGridService(): GridService {
  return workerService(() => withKey(new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module' })));
}

let shared: GridService | null = null;
/** The one grid worker: kept between visits, so coming back to the grid needs no re-read. */
export function gridService(): GridService {
  shared ??= createGridService();
  return shared;
}

/**
 * From this many responses, leaving the Survey grid gives its worker's memory back (at 500,000
 * responses about 150 MB of heap, and the memory of its reads): coming back reads the survey
 * again (about 2 s at 500,000). A smaller survey's worker is kept, so coming back is instant.
 */
export const RELEASE_FROM = 50_000;

/** The grid has been left, showing a survey of `total` responses (Infinity: left before its size was known). */
export function leaveGrid(total: number, service: GridService = gridService()): void {
  if (total >= RELEASE_FROM) service.release();
}

/** Start the grid worker ahead of its first use (its code loads while the user is busy elsewhere). */
export function startGridWorker(service: GridService = gridService()): void {
  service.start();
}

/** What a project change stamp says to the grid: re-read the rows when `sizeKey` changes, the codings when `stepKey` does. */
export interface GridKeys {
  sizeKey: string;
  stepKey: string;
}

export function gridKeys(stamp: { documents: number; participants: number; datasets: number; retractions: number; codings: number; lastStep: number; undone: number }): GridKeys {
  const sizeKey = `${stamp.documents}:${stamp.participants}:${stamp.datasets}:${stamp.retractions}`;
  return { sizeKey, stepKey: `${stamp.codings}:${stamp.lastStep}:${stamp.undone}:${sizeKey}` };
}

/** The grid's first view: every response in file order, no filter. */
export const FIRST_SORT = { key: 'row', dir: 'asc' } as const;

/**
 * Have the grid worker read a project's survey now (after an import, while the user reads the
 * summary), so opening the grid shows its rows without waiting for the read. Nothing is shown.
 */
export function warmGrid(dbName: string, projectId: string, keys: GridKeys, service: GridService = gridService()): Promise<void> {
  return service.call({ kind: 'view', dbName, projectId, ...keys, sort: { ...FIRST_SORT }, filters: {}, window: { from: 0, to: 0 } }).then(() => undefined);
}
