/**
 * Every object store of the app's IndexedDB database ('chorus'), read raw in the page (not through
 * the app's reader), as one JSON text: to prove what was or was not written, and to search
 * everything stored for personal data. Typed arrays and bytes become plain arrays of numbers, so
 * nothing hides in them.
 */
import type { Page } from 'playwright-core';

export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
