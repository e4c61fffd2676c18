/**
 * Several files imported together are stored all-or-nothing: one outer transaction over the
 * tables commitImport writes, with one commitImport (one import record, one redaction log) per
 * file nested inside it. Any failure or an abort rolls back every file.
 */
import type { ImportRecord, ChorusDb } from './schema';
import { commitImport, importTables, progressTotal, type CommitBatch, type CommitMeta, type CommitProgress } from './imports';

export async function commitImports(
  db: ChorusDb,
  projectId: string,
  items: readonly { batch: CommitBatch; meta: CommitMeta }[],
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord[]> {
  const total = items.reduce((n, i) => n + progressTotal(i.batch), 0);
  return db.transaction('rw', importTables(db), async () => {
    const records: ImportRecord[] = [];
    let before = 0;
    for (const item of items) {
      const offset = before;
      records.push(await commitImport(db, projectId, item.batch, item.meta, { chunk: opts.chunk, signal: opts.signal, onProgress: (p) => opts.onProgress?.({ done: offset + p.done, total }) }));
      before += progressTotal(item.batch);
    }
    return records;
  });
}
