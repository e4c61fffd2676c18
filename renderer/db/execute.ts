/**
 * The one writer of project data (shared/commands). For each command it:
 *   1. encodes the texts the command carries (memos, imported documents) through the storage
 *      codec — BEFORE any transaction opens, so a real cipher's awaits cannot end it early;
 *   2. opens ONE read-write transaction, reads exactly what the command declares (Dexie reads
 *      only), calls the command's pure plan, and writes its rows, its undo step (the `history`
 *      table, so undo and redo survive a reload) and its audit entry;
 *   3. returns the plan's result, the step's number and the rows it changed.
 * Every step adds or flips a history entry, which moves the project's change stamp
 * (changeStamp.ts) — that is how the analysis, search and grid workers learn to re-read.
 * Features call `execute` (and nothing else that writes): a dependency-cruiser rule holds them to it.
 */
import type { Table } from 'dexie';
import {
  auditRow,
  byIdOrder,
  byTable,
  changedRows,
  changesOf,
  changesSomething,
  handlerOf,
  HISTORY_LIMIT,
  ownStep,
  rowKey,
  type Command,
  type Executed,
  type ExecuteOptions,
  type ReadSpec,
  type ResultOf,
  type RowOp,
  type Snapshot,
  type TableName,
} from '../../shared/commands';
import { collapse } from '../../shared/commands';
import { descendantIds } from '../../shared/coding/tree';
import { newGuid, type Coding, type Quote } from '../../shared/model';
import type { SafeguardFlag } from '../../shared/safeguarding/flags';
import { getCodec } from './codec';
import { actorFromPlan, currentActor, NO_CODER } from './actor';
import { windowSession } from './session';
import { monotonicNow } from './clock';
import { codecForWrite } from './keyring';
import { getDocuments } from './reads';
import { openDatasetsOf } from './dataset-documents';
import { sealCommandRows } from './participant-seal';
import type { ChorusDb, HistoryEntry, ImportRecord } from './schema';
import { commitImports } from './import-many';
import type { CommitBatch, CommitMeta, CommitProgress } from './imports';
import { setProjectPassphrase, type PassphraseOptions, type ReencryptResult } from './reencrypt';

export type { Executed, ExecuteOptions } from '../../shared/commands';
/** Retraction step 2 and retention deletion: the purge (not a planned command; see purge.ts). */
export { confirmRetraction, deleteForRetention, type PurgeOptions } from './purge';

/** Every table a command can write (undo and redo may touch any of them). */
const WRITABLE: readonly TableName[] = ['projects', 'coders', 'sources', 'variables', 'participants', 'documents', 'texts', 'codes', 'codings', 'memos', 'findings', 'actions', 'recommendations', 'quotes', 'assignments', 'decisions', 'retractions', 'safeguardFlags', 'packTemplates'];

function tablesFor(db: ChorusDb, writes: readonly TableName[], spec: ReadSpec): Table[] {
  const names = new Set<string>(spec.step !== undefined ? WRITABLE : writes);
  if (spec.project) names.add('projects');
  if (spec.codes || spec.codingsUnder) names.add('codes');
  if (spec.coders) names.add('coders');
  if (spec.codingIds || spec.codingsOfCodes || spec.codingsUnder || spec.codingsAt) names.add('codings');
  if (spec.documentIds) names.add('documents').add('datasets').add('retractions');
  if (spec.memosOn) names.add('memos');
  if (spec.sources) names.add('sources');
  if (spec.assignments) names.add('assignments');
  if (spec.decisionsAt) names.add('decisions');
  if (spec.findings) names.add('findings');
  if (spec.recommendations) names.add('recommendations');
  if (spec.actions) names.add('actions');
  if (spec.quoteIds || spec.quotesOn) names.add('quotes');
  if (spec.retractions) names.add('retractions');
  if (spec.safeguardFlagsOf || spec.safeguardFlagIds) names.add('safeguardFlags');
  if (spec.packTemplates) names.add('packTemplates');
  // (filtered to the tables this store has: tests seed old schema versions, which lack `history`)
  const have = new Set(db.tables.map((t) => t.name));
  return [...names, 'history', 'audit'].filter((n) => have.has(n)).map((n) => db.table(n));
}

/** Read what the command declared. Call inside the transaction: Dexie reads only, no decoding. */
async function gather(db: ChorusDb, projectId: string, spec: ReadSpec, session: string): Promise<Snapshot> {
  const codes = spec.codes || spec.codingsUnder ? await db.codes.where('projectId').equals(projectId).toArray() : [];
  const codings = new Map<string, Coding>();
  const keep = (rows: (Coding | undefined)[]) => {
    for (const c of rows) if (c) codings.set(c.id, c);
  };
  // (codings by id are kept whatever their project, so a plan can refuse another project's)
  if (spec.codingIds?.length) keep(await db.codings.bulkGet([...spec.codingIds]));
  const byCode = [...(spec.codingsOfCodes ?? []), ...(spec.codingsUnder ? descendantIds(codes, spec.codingsUnder) : [])];
  if (byCode.length) keep(await db.codings.where('codeId').anyOf(byCode).toArray());
  if (spec.codingsAt?.length) keep(await db.codings.where('[documentId+codeId]').anyOf(spec.codingsAt.map((p) => [p.documentId, p.codeId])).toArray());
  const memos = [];
  for (const t of spec.memosOn ?? []) {
    const m = await db.memos.where('target.id').equals(t.id).filter((x) => x.target.kind === t.kind && x.projectId === projectId).first();
    if (m) memos.push(m);
  }
  let step: Snapshot['step'];
  let current: Snapshot['current'];
  if (spec.step !== undefined) {
    const latest = await db.history.where('[projectId+undone]').equals([projectId, 0]).last();
    const mine = (e: HistoryEntry) => ownStep(e, session);
    const entry: HistoryEntry | undefined =
      spec.step === 'undo'
        ? await db.history.where('[projectId+undone]').equals([projectId, 0]).reverse().filter(mine).first()
        : spec.step === 'redo'
          ? await db.history.where('[projectId+undone]').equals([projectId, 1]).filter(mine).first()
          : await db.history.get(spec.step).then((e) => (e?.projectId === projectId ? e : undefined));
    if (entry) {
      step = { seq: entry.seq!, label: entry.label, changes: entry.changes, undone: entry.undone, latest: entry.undone === 0 && latest?.seq === entry.seq, ...(entry.session ? { session: entry.session } : {}) };
      if (spec.step === 'redo' || !step.latest) {
        current = new Map();
        for (const c of entry.changes) current.set(rowKey(c.table, c.key), (await db.table(c.table).get(c.key)) ?? null);
      }
    }
  }
  return {
    project: spec.project ? await db.projects.get(projectId) : undefined,
    codes: byIdOrder(codes),
    coders: byIdOrder(spec.coders ? await db.coders.where('projectId').equals(projectId).toArray() : []),
    codings: byIdOrder([...codings.values()]),
    documents: spec.documentIds?.length ? (await getDocuments(db, spec.documentIds)).filter((d) => d !== undefined) : [],
    memos: byIdOrder(memos),
    sources: byIdOrder(spec.sources ? await db.sources.where('projectId').equals(projectId).toArray() : []),
    assignments: byIdOrder(spec.assignments ? await db.assignments.where('projectId').equals(projectId).toArray() : []),
    decisions: byIdOrder(spec.decisionsAt?.length ? await db.decisions.where('[documentId+codeId]').anyOf(spec.decisionsAt.map((p) => [p.documentId, p.codeId])).toArray() : []),
    findings: byIdOrder(spec.findings ? await db.findings.where('projectId').equals(projectId).toArray() : []),
    recommendations: byIdOrder(spec.recommendations ? await db.recommendations.where('projectId').equals(projectId).toArray() : []),
    actions: byIdOrder(spec.actions ? await db.actions.where('projectId').equals(projectId).toArray() : []),
    quotes: byIdOrder(await quotesFor(db, projectId, spec)),
    retractions: byIdOrder(spec.retractions ? await db.retractions.where('projectId').equals(projectId).toArray() : []),
    ...(spec.safeguardFlagsOf || spec.safeguardFlagIds ? { safeguardFlags: await gatherFlags(db, projectId, spec) } : {}),
    ...(spec.packTemplates ? { packTemplates: byIdOrder(await db.packTemplates.where('projectId').equals(projectId).toArray()) } : {}),
    step,
    current,
  };
}

/** Quotes by id (this project's only) and every quote on the given documents. */
async function quotesFor(db: ChorusDb, projectId: string, spec: ReadSpec) {
  const out = new Map<string, Quote>();
  if (spec.quoteIds?.length) for (const q of await db.quotes.bulkGet([...spec.quoteIds])) if (q?.projectId === projectId) out.set(q.id, q);
  if (spec.quotesOn?.length) for (const q of await db.quotes.where('documentId').anyOf([...spec.quotesOn]).toArray()) if (q.projectId === projectId) out.set(q.id, q);
  return [...out.values()];
}

/** Safeguarding flags by document and by id, each once, in id order (this project's only). */
async function gatherFlags(db: ChorusDb, projectId: string, spec: ReadSpec): Promise<SafeguardFlag[]> {
  const out = new Map<string, SafeguardFlag>();
  if (spec.safeguardFlagsOf?.length) for (const f of await db.safeguardFlags.where('documentId').anyOf([...spec.safeguardFlagsOf]).toArray()) out.set(f.id, f);
  if (spec.safeguardFlagIds?.length) for (const f of await db.safeguardFlags.bulkGet([...spec.safeguardFlagIds])) if (f) out.set(f.id, f);
  return byIdOrder([...out.values()].filter((f) => f.projectId === projectId));
}

/** Each row's stored state before the plan, for the undo step. */
async function befores(db: ChorusDb, ops: readonly RowOp[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const keys = new Map<TableName, string[]>();
  for (const op of ops) (keys.get(op.table) ?? keys.set(op.table, []).get(op.table)!).push(op.key);
  for (const [table, ks] of keys) {
    const rows = await db.table(table).bulkGet(ks);
    ks.forEach((k, i) => out.set(rowKey(table, k), rows[i] ?? null));
  }
  return out;
}

async function addStep(db: ChorusDb, projectId: string, label: string, changes: HistoryEntry['changes'], at: string, session: string): Promise<number> {
  // A new step ends this session's redo; other windows keep theirs.
  await db.history.where('[projectId+undone]').equals([projectId, 1]).filter((e) => ownStep(e, session)).delete();
  const seq = await db.history.add({ projectId, label, at, undone: 0, changes, session });
  const count = await db.history.where('projectId').equals(projectId).count();
  if (count > HISTORY_LIMIT) {
    const old = await db.history.where('projectId').equals(projectId).limit(count - HISTORY_LIMIT).primaryKeys();
    await db.history.bulkDelete(old);
  }
  return seq;
}

/** Run one command against the store: one transaction, one undo step (if it is undoable), one audit entry. */
export async function execute<C extends Command>(db: ChorusDb, projectId: string, given: C, opts: ExecuteOptions = {}): Promise<Executed<ResultOf<C>>> {
  // Before the transaction: a real cipher awaits WebCrypto, which would let IndexedDB commit early.
  // (a locked project refuses every command, Undo included: nothing is written without its key)
  const codec = await codecForWrite(db, projectId);
  // (participant rows a command carries — a merge — are sealed now in an encrypted project)
  const cmd = await sealCommandRows(given, codec);
  const handler = handlerOf(cmd);
  const spec = handler.reads(cmd);
  const texts = handler.texts?.(cmd) ?? [];
  const encoded = texts.length ? await codec.encodeMany(texts) : [];
  // (survey answers it reads are derived from their datasets: decoded before, never inside; only those
  // datasets, and a cached one is not read again)
  if (spec.documentIds?.length) await openDatasetsOf(db, spec.documentIds);
  const now = opts.now ?? monotonicNow();
  const session = opts.session ?? windowSession();
  // (read before the transaction: the actor is a name shown in the audit log, not project data)
  const actor = opts.actor ?? (await currentActor(db, projectId));
  const ctx = { projectId, now, newId: opts.newId ?? newGuid, actor, session, encoded };
  return db.transaction('rw', tablesFor(db, handler.writes, spec), async () => {
    const state = await gather(db, projectId, spec, session);
    const plan = handler.plan(state, cmd, ctx);
    const ops = collapse(plan.ops);
    const undoable = plan.step !== null;
    let stepSeq: number | null = null;
    if (undoable) {
      const was = await befores(db, ops);
      const changes = changesOf(ops, (op) => was.get(rowKey(op.table, op.key)));
      await write(db, ops, false);
      if (changes.length) stepSeq = await addStep(db, projectId, plan.step!.label, changes, now, session);
    } else {
      await write(db, ops, true);
    }
    if (plan.mark) await db.history.update(plan.mark.seq, { undone: plan.mark.undone });
    const actor = ctx.actor === NO_CODER && opts.actor === undefined ? (actorFromPlan(ops) ?? NO_CODER) : ctx.actor;
    if (changesSomething(plan)) await db.audit.add(auditRow(plan.audit, projectId, ctx.newId(), now, actor));
    return { result: plan.result, step: stepSeq, changed: changedRows(ops) };
  });
}

/** Apply collapsed ops table by table; `strictAdds` lets IndexedDB refuse an existing key (no befores were read). */
async function write(db: ChorusDb, ops: readonly RowOp[], strictAdds: boolean): Promise<void> {
  for (const [table, t] of byTable(ops)) {
    // (plans are typed to project tables; this holds at run time too — the audit log and history are the executor's alone)
    if ((table as string) === 'audit' || (table as string) === 'history') throw new Error(`A command may not write the ${table} table`);
    const tbl = db.table(table);
    if (t.deletes.length) await tbl.bulkDelete(t.deletes);
    if (t.adds.length) await (strictAdds ? tbl.bulkAdd(t.adds) : tbl.bulkPut(t.adds));
    if (t.puts.length) await tbl.bulkPut(t.puts);
  }
}

/**
 * The import path: files committed from the import worker are not a planned command (a survey of
 * 100,000 rows streams into one transaction, pipelined, never whole in memory), but they go
 * through this module like every other write: all-or-nothing, document texts encoded before the
 * transaction (a streamed table's chunks under Dexie.waitFor), one audit entry per file
 * (`import.commit`). Imports are not undoable; the change stamp moves with the new rows.
 */
export function executeImport(
  db: ChorusDb,
  projectId: string,
  items: readonly { batch: CommitBatch; meta: CommitMeta }[],
  opts: { chunk?: number; onProgress?: (p: CommitProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportRecord[]> {
  return commitImports(db, projectId, items, opts);
}

/**
 * Set, change (`passphrase`) or remove (null) a project's passphrase: every stored text of the
 * project re-encoded through the new codec (texts, survey answers, text rows in undo history),
 * all written in one transaction with the new lock record and an audit entry (reencrypt.ts). Not
 * undoable (the history itself is rewritten); on success the new key is the active one.
 */
export function executeSetPassphrase(db: ChorusDb, projectId: string, passphrase: string | null, opts?: PassphraseOptions): Promise<ReencryptResult> {
  return setProjectPassphrase(db, projectId, passphrase, opts);
}
