import { newGuid, type Code } from '../../shared/model';
import { canMoveUnder, descendantIds } from '../../shared/coding/tree';
import { paletteColour } from '../../shared/coding/palette';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';

export type CodePatch = Partial<Pick<Code, 'name' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'colour' | 'keywords'>>;

export async function createCode(db: ChorusDb, input: { projectId: string; name: string; parentId?: string | null }): Promise<Code> {
  const name = input.name.trim();
  if (!name) throw new Error('A code needs a name');
  return db.transaction('rw', [db.codes, db.audit], async () => {
    const all = await db.codes.where('projectId').equals(input.projectId).toArray();
    const parentId = input.parentId ?? null;
    if (parentId !== null && !all.some((c) => c.id === parentId)) throw new Error('The parent code does not exist');
    const siblings = all.filter((c) => c.parentId === parentId);
    const code: Code = {
      id: newGuid(),
      projectId: input.projectId,
      parentId,
      name,
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
      colour: paletteColour(all.length),
      order: siblings.reduce((m, c) => Math.max(m, c.order), -1) + 1,
      keywords: [],
      createdAt: new Date().toISOString(),
    };
    await db.codes.add(code);
    await recordAudit(db, input.projectId, 'code.create', [code.id]);
    return code;
  });
}

export async function updateCode(db: ChorusDb, id: string, patch: CodePatch): Promise<void> {
  if (patch.name !== undefined && !patch.name.trim()) throw new Error('A code needs a name');
  await db.transaction('rw', [db.codes, db.audit], async () => {
    const code = await db.codes.get(id);
    if (!code) throw new Error('No such code');
    await db.codes.update(id, patch.name !== undefined ? { ...patch, name: patch.name.trim() } : patch);
    await recordAudit(db, code.projectId, 'code.update', [id]);
  });
}

/** Move a code under a new parent (null = top level) at `index` among its new siblings (default: last). */
export async function moveCode(db: ChorusDb, id: string, newParentId: string | null, index?: number): Promise<void> {
  await db.transaction('rw', [db.codes, db.audit], async () => {
    const code = await db.codes.get(id);
    if (!code) throw new Error('No such code');
    const all = await db.codes.where('projectId').equals(code.projectId).toArray();
    if (newParentId !== null && !all.some((c) => c.id === newParentId)) throw new Error('The new parent code does not exist');
    if (!canMoveUnder(all, id, newParentId)) throw new Error('A code cannot be moved under itself or one of its subcodes');
    const siblings = all.filter((c) => c.parentId === newParentId && c.id !== id).sort((a, b) => a.order - b.order);
    const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
    siblings.splice(at, 0, { ...code, parentId: newParentId });
    for (const [i, s] of siblings.entries()) await db.codes.update(s.id, { parentId: newParentId, order: i });
    await recordAudit(db, code.projectId, 'code.move', [id]);
  });
}

/** Delete a code, its subcodes and all their codings in one transaction; returns what went. */
export async function deleteCode(db: ChorusDb, id: string): Promise<{ codes: number; codings: number }> {
  return db.transaction('rw', [db.codes, db.codings, db.audit], async () => {
    const code = await db.codes.get(id);
    if (!code) throw new Error('No such code');
    const all = await db.codes.where('projectId').equals(code.projectId).toArray();
    const ids = [...descendantIds(all, id)];
    const codings = await db.codings.where('codeId').anyOf(ids).primaryKeys();
    await db.codings.bulkDelete(codings);
    await db.codes.bulkDelete(ids);
    await recordAudit(db, code.projectId, 'code.delete', ids);
    return { codes: ids.length, codings: codings.length };
  });
}

/** How many codings deleting `id` would remove (for the confirmation). */
export async function countCodingsUnder(db: ChorusDb, id: string): Promise<{ codes: number; codings: number }> {
  const code = await db.codes.get(id);
  if (!code) return { codes: 0, codings: 0 };
  const all = await db.codes.where('projectId').equals(code.projectId).toArray();
  const ids = [...descendantIds(all, id)];
  return { codes: ids.length, codings: await db.codings.where('codeId').anyOf(ids).count() };
}
