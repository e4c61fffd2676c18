/**
 * History commands: Undo and Redo walk the stored steps; `undo` with a step number undoes exactly
 * that step — the usual Undo when it is still the latest, otherwise a new step that puts back its
 * rows (refused if a later step changed any of them), so a screen's own Undo never reverts
 * someone else's later edit.
 *
 * Each tab or window is a session with its own Undo and Redo: the executor picks this session's
 * latest not-undone step (or first undone one). If another session has made steps since and one
 * of them touched the same rows, Undo (and Redo) is refused with an UndoConflictError rather than
 * reverting the other window's edit.
 */
import { UndoConflictError } from './conflict';
import type { Handler, RowChange, RowOp, Snapshot, TableName } from './types';
import { rowKey } from './types';

export type HistoryCommand = { type: 'undo'; step?: number } | { type: 'redo' };

const rowOf = (c: RowChange, which: 'before' | 'after'): RowOp => ({ table: c.table as TableName, key: c.key, row: (c[which] ?? null) as RowOp['row'] });

/** Structural equality of stored rows (plain data, arrays, typed arrays). */
export function sameRow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((v, i) => v === y[i]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameRow((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether every row the step changed is, now, in the state `which` (nothing else changed it since). */
function rowsAre(state: Snapshot, changes: readonly RowChange[], which: 'before' | 'after'): boolean {
  const current = state.current ?? new Map<string, unknown>();
  return changes.every((c) => sameRow(current.get(rowKey(c.table, c.key)) ?? null, c[which] ?? null));
}

const undo: Handler<Extract<HistoryCommand, { type: 'undo' }>, string | null> = {
  // Undo touches whatever tables the step did; the executor widens its transaction to them.
  writes: [],
  reads: (cmd) => ({ step: cmd.step ?? 'undo' }),
  plan(state, cmd) {
    const s = state.step;
    if (!s) {
      if (cmd.step !== undefined) throw new Error('That step is no longer in the history');
      return { ops: [], step: null, audit: { action: 'history.undo', ids: [] }, result: null };
    }
    if (s.undone) throw new Error(`“${s.label}” has already been undone`);
    const ops = [...s.changes].reverse().map((c) => rowOf(c, 'before'));
    const audit = { action: 'history.undo', ids: [], counts: { rows: s.changes.length } };
    if (s.latest) return { ops, step: null, mark: { seq: s.seq, undone: 1 }, audit, result: s.label };
    if (cmd.step === undefined) {
      // This window's latest step, but another window has made steps since: undo it only if none
      // of them touched its rows (never revert the other window's edit).
      if (!rowsAre(state, s.changes, 'after')) throw new UndoConflictError('undo', s.label);
      return { ops, step: null, mark: { seq: s.seq, undone: 1 }, audit, result: s.label };
    }
    // Not the latest step: put its rows back as a new step, if nothing later changed them.
    if (!rowsAre(state, s.changes, 'after')) {
      throw new Error(`“${s.label}” cannot be undone on its own: a later change touched the same data. Use Undo in the header to step back through the changes.`);
    }
    return { ops, step: { label: `Revert “${s.label}”` }, audit, result: s.label };
  },
};

const redo: Handler<Extract<HistoryCommand, { type: 'redo' }>, string | null> = {
  writes: [],
  reads: () => ({ step: 'redo' }),
  plan(state) {
    const s = state.step;
    if (!s) return { ops: [], step: null, audit: { action: 'history.redo', ids: [] }, result: null };
    // Another window may have changed the step's rows since it was undone: never overwrite that.
    if (state.current && !rowsAre(state, s.changes, 'before')) throw new UndoConflictError('redo', s.label);
    return {
      ops: s.changes.map((c) => rowOf(c, 'after')),
      step: null,
      mark: { seq: s.seq, undone: 0 },
      audit: { action: 'history.redo', ids: [], counts: { rows: s.changes.length } },
      result: s.label,
    };
  },
};

export const historyHandlers = { undo, redo };
