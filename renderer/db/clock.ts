/**
 * The store's clock: ISO times that never repeat or go back within this tab or window, so the
 * audit log's order by time is the order things happened (and two saves of one memo in quick
 * succession never share an `updatedAt`, which the version check relies on).
 */
let last = 0;

export function monotonicNow(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
