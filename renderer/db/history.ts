/**
 * Undo and redo for every coding and codebook step, across documents, kept in the store (so a
 * reload loses nothing). Each step is a `history` row listing each row's state before and after;
 * execute.ts writes the steps and performs Undo and Redo (the `undo` and `redo` commands).
 * Each tab or window is a session with its own Undo and Redo (session.ts).
 */
import { ownStep } from '../../shared/commands';
import type { ChorusDb } from './schema';
import { windowSession } from './session';

/** What this window's Undo and Redo would act on now (for menu labels and disabled states); live-query friendly. */
export async function historyState(db: ChorusDb, projectId: string, session: string = windowSession()): Promise<{ undo: string | null; redo: string | null }> {
  const mine = (e: { session?: string }) => ownStep(e, session);
  const u = await db.history.where('[projectId+undone]').equals([projectId, 0]).reverse().filter(mine).first();
  const r = await db.history.where('[projectId+undone]').equals([projectId, 1]).filter(mine).first();
  return { undo: u?.label ?? null, redo: r?.label ?? null };
}
