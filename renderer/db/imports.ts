/**
 * Committing an import batch: all-or-nothing in one transaction, in chunks with progress, and
 * cancellable (an abort rolls everything back). Re-imports are detected by file checksum.
 */
import { newGuid, type DocumentWithText, type Participant, type PiiType, type Source, type Variable } from '../../shared/model';
import type { ChorusDb, DatasetBlockRecord, ImportRecord, ParticipantRecord } from './schema';
import { type Dataset, type DatasetRowTexts } from '../../shared/import/dataset';
import { BlockPacker, PlainBlockPacker } from './dataset-blocks';
import { recordAudit } from './audit-log';
import Dexie from 'dexie';
import { getCodec, type StorageCodec, type StoredText } from './codec';
import { codecForWrite } from './keyring';
import { sealDataset } from './dataset-seal';
import { sealParticipants } from './participant-seal';

/**
 * A survey table streamed into the store as a dataset (shared/import/dataset.ts): its answers
 * are pulled chunk by chunk inside the import's transaction, so the table is never whole in memory.
 */
export interface DatasetCommit {
  /** The dataset's id (its rows' keys start with it). */
  id: string;
  /**
   * The answers, row by row, in chunks (already anonymised). Iterated inside the transaction:
   * it must do its work synchronously (read, parse, redact), never await, or the transaction closes.
   */
  rows: Iterable<DatasetRowTexts[]>;
  /** Called after the last chunk: the dataset record. */
  dataset(): Dataset;
  /** Documents and participants it will hold (for the import record), and its rows (for progress). */
  documents: number;
  participants: number;
  rowCount: number;
}

export interface CommitBatch {
  sources: Source[];
  variables: Variable[];
  participants: Participant[];
  /** Texts already anonymised: the originals of redacted values must never reach this point. */
  documents: DocumentWithText[];
  /** A survey table, stored as a dataset (its documents and participants are not in the lists above). */
  dataset?: DatasetCommit;
  skippedEmpty: number;
}

/** Documents and participants a batch adds. */
export function batchSize(batch: CommitBatch): { documents: number; participants: number } {
  return { documents: batch.documents.length + (batch.dataset?.documents ?? 0), participants: batch.participants.length + (batch.dataset?.participants ?? 0) };
}

/** Progress units of a batch: its documents and participants stored one by one, and a dataset's rows. */
export function progressTotal(batch: CommitBatch): number {
  return batch.documents.length + batch.participants.length + (batch.dataset?.rowCount ?? 0);
}

/** The tables an import writes. */
export function importTables(db: ChorusDb) {
  return [db.projects, db.sources, db.variables, db.participants, db.documents, db.texts, db.datasets, db.datasetBlocks, db.imports, db.redactionLogs, db.audit];
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

/** A batch's document texts, encoded through the storage codec BEFORE its transaction opens. */
export interface PreparedBatch {
  batch: CommitBatch;
  documentTexts: StoredText[];
  /** Its participants as stored (an encrypted project's pseudonyms and attribute values sealed: participant-seal.ts). */
  participants?: ParticipantRecord[];
  /** The project's codec (keyring.ts codecForWrite), also for a streamed table's chunks. */
  codec?: StorageCodec;
}

export async function prepareBatch(batch: CommitBatch, codec: StorageCodec = getCodec()): Promise<PreparedBatch> {
  return { batch, documentTexts: await codec.encodeMany(batch.documents.map((d) => d.text)), participants: await sealParticipants(batch.participants, codec), codec };
}

/** Commit one batch in its own transaction (its texts are encoded first). */
export async function commitImport(
  db: ChorusDb,
  projectId: string,
  batch: CommitBatch,
  meta: CommitMeta,
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord> {
  if (opts.signal?.aborted) throw new ImportCancelled();
  const prepared = await prepareBatch(batch, await codecForWrite(db, projectId));
  return db.transaction('rw', importTables(db), () => writeBatch(db, projectId, prepared, meta, opts));
}

/**
 * Write one prepared batch. Call inside a transaction over `importTables`. A streamed survey
 * table's answers are encoded chunk by chunk as they are read (the table is never whole in
 * memory); Dexie.waitFor keeps the transaction open while a real cipher works.
 */
export async function writeBatch(
  db: ChorusDb,
  projectId: string,
  { batch, documentTexts, codec: preparedCodec, participants: storedParticipants }: PreparedBatch,
  meta: CommitMeta,
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord> {
  const chunk = opts.chunk ?? 5000;
  const size = batchSize(batch);
  const total = progressTotal(batch);
  const check = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  check();
  const codec = preparedCodec ?? getCodec();
  const record: ImportRecord = {
    id: newGuid(),
    projectId,
    fileNames: meta.fileNames,
    checksum: meta.checksum,
    at: new Date().toISOString(),
    by: meta.by,
    sourceId: batch.sources[0]?.id ?? batch.documents[0]?.sourceId ?? '',
    counts: { ...size, skippedEmpty: batch.skippedEmpty },
  };
  {
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
      const part = (storedParticipants ?? batch.participants).slice(i, i + chunk);
      await db.participants.bulkAdd(part);
      done += part.length;
      opts.onProgress?.({ done, total });
    }
    for (let i = 0; i < batch.documents.length; i += chunk) {
      check();
      const part = batch.documents.slice(i, i + chunk);
      await db.documents.bulkAdd(part.map(({ text: _t, ...meta }) => meta));
      await db.texts.bulkAdd(part.map((d, j) => ({ id: d.id, projectId, stored: documentTexts[i + j]! })));
      done += part.length;
      opts.onProgress?.({ done, total });
    }
    if (batch.dataset) {
      // pipelined: while IndexedDB writes one chunk's blocks, the next is read, built and redacted.
      // Rows arrive in order, packed DATASET_BLOCK_ROWS to a record (dataset-blocks.ts); a block still filling waits for the next chunk.
      // A plain project's blocks are packed (a few strings a block: PlainBlockPacker); an encrypted
      // project's answers are encoded one by one, each with its own IV, and stored as rows.
      const datasetId = batch.dataset.id;
      const plain = !codec.encrypts ? new PlainBlockPacker() : undefined;
      const packer = new BlockPacker();
      let writing: Promise<unknown> | undefined;
      for (const rows of batch.dataset.rows) {
        check();
        const complete: DatasetBlockRecord[] = [];
        if (plain) {
          for (const r of rows) for (const b of plain.add(datasetId, r.row, r.texts)) complete.push(b);
        } else {
          const texts: string[] = [];
          for (const r of rows) for (const t of r.texts) if (t !== null) texts.push(t);
          const stored = await Dexie.waitFor(codec.encodeMany(texts));
          let k = 0;
          for (const r of rows) complete.push(...packer.add(datasetId, r.row, r.texts.map((t) => (t === null ? null : stored[k++]!))));
        }
        if (writing) await writing;
        writing = complete.length ? db.datasetBlocks.bulkAdd(complete) : undefined;
        writing?.catch(() => {}); // (a failure is seen by the await below; this only keeps it from being reported as unhandled)
        done += rows.length;
        opts.onProgress?.({ done, total });
      }
      if (writing) await writing;
      const last = plain ? plain.finish() : packer.finish();
      if (last.length) await db.datasetBlocks.bulkAdd(last);
      check();
      const ds = batch.dataset.dataset();
      if (ds.projectId !== projectId || ds.id !== batch.dataset.id) throw new Error('The batch belongs to another project');
      // its pseudonyms, record ids and attribute values go through the codec too (dataset-seal.ts)
      await db.datasets.add(await Dexie.waitFor(sealDataset(ds, codec)));
      done = total;
      opts.onProgress?.({ done, total });
    }
    check();
    const counts: Partial<Record<PiiType, number>> = Object.fromEntries(Object.entries(meta.redactions).filter(([, n]) => (n ?? 0) > 0));
    if (Object.keys(counts).length > 0) {
      await db.redactionLogs.add({ id: newGuid(), projectId, at: record.at, by: meta.by, batch: meta.fileNames.join(', '), counts });
    }
    await db.imports.add(record);
    const redacted = Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);
    // (counts only: the redaction log keeps them by type; the audit entry says how many, never what)
    await recordAudit(db, projectId, 'import.commit', [record.id, record.sourceId], meta.by, { ...size, redactions: redacted });
  }
  return record;
}
