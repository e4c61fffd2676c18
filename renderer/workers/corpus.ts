/**
 * Loading a project's texts and codings inside a worker. Texts are cached per project and
 * reloaded only when its documents change (one added or removed, or a length changed by a
 * redaction); codes and codings are read fresh each time, the codings as columns (their digest).
 */
import { getDocumentTexts, listCodes, listDocuments, listParticipants, listSources, openChorusDb, type ChorusDb } from '../db';
import { readCodingColumns } from '../db/coding-journal';
import { CodingIndex } from '../../shared/coding/coding-index';
import type { DocumentMeta } from '../../shared/model';
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

/**
 * The same documents, in the same order, each the same length (what a loaded corpus's texts depend
 * on). Compared in place: a 500,000-response survey's list as one "id:length" text was a 40 MB
 * string made on every search.
 */
function sameDocuments(a: readonly DocumentMeta[], b: readonly DocumentMeta[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.length !== y.length)) return false;
  }
  return true;
}

export function corpusLoader(): (db: ChorusDb, projectId: string) => Promise<Corpus> {
  let cache: { db: ChorusDb; projectId: string; metas: DocumentMeta[]; documents: Corpus['documents'] } | null = null;
  return async (db, projectId) => {
    const metas = await listDocuments(db, projectId);
    if (!cache || cache.db !== db || cache.projectId !== projectId || !sameDocuments(cache.metas, metas)) {
      const texts = await getDocumentTexts(db, metas.map((m) => m.id));
      const documents = metas.map((m, i) => ({ ...m, text: texts[i]! }));
      cache = { db, projectId, metas, documents };
    }
    const [sources, participants, codes, read] = await Promise.all([
      listSources(db, projectId),
      listParticipants(db, projectId),
      listCodes(db, projectId),
      readCodingColumns(db, projectId),
    ]);
    // the codings as columns (no object per coding); a retracted document's stay, as its text is not searched
    const codings = new CodingIndex(read.digest);
    codings.apply(projectId, read.changes);
    return { documents: cache.documents, sources, participants, codes, codings };
  };
}
