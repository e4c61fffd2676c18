/** Memo commands: write (create or replace) the memo on a target. Its text is encoded before the transaction. */
import type { MemoMeta, MemoTarget, MemoWithText } from '../model';
import { put } from './codebook';
import { ChangedElsewhereError } from './conflict';
import type { Handler } from './types';

export type MemoCommand = {
  type: 'saveMemo';
  target: MemoTarget;
  text: string;
  title?: string;
  coderId?: string | null;
  /**
   * The memo's `updatedAt` when the editor loaded it (null: there was no memo). If the stored memo
   * has changed since (another tab or window saved it), the save is refused with a
   * ChangedElsewhereError. Omitted: no check (overwriting is then the caller's explicit choice).
   */
  expected?: string | null;
};

const saveMemo: Handler<MemoCommand, MemoWithText> = {
  writes: ['memos', 'texts'],
  reads: (cmd) => ({ memosOn: [cmd.target] }),
  texts: (cmd) => [cmd.text],
  plan(state, cmd, ctx) {
    const existing = state.memos.find((m) => m.target.id === cmd.target.id && m.target.kind === cmd.target.kind);
    if (cmd.expected !== undefined && (existing?.updatedAt ?? null) !== cmd.expected) throw new ChangedElsewhereError('memo', existing?.id ?? cmd.target.id);
    const meta: MemoMeta = existing
      ? { ...existing, title: cmd.title ?? existing.title, updatedAt: ctx.now }
      : { id: ctx.newId(), projectId: ctx.projectId, target: cmd.target, title: cmd.title ?? '', coderId: cmd.coderId ?? null, createdAt: ctx.now, updatedAt: ctx.now };
    return {
      ops: [put('memos', meta, !existing), put('texts', { id: meta.id, projectId: ctx.projectId, stored: ctx.encoded[0] })],
      step: { label: `Edit memo on the ${cmd.target.kind}` },
      audit: { action: existing ? 'memo.update' : 'memo.create', ids: [meta.id, cmd.target.id] },
      result: { ...meta, text: cmd.text },
    };
  },
};

export const memoHandlers = { saveMemo };
