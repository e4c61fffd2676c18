/**
 * History commands: Undo and Redo walk the stored steps; `undo` with a step number undoes exactly
 * that step — the usual Undo when it is still the latest, otherwise a new step that puts back its
 * rows (refused if a later step changed any of them), so a screen's own Undo never reverts
 * someone else's later edit.
 */
import type { Handler, RowChange, RowOp, TableName } from './types';
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
    if (cmd.step === undefined || s.latest) return { ops, step: null, mark: { seq: s.seq, undone: 1 }, audit, result: s.label };
    // Not the latest step: put its rows back as a new step, if nothing later changed them.
    const current = state.current ?? new Map<string, unknown>();
    for (const c of s.changes) {
      if (!sameRow(current.get(rowKey(c.table, c.key)) ?? null, c.after ?? null)) {
        throw new Error(`“${s.label}” cannot be undone on its own: a later change touched the same data. Use Undo in the header to step back through the changes.`);
      }
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
