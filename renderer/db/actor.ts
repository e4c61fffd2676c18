/**
 * Who the audit log names: the coder at the keyboard — the saved current coder if they belong to
 * the project, else the project's first coder (as the coder switcher shows, renderer/app/useCoder.ts).
 * For a project with no coders yet (being created or opened): the saved coder (chosen in another
 * project), else the first coder the command itself creates (the "You" of a new project, whom the
 * switcher will then show; see actorFromPlan). "local user" only when there is none.
 */
import type { RowOp } from '../../shared/commands';
import type { ChorusDb } from './schema';

export const NO_CODER = 'local user';

export async function currentActor(db: ChorusDb, projectId: string): Promise<string> {
  const saved = (await db.settings.get('currentCoderId'))?.value;
  // (an index query lists them in id order, as useCoder sees them)
  const coders = await db.coders.where('projectId').equals(projectId).toArray();
  const inProject = coders.find((c) => c.id === saved) ?? coders[0];
  if (inProject) return inProject.name;
  const savedCoder = typeof saved === 'string' ? await db.coders.get(saved) : undefined;
  return savedCoder?.name ?? NO_CODER;
}

/** The coder the switcher will show in a project a command creates: its first new coder in id order, if any. */
export function actorFromPlan(ops: readonly RowOp[]): string | undefined {
  const coders = ops.filter((op) => op.table === 'coders' && op.row !== null).map((op) => op.row as { id: string; name?: unknown });
  const first = coders.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  return typeof first?.name === 'string' ? first.name : undefined;
}
