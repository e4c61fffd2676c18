/**
 * Undo and redo for every coding and codebook step, across documents, kept in the store (so a
 * reload loses nothing). Each step is a `history` row listing each row's state before and after;
 * execute.ts writes the steps and performs Undo and Redo (the `undo` and `redo` commands).
 */
import type { ChorusDb } from './schema';

/** What Undo and Redo would do now (for menu labels and disabled states); live-query friendly. */
export async function historyState(db: ChorusDb, projectId: string): Promise<{ undo: string | null; redo: string | null }> {
  const u = await db.history.where('[projectId+undone]').equals([projectId, 0]).last();
  const r = await db.history.where('[projectId+undone]').equals([projectId, 1]).first();
  return { undo: u?.label ?? null, redo: r?.label ?? null };
}
