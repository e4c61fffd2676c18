/**
 * Test-only browser module (bundled by the journey e2e and served from the app's origin): reads a
 * project back from the app's own store with the app's own reader (renderer/db exportBundle), so
 * the test can compute expected figures in Node. (The raw dump of every store is
 * test/e2e/indexeddb-dump.ts, which needs no hook.)
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

(globalThis as unknown as { __chorusStore: unknown }).__chorusStore = { bundle };
