/**
 * Who the audit log names: the coder at the keyboard — the saved current coder if they belong to
 * the project, else the project's first coder (as the coder switcher shows, renderer/app/useCoder.ts);
 * for a project with no coders yet, the saved coder's name; "local user" only when there is none.
 */
import type { ChorusDb } from './schema';

export const NO_CODER = 'local user';

export async function currentActor(db: ChorusDb, projectId: string): Promise<string> {
  const saved = (await db.settings.get('currentCoderId'))?.value;
  const coders = await db.coders.where('projectId').equals(projectId).toArray();
  // (an index query lists them in id order, as useCoder sees them)
  const inProject = coders.find((c) => c.id === saved) ?? coders[0];
  if (inProject) return inProject.name;
  const elsewhere = typeof saved === 'string' ? await db.coders.get(saved) : undefined;
  return elsewhere?.name ?? NO_CODER;
}
