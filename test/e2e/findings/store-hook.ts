/**
 * Test-only browser module for the findings e2e: reads a project back with the app's own reader,
 * and stars a quote by writing a quote row as the Code view's starQuote command will (that command
 * is built on another branch; this is the fixture the brief allows until it is merged).
 */
import { exportBundle, getDocumentText, listDocuments, listProjects, openChorusDb } from '../../../renderer/db';

async function withProject<T>(projectName: string, f: (db: Awaited<ReturnType<typeof openChorusDb>>, projectId: string) => Promise<T>): Promise<T> {
  const db = await openChorusDb();
  try {
    const project = (await listProjects(db)).find((p) => p.name === projectName);
    if (!project) throw new Error(`no project named ${projectName}`);
    return await f(db, project.id);
  } finally {
    db.close();
  }
}

const bundle = (projectName: string) => withProject(projectName, (db, pid) => exportBundle(db, pid));

/** Star the first occurrence of `words` in the document titled `title` (the coder is the project's first). */
const starQuote = (projectName: string, title: string, words: string) =>
  withProject(projectName, async (db, pid) => {
    const doc = (await listDocuments(db, pid)).find((d) => d.title === title);
    if (!doc) throw new Error(`no document titled ${title}`);
    const start = (await getDocumentText(db, doc.id)).indexOf(words);
    if (start < 0) throw new Error(`“${words}” is not in ${title}`);
    const coder = await db.coders.where('projectId').equals(pid).first();
    await db.quotes.add({ id: crypto.randomUUID(), projectId: pid, documentId: doc.id, start, end: start + words.length, starredBy: coder!.id, at: new Date().toISOString(), note: '' });
  });

(globalThis as unknown as { __findingsStore: unknown }).__findingsStore = { bundle, starQuote };
