/**
 * Test-only browser module (bundled by the journey e2e and served from the app's origin): reads a
 * project back from the app's own store with the app's own reader (renderer/db exportBundle), and
 * dumps every IndexedDB object store raw, so the test can compute expected figures in Node and
 * search everything stored for personal data.
 */
import { exportBundle, listProjects, openChorusDb } from '../../../renderer/db';

async function bundle(projectName: string) {
  const db = await openChorusDb();
  try {
    const project = (await listProjects(db)).find((p) => p.name === projectName);
    if (!project) throw new Error(`no project named ${projectName}`);
    return await exportBundle(db, project.id);
  } finally {
    db.close();
  }
}

/** Every object store's rows as JSON text (typed arrays and bytes as plain arrays, so nothing hides in them). */
function dumpAll(): Promise<string> {
  return new Promise((resolve, reject) => {
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
  });
}

(globalThis as unknown as { __chorusStore: unknown }).__chorusStore = { bundle, dumpAll };
