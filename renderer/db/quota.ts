/**
 * The store ran out of room part-way through a write: IndexedDB refuses it with a
 * QuotaExceededError (the origin's quota, or the disk, is full), and the transaction aborts, so
 * everything it wrote is rolled back. Dexie hands the error on as itself, as the `inner` of an
 * AbortError or among a BulkError's failures; this finds it and says so in words.
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(readonly what: string) {
    super(
      `The store ran out of space part-way through ${what} (this computer's disk, or the space the browser allows Chorus, is full); everything written was rolled back, so the project is as it was. Free some space (delete projects you no longer need, or files on this disk) and try again.`,
    );
  }
}

/** Whether an error from Dexie or IndexedDB is (or wraps) a QuotaExceededError. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (depth > 5 || e === null || typeof e !== 'object') return false;
  const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; code?: unknown };
  // (a DOMException's legacy code 22 is QUOTA_EXCEEDED_ERR)
  if (x.name === 'QuotaExceededError' || x.name === 'NS_ERROR_DOM_QUOTA_REACHED' || (x.name !== undefined && x.code === 22 && typeof DOMException !== 'undefined' && e instanceof DOMException)) return true;
  if (isQuotaError(x.inner, depth + 1) || isQuotaError(x.cause, depth + 1)) return true;
  if (Array.isArray(x.failures)) return x.failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Run a write; a quota error from it becomes a StorageFullError naming what was being written. */
export async function explainQuota<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(what);
    throw e;
  }
}
