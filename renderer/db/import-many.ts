/**
 * Several files imported together are stored all-or-nothing: one outer transaction over the
 * tables commitImport writes, with one commitImport (one import record, one redaction log) per
 * file nested inside it. Any failure or an abort rolls back every file.
 */
import type { ImportRecord, ChorusDb } from './schema';
import { codecForWrite } from './keyring';
import { explainQuota } from './quota';
import { ImportCancelled, importTables, prepareBatch, progressTotal, writeBatch, type CommitBatch, type CommitMeta, type PreparedBatch, type CommitProgress } from './imports';

export async function commitImports(
  db: ChorusDb,
  projectId: string,
  items: readonly { batch: CommitBatch; meta: CommitMeta }[],
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord[]> {
  const total = items.reduce((n, i) => n + progressTotal(i.batch), 0);
  if (opts.signal?.aborted) throw new ImportCancelled();
  // every file's texts are encoded before the one transaction opens
  const codec = await codecForWrite(db, projectId);
  const prepared: PreparedBatch[] = [];
  for (const item of items) prepared.push(await prepareBatch(item.batch, codec));
  // a full store aborts the transaction (nothing kept) with an error that says so
  return explainQuota('the import', () => db.transaction('rw', importTables(db), async () => {
    const records: ImportRecord[] = [];
    let before = 0;
    for (const [i, item] of items.entries()) {
      const offset = before;
      records.push(await writeBatch(db, projectId, prepared[i]!, item.meta, { chunk: opts.chunk, signal: opts.signal, onProgress: (p) => opts.onProgress?.({ done: offset + p.done, total }) }));
      before += progressTotal(item.batch);
    }
    return records;
  }));
}
