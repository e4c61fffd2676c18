/**
 * The per-document term-count cache (the `termCounts` table): filled lazily, one document at a
 * time, the first time word statistics need it, then read back so analyses never re-tokenise.
 */
import { termCounts } from '../../shared/analysis/text';
import { decodeAll, getCodec } from './codec';
import type { ChorusDb, TermCountRow } from './schema';
import { getDocumentTexts, listDocuments } from './reads';

/**
 * Make sure every document of the project has cached term counts (computing the missing ones from
 * the stored text) and return them all, keyed by document id. Rows of documents that no longer
 * exist are left alone (they go with the project).
 */
export async function ensureTermCounts(db: ChorusDb, projectId: string): Promise<Map<string, Map<string, number>>> {
  const [docs, rows] = await Promise.all([
    listDocuments(db, projectId).then((list) => list.map((d) => d.id)),
    db.termCounts.where('projectId').equals(projectId).toArray(),
  ]);
  const out = new Map<string, Map<string, number>>();
  const codec = getCodec();
  const sealed = rows.filter((r) => r.sealed);
  // (decoded after the read: never inside a transaction)
  const opened = await decodeAll(codec, sealed.map((r) => r.sealed!));
  sealed.forEach((r, i) => out.set(r.documentId, new Map(JSON.parse(opened[i]!) as [string, number][])));
  for (const r of rows) if (!r.sealed) out.set(r.documentId, new Map(Object.entries(r.terms)));
  const missing = docs.filter((id) => !out.has(id));
  if (missing.length === 0) return out;
  // one read for all missing texts (decoded after it), then one write of their counts
  const texts = await getDocumentTexts(db, missing).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}, so its words cannot be counted`);
  });
  const counted = missing.map((documentId, i) => {
    const counts = termCounts(texts[i]!);
    out.set(documentId, counts);
    return counts;
  });
  let put: TermCountRow[];
  if (codec.encrypts) {
    const enc = await codec.encodeMany(counted.map((c) => JSON.stringify([...c])));
    put = missing.map((documentId, i) => ({ documentId, projectId, terms: {}, sealed: enc[i]! }));
  } else {
    put = missing.map((documentId, i) => {
      // A null-prototype record, so words like "constructor" or "__proto__" are plain keys.
      const terms: Record<string, number> = Object.create(null) as Record<string, number>;
      for (const [w, n] of counted[i]!) terms[w] = n;
      return { documentId, projectId, terms };
    });
  }
  await db.termCounts.bulkPut(put);
  return out;
}

/** Drop cached counts for documents whose text changed (they are recomputed on next use). */
export async function forgetTermCounts(db: ChorusDb, documentIds: string[]): Promise<void> {
  await db.termCounts.bulkDelete(documentIds);
}
