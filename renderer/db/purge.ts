/**
 * Retraction, step 2, and deletion at the end of a retention period (issue 12): the purge. In ONE
 * read-write transaction it removes everything a retraction reaches — stored documents and their
 * texts, survey answers (blanked inside their blocks of rows, the dataset record rewritten so the participant's
 * pseudonym, record ids and attribute values go too), participants, codings, memos on any of them
 * (and their texts), quotes, the findings' links to those quotes and codings, consensus decisions,
 * assignments, cached term counts, safeguarding flags — and scrubs every undo-history entry of changes to those rows,
 * so nothing can bring the text back. What is left is a content-free RetractionRecord (when, who,
 * the reason category, counts) and an audit entry (ids and counts only).
 *
 * Not a planned command (like imports, executeImport): it rewrites datasets and history, which no
 * plan's row ops reach. It is exported through execute.ts, the one writer. Dexie reads and writes
 * only inside the transaction; nothing is decoded there (blanking needs no text; an encrypted
 * project's survey tables are decoded, blanked and sealed before it, prepareSealedBlanks).
 */
import { blockOfRow, datasetBlockKey, datasetDocumentId, type Dataset } from '../../shared/import/dataset';
import { blankDataset, blankRowTexts, RETRACTED_LABEL, retractionScope, scrubChanges } from '../../shared/governance/retraction';
import { AUDIT_IDS, rowKey } from '../../shared/commands';
import { newGuid, type RetractionReason, type RetractionRecord, type RetractionTarget } from '../../shared/model';
import { datasetBlockRange, datasetsDocuments, forgetDatasets, listDatasets } from './datasets';
import { rewriteBlockRows } from './dataset-blocks';
import { datasetPartsJson, isSealedRecord, plainDatasetRecord, sealDatasets } from './dataset-seal';
import { codecForWrite } from './keyring';
import type { ChorusDb, DatasetRecord } from './schema';
import { churnStorage } from './purge-storage';
import { codingCacheTables, resetCodingCache } from './coding-journal';

export interface PurgeOptions {
  now?: string;
  newId?: () => string;
  /** Who confirmed (the coder's name), for the audit entry. */
  actor?: string;
  /** Afterwards, churn the storage engine so it drops the old copies from its files (purge-storage.ts); the app does, tests need not. */
  churn?: boolean;
}

/** What a purge removed, by kind (the record's counts). */
export type PurgeCounts = RetractionRecord['counts'];

const MEMO_KINDS = new Set(['document', 'participant', 'source', 'coding']);

/** The purge itself; call inside a transaction over every table (see purgeTables). Returns the counts. */
async function purge(db: ChorusDb, projectId: string, target: RetractionTarget, recordId: string, sealed: SealedBlanks): Promise<PurgeCounts> {
  const records = await db.datasets.where('projectId').equals(projectId).toArray();
  // (decoded before the transaction by prepareSealedBlanks: here only cache hits, no decoding)
  const datasets = await listDatasets(db, projectId);
  const wasSealed = new Set(records.filter(isSealedRecord).map((r) => r.id));
  const stored = await db.documents.where('projectId').equals(projectId).toArray();
  const scope = retractionScope(target, datasetsDocuments(datasets, stored), datasets);
  // Stored participants: the target itself, or every participant of a retracted source.
  const storedParticipants =
    target.kind === 'participant'
      ? (await db.participants.get(target.id)) ? [target.id] : []
      : target.kind === 'source'
        ? ((await db.participants.where('sourceId').equals(target.id).primaryKeys()) as string[])
        : [];
  // Derived documents of blanked answers (a participant's rows): all of them, whatever their length.
  const docIds = new Set(scope.documentIds);
  for (const [dsId, rows] of scope.datasetAnswers) for (const [row, slots] of rows) for (const s of slots) docIds.add(datasetDocumentId(dsId, row, s));
  const docs = [...docIds];
  const codingIds = (await db.codings.where('documentId').anyOf(docs).primaryKeys()) as string[];
  const memoTargets = new Set([...docs, ...scope.participantIds, ...storedParticipants, ...scope.sourceIds, ...codingIds]);
  const memos = (await db.memos.where('target.id').anyOf([...memoTargets]).toArray()).filter((m) => m.projectId === projectId && MEMO_KINDS.has(m.target.kind));
  const memoIds = memos.map((m) => m.id);
  const quoteIds = (await db.quotes.where('documentId').anyOf(docs).primaryKeys()) as string[];
  const decisions = (await db.decisions.where('projectId').equals(projectId).filter((d) => docIds.has(d.documentId)).primaryKeys()) as string[];
  const assignments = (await db.assignments.where('targetId').anyOf([...docs, ...scope.sourceIds]).primaryKeys()) as string[];
  const termCounts = (await db.termCounts.where('documentId').anyOf(docs).primaryKeys()) as string[];
  // Safeguarding flags point into the texts (ids and offsets): they go with them.
  const flagIds = (await db.safeguardFlags.where('documentId').anyOf(docs).primaryKeys()) as string[];
  const textIds = ((await db.texts.where('id').anyOf([...docs, ...memoIds]).primaryKeys()) as string[]);
  const storedDocIds = stored.filter((d) => docIds.has(d.id)).map((d) => d.id);
  // (a set: the count below tests every document in scope against it, up to 875,000 survey answers)
  const storedDocs = new Set(storedDocIds);

  const purged = new Set<string>();
  const mark = (table: string, keys: readonly string[]) => keys.forEach((k) => purged.add(rowKey(table, k)));
  mark('documents', storedDocIds);
  mark('texts', textIds);
  mark('participants', storedParticipants);
  mark('codings', codingIds);
  mark('memos', memoIds);
  mark('quotes', quoteIds);
  mark('decisions', decisions);
  mark('assignments', assignments);
  mark('sources', scope.sourceIds);
  mark('safeguardFlags', flagIds);
  mark('retractions', [recordId]);

  // Findings keep their statement; only the links to removed quotes and codings go.
  const quoteSet = new Set(quoteIds);
  const codingSet = new Set(codingIds);
  const findings = (await db.findings.where('projectId').equals(projectId).toArray()).filter((f) => f.quoteIds.some((q) => quoteSet.has(q)) || f.evidenceCodingIds.some((c) => codingSet.has(c)));
  mark('findings', findings.map((f) => f.id));

  await db.codings.bulkDelete(codingIds);
  // (nothing of the purged codings stays in the coding digests or their journal)
  await resetCodingCache(db);
  await db.memos.bulkDelete(memoIds);
  await db.quotes.bulkDelete(quoteIds);
  await db.decisions.bulkDelete(decisions);
  await db.assignments.bulkDelete(assignments);
  await db.termCounts.bulkDelete(termCounts);
  await db.safeguardFlags.bulkDelete(flagIds);
  await db.texts.bulkDelete(textIds);
  await db.documents.bulkDelete(storedDocIds);
  await db.participants.bulkDelete(storedParticipants);
  await db.findings.bulkPut(findings.map((f) => ({ ...f, quoteIds: f.quoteIds.filter((q) => !quoteSet.has(q)), evidenceCodingIds: f.evidenceCodingIds.filter((c) => !codingSet.has(c)) })));

  // Survey datasets: a retracted source's go whole; otherwise the answers are blanked in place,
  // inside their blocks (a block left with no answer at all is deleted).
  let datasetRows = 0;
  for (const id of scope.datasetIds) {
    // (counted from the dataset's answer lengths: its blocks, up to the whole survey's text, are not read)
    const ds = datasets.find((d) => d.id === id);
    if (ds) datasetRows += answeredRows(ds);
    await datasetBlockRange(db, id).delete();
    await db.datasets.delete(id);
  }
  for (const ds of datasets) {
    if (scope.datasetIds.includes(ds.id)) continue;
    const answers = scope.datasetAnswers.get(ds.id);
    const people = scope.datasetParticipants.get(ds.id);
    if (!answers && !people) continue;
    const byBlock = new Map<number, number[]>();
    for (const [row] of answers ?? []) {
      const { block } = blockOfRow(row);
      (byBlock.get(block) ?? byBlock.set(block, []).get(block)!).push(row);
    }
    for (const [index, rows] of byBlock) {
      const key = datasetBlockKey(ds.id, index);
      const block = await db.datasetBlocks.get(key);
      if (!block) continue;
      const next = rewriteBlockRows(block, rows, (texts, row) => blankRowTexts(texts, answers!.get(row)!));
      if (next.block) await db.datasetBlocks.put(next.block);
      else await db.datasetBlocks.delete(key);
      datasetRows += next.rewritten;
    }
    const blank = blankDataset(ds, answers, people);
    if (!wasSealed.has(ds.id)) await db.datasets.put(plainDatasetRecord(blank));
    else {
      const ready = sealed.get(ds.id);
      if (!ready || ready.key !== blankKey(blank)) throw new Error('The project changed while this retraction was being prepared (in another window?). Nothing was changed; try again.');
      await db.datasets.put(ready.record);
    }
  }
  if (target.kind === 'source') {
    await db.sources.delete(target.id);
    await db.imports.where('projectId').equals(projectId).filter((i) => i.sourceId === target.id).delete();
  } else {
    // An import record names its files; a retracted transcript's file name (its title) goes too.
    const titles = new Set(stored.filter((d) => docIds.has(d.id)).map((d) => d.title));
    const stem = (name: string) => name.replace(/\.[^.]+$/, '');
    if (titles.size) {
      const imports = await db.imports.where('projectId').equals(projectId).toArray();
      for (const i of imports) {
        const names = i.fileNames.map((n) => (titles.has(n) || titles.has(stem(n)) ? RETRACTED_LABEL : n));
        if (names.some((n, k) => n !== i.fileNames[k])) await db.imports.put({ ...i, fileNames: names });
      }
    }
  }

  // The undo history: every change to a removed row goes; a step left with none goes too.
  let historyChanges = 0;
  let historySteps = 0;
  const entries = await db.history.where('projectId').equals(projectId).toArray();
  for (const e of entries) {
    const { changes, removed } = scrubChanges(e.changes, purged);
    if (removed === 0) continue;
    historyChanges += removed;
    if (changes.length === 0) {
      await db.history.delete(e.seq!);
      historySteps++;
    } else await db.history.put({ ...e, changes });
  }

  const participants = target.kind === 'participant' ? 1 : storedParticipants.length + scope.participantIds.length;
  return {
    documents: docs.filter((id) => storedDocs.has(id) || isAnswer(datasets, id)).length,
    codings: codingIds.length,
    memos: memoIds.length,
    participants,
    quotes: quoteIds.length,
    findingLinks: findings.length,
    datasetRows,
    termCounts: termCounts.length,
    historyChanges,
    historySteps,
  };
}

/** How many rows of a dataset hold at least one answer (the rows its blocks store). */
function answeredRows(ds: Dataset): number {
  const F = ds.fields.length;
  let n = 0;
  for (let row = 0; row * F < ds.lengths.length; row++) if (ds.lengths.subarray(row * F, row * F + F).some((l) => l >= 0)) n++;
  return n;
}

/** Whether a derived document id was an answer with text (so counts say documents, not empty cells). */
function isAnswer(datasets: readonly Dataset[], id: string): boolean {
  const ds = datasets.find((d) => id.startsWith(d.id));
  if (!ds) return false;
  const row = Number.parseInt(id.slice(24, 32), 16);
  const slot = Number.parseInt(id.slice(32), 16);
  return (ds.lengths[row * ds.fields.length + slot] ?? -1) >= 0;
}

/** An encrypted project's blanked survey tables, sealed BEFORE the purge's transaction (by id, with what they must equal). */
type SealedBlanks = Map<string, { key: string; record: DatasetRecord }>;

const blankKey = (ds: Dataset) => `${datasetPartsJson(ds)}\u0000${ds.lengths.join(',')}`;

/**
 * Before the transaction: decode the project's survey tables, blank the ones the target reaches as
 * the purge will, and seal them through the project's codec (a decode or encode is not a Dexie
 * promise, so neither happens inside the transaction). A plain project needs none.
 */
async function prepareSealedBlanks(db: ChorusDb, projectId: string, target: RetractionTarget | undefined): Promise<SealedBlanks> {
  const out: SealedBlanks = new Map();
  const codec = await codecForWrite(db, projectId);
  const datasets = await listDatasets(db, projectId);
  if (!target || !codec.encrypts || datasets.length === 0) return out;
  const stored = await db.documents.where('projectId').equals(projectId).toArray();
  const scope = retractionScope(target, datasetsDocuments(datasets, stored), datasets);
  const blanks = datasets
    .filter((ds) => !scope.datasetIds.includes(ds.id) && (scope.datasetAnswers.has(ds.id) || scope.datasetParticipants.has(ds.id)))
    .map((ds) => blankDataset(ds, scope.datasetAnswers.get(ds.id), scope.datasetParticipants.get(ds.id)));
  const records = await sealDatasets(blanks, codec);
  blanks.forEach((b, i) => out.set(b.id, { key: blankKey(b), record: records[i]! }));
  return out;
}

function purgeTables(db: ChorusDb) {
  const names = ['sources', 'participants', 'documents', 'texts', 'codings', 'memos', 'quotes', 'findings', 'decisions', 'assignments', 'termCounts', 'datasets', 'datasetBlocks', 'imports', 'history', 'audit', 'retractions', 'safeguardFlags'];
  return [...names.map((n) => db.table(n)), ...codingCacheTables(db)];
}

const auditOf = (action: string, projectId: string, id: string, at: string, actor: string, ids: string[], counts: PurgeCounts) => ({
  id,
  projectId,
  at,
  actor,
  action,
  ids: ids.slice(0, AUDIT_IDS),
  counts: { ...counts },
});

/**
 * Confirm a pending retraction: purge in one transaction and keep the record, now 'confirmed',
 * with counts. Refused (nothing written) if the record is missing, another project's or already confirmed.
 */
export async function confirmRetraction(db: ChorusDb, projectId: string, recordId: string, opts: PurgeOptions = {}): Promise<RetractionRecord> {
  const now = opts.now ?? new Date().toISOString();
  const newId = opts.newId ?? newGuid;
  const before = (await db.datasets.where('projectId').equals(projectId).primaryKeys()) as string[];
  const sealed = await prepareSealedBlanks(db, projectId, (await db.retractions.get(recordId))?.target);
  const out = await db.transaction('rw', purgeTables(db), async () => {
    const record = await db.retractions.get(recordId);
    if (!record || record.projectId !== projectId) throw new Error('That retraction is not in this project (it may have been undone)');
    if (record.status !== 'pending' || !record.target) throw new Error('That retraction has already been confirmed');
    const counts = await purge(db, projectId, record.target, record.id, sealed);
    const confirmed: RetractionRecord = { ...record, status: 'confirmed', confirmedAt: now, counts };
    await db.retractions.put(confirmed);
    await db.audit.add(auditOf('retraction.confirm', projectId, newId(), now, opts.actor ?? record.by, [record.id, record.target.id], counts));
    return confirmed;
  });
  forgetDatasets(db, before);
  if (opts.churn) await churnStorage(db);
  return out;
}

/**
 * Delete a source whose retention period has ended, by the same purge, leaving a confirmed record
 * with reason "retention period ended". Refused if the source is not in the project.
 */
export async function deleteForRetention(db: ChorusDb, projectId: string, sourceId: string, by: string, opts: PurgeOptions = {}): Promise<RetractionRecord> {
  const now = opts.now ?? new Date().toISOString();
  const newId = opts.newId ?? newGuid;
  const before = (await db.datasets.where('projectId').equals(projectId).primaryKeys()) as string[];
  const sealed = await prepareSealedBlanks(db, projectId, { kind: 'source', id: sourceId });
  const out = await db.transaction('rw', purgeTables(db), async () => {
    const source = await db.sources.get(sourceId);
    if (!source || source.projectId !== projectId) throw new Error('That source is not in this project');
    // a pending retraction of the same source is superseded by the deletion
    await db.retractions.where('projectId').equals(projectId).filter((r) => r.status === 'pending' && r.target?.kind === 'source' && r.target.id === sourceId).delete();
    const reason: RetractionReason = 'retention period ended';
    const target: RetractionTarget = { kind: 'source', id: sourceId };
    const id = newId();
    const counts = await purge(db, projectId, target, id, sealed);
    const record: RetractionRecord = { id, projectId, at: now, by, reason, counts, target, status: 'confirmed', confirmedAt: now };
    await db.retractions.add(record);
    await db.audit.add(auditOf('retention.delete', projectId, newId(), now, opts.actor ?? by, [id, sourceId], counts));
    return record;
  });
  forgetDatasets(db, before);
  if (opts.churn) await churnStorage(db);
  return out;
}
