/**
 * What both executors do with a plan once they have the rows it touches: collapse its ops to one
 * change per row (a later op on a row wins), check `add` ops, and build the undo step's changes.
 * Pure, so the Dexie executor and the in-memory one cannot drift apart.
 */
import type { AuditNote, Plan, Row, RowChange, RowOp, TableName } from './types';
import { AUDIT_IDS, rowKey } from './types';

/** The plan's ops, one per row, in order of first appearance. */
export function collapse(ops: readonly RowOp[]): RowOp[] {
  const last = new Map<string, RowOp>();
  for (const op of ops) {
    const k = rowKey(op.table, op.key);
    const prev = last.get(k);
    if (op.add && prev) throw new Error(`Two ${op.table} rows would have the same id (${op.key})`);
    // A row added and then changed in the same plan is still an add.
    last.set(k, prev?.add && op.row !== null ? { ...op, add: true } : op);
  }
  return [...last.values()];
}

/** Rows to put and keys to delete, per table. */
export function byTable(ops: readonly RowOp[]): Map<TableName, { puts: Row[]; adds: Row[]; deletes: string[] }> {
  const out = new Map<TableName, { puts: Row[]; adds: Row[]; deletes: string[] }>();
  for (const op of ops) {
    let t = out.get(op.table);
    if (!t) out.set(op.table, (t = { puts: [], adds: [], deletes: [] }));
    if (op.row === null) t.deletes.push(op.key);
    else (op.add ? t.adds : t.puts).push(op.row);
  }
  return out;
}

/**
 * The undo step's row changes, given each row's stored state before (`before(table, key)`).
 * Refuses an `add` of a row that exists (an id collision must never overwrite data).
 */
export function changesOf(ops: readonly RowOp[], before: (op: RowOp) => unknown): RowChange[] {
  const changes: RowChange[] = [];
  for (const op of ops) {
    const was = before(op) ?? null;
    if (op.add && was !== null) throw new Error(`A new ${op.table} row would overwrite an existing one (${op.key})`);
    if (was === null && op.row === null) continue;
    changes.push({ table: op.table, key: op.key, before: was, after: op.row });
  }
  return changes;
}

/** The audit row a plan leaves (ids capped; counts carry the rest). */
export function auditRow(note: AuditNote, projectId: string, id: string, at: string, actor: string) {
  return { id, projectId, at, actor, action: note.action, ids: note.ids.slice(0, AUDIT_IDS), ...(note.counts ? { counts: note.counts } : {}) };
}

/** Whether a plan leaves a trace (a plan with no ops, no history mark and not audit-only leaves none). */
export const changesSomething = (plan: Plan): boolean => plan.ops.length > 0 || plan.mark !== undefined || plan.auditOnly === true;

/** Tables, by row ids, that a plan changed (for caches that refresh what changed). */
export function changedRows(ops: readonly RowOp[]): Partial<Record<TableName, string[]>> {
  const out: Partial<Record<TableName, string[]>> = {};
  for (const op of ops) (out[op.table] ??= []).push(op.key);
  return out;
}

/** What an executor returns: the command's result, the undo step it became (if any) and what it changed. */
export interface Executed<R> {
  result: R;
  /** The history sequence number of the step this command added (null if it added none). */
  step: number | null;
  changed: Partial<Record<TableName, string[]>>;
}

/** Options every executor takes (tests fix the clock and ids so two executors can be compared). */
export interface ExecuteOptions {
  /** Who is recorded in the audit entry (default: the project's current coder's name). */
  actor?: string;
  /** The window session (default: this tab's or window's own; the CLI's project has one). */
  session?: string;
  now?: string;
  newId?: () => string;
}

/** Whether a history entry belongs to `session` (steps stored before sessions existed belong to every session). */
export const ownStep = (entry: { session?: string }, session: string): boolean => entry.session === undefined || entry.session === session;
