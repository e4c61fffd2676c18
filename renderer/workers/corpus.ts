/**
 * Loading a project's texts and codings inside a worker. Texts are cached per project and
 * reloaded only when the set of documents changes; codes and codings are read fresh each time.
 */
import { getDocumentTexts, listCodes, listCodings, listDocuments, listParticipants, listSources, openChorusDb, type ChorusDb } from '../db';
import type { Corpus } from './search-core';

/** The store by name, opened once per worker. */
export function storeOpener(): (name: string) => Promise<ChorusDb> {
  const open = new Map<string, Promise<ChorusDb>>();
  return (name) => {
    let p = open.get(name);
    if (!p) {
      p = openChorusDb(name);
      p.catch(() => open.delete(name));
      open.set(name, p);
    }
    return p;
  };
}

export function corpusLoader(): (db: ChorusDb, projectId: string) => Promise<Corpus> {
  let cache: { db: ChorusDb; projectId: string; key: string; documents: Corpus['documents'] } | null = null;
  return async (db, projectId) => {
    const metas = await listDocuments(db, projectId);
    const key = metas.map((d) => `${d.id}:${d.length}`).join(',');
    if (!cache || cache.db !== db || cache.projectId !== projectId || cache.key !== key) {
      const texts = await getDocumentTexts(db, metas.map((m) => m.id));
      const documents = metas.map((m, i) => ({ ...m, text: texts[i]! }));
      cache = { db, projectId, key, documents };
    }
    const [sources, participants, codes, codings] = await Promise.all([
      listSources(db, projectId),
      listParticipants(db, projectId),
      listCodes(db, projectId),
      listCodings(db, { projectId }),
    ]);
    return { documents: cache.documents, sources, participants, codes, codings };
  };
}
