/**
 * Committing an import batch: all-or-nothing in one transaction, in chunks with progress, and
 * cancellable (an abort rolls everything back). Re-imports are detected by file checksum.
 */
import { newGuid, type DocumentWithText, type Participant, type PiiType, type Source, type Variable } from '../../shared/model';
import type { ChorusDb, ImportRecord } from './schema';
import { recordAudit } from './audit';
import { getCodec } from './codec';

export interface CommitBatch {
  sources: Source[];
  variables: Variable[];
  participants: Participant[];
  /** Texts already anonymised: the originals of redacted values must never reach this point. */
  documents: DocumentWithText[];
  skippedEmpty: number;
}

export interface CommitMeta {
  fileNames: string[];
  checksum: string;
  /** Who committed (coder name); recorded in the redaction log and the import record. */
  by: string;
  /** Counts of redacted/pseudonymised findings by type (never the values). */
  redactions: Partial<Record<PiiType, number>>;
}

export interface CommitProgress {
  done: number;
  total: number;
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('The import was cancelled; nothing was stored.');
  }
}

/** Previous imports of a file with this checksum in the project (to ask before importing it again). */
export function findPreviousImports(db: ChorusDb, projectId: string, checksum: string): Promise<ImportRecord[]> {
  return db.imports.where('[projectId+checksum]').equals([projectId, checksum]).toArray();
}

export async function commitImport(
  db: ChorusDb,
  projectId: string,
  batch: CommitBatch,
  meta: CommitMeta,
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord> {
  const chunk = opts.chunk ?? 5000;
  const total = batch.documents.length + batch.participants.length;
  const check = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  check();
  const codec = getCodec();
  const record: ImportRecord = {
    id: newGuid(),
    projectId,
    fileNames: meta.fileNames,
    checksum: meta.checksum,
    at: new Date().toISOString(),
    by: meta.by,
    sourceId: batch.sources[0]?.id ?? batch.documents[0]?.sourceId ?? '',
    counts: { participants: batch.participants.length, documents: batch.documents.length, skippedEmpty: batch.skippedEmpty },
  };
  const tables = [db.projects, db.sources, db.variables, db.participants, db.documents, db.texts, db.imports, db.redactionLogs, db.audit];
  await db.transaction('rw', tables, async () => {
    if (!(await db.projects.get(projectId))) throw new Error('The project to import into no longer exists');
    // (no spread into one array: a 100,000-row survey has 300,000 entities here)
    for (const list of [batch.sources, batch.variables, batch.participants, batch.documents]) {
      for (const x of list) if (x.projectId !== projectId) throw new Error('The batch belongs to another project');
    }
    await db.sources.bulkAdd(batch.sources);
    await db.variables.bulkAdd(batch.variables);
    let done = 0;
    for (let i = 0; i < batch.participants.length; i += chunk) {
      check();
      const part = batch.participants.slice(i, i + chunk);
      await db.participants.bulkAdd(part);
      done += part.length;
      opts.onProgress?.({ done, total });
    }
    for (let i = 0; i < batch.documents.length; i += chunk) {
      check();
      const part = batch.documents.slice(i, i + chunk);
      await db.documents.bulkAdd(part.map(({ text: _t, ...meta }) => meta));
      const texts = await Promise.all(part.map(async (d) => ({ id: d.id, projectId, stored: await codec.encode(d.text) })));
      await db.texts.bulkAdd(texts);
      done += part.length;
      opts.onProgress?.({ done, total });
    }
    check();
    const counts: Partial<Record<PiiType, number>> = Object.fromEntries(Object.entries(meta.redactions).filter(([, n]) => (n ?? 0) > 0));
    if (Object.keys(counts).length > 0) {
      await db.redactionLogs.add({ id: newGuid(), projectId, at: record.at, by: meta.by, batch: meta.fileNames.join(', '), counts });
    }
    await db.imports.add(record);
    await recordAudit(db, projectId, 'import.commit', [record.id, record.sourceId], meta.by);
  });
  return record;
}
