/**
 * What the browser says about room for the store and memory (the import's pre-flight check,
 * shared/import/capacity.ts): navigator.storage.estimate() for the origin's quota and usage, and,
 * where Chromium (and so Electron) tells them, the heap limit and the device's memory. Any figure
 * the browser does not give is left out; the check then decides on what it has.
 */
import type { CapacityContext } from '../../shared/import/capacity';

/** The parts of window the figures come from (a stand-in in tests). */
export interface StorageEnv {
  navigator?: { storage?: { estimate?: () => Promise<StorageEstimate> }; deviceMemory?: number };
  performance?: { memory?: { jsHeapSizeLimit?: number } };
}

export async function readCapacityContext(env: StorageEnv = globalThis as unknown as StorageEnv): Promise<CapacityContext> {
  const ctx: CapacityContext = {};
  try {
    const e = await env.navigator?.storage?.estimate?.();
    if (e && typeof e.quota === 'number') ctx.quota = e.quota;
    if (e && typeof e.usage === 'number') ctx.usage = e.usage;
  } catch {
    // (some browsers refuse estimate() in private windows: the check goes on without it)
  }
  const heap = env.performance?.memory?.jsHeapSizeLimit;
  if (typeof heap === 'number' && heap > 0) ctx.heapLimit = heap;
  const device = env.navigator?.deviceMemory;
  if (typeof device === 'number' && device > 0) ctx.deviceMemoryGiB = device;
  return ctx;
}
