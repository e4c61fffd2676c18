import { newGuid, type Code } from '../../shared/model';
import { canMoveUnder, descendantIds } from '../../shared/coding/tree';
import { planMerge, planSplit } from '../../shared/coding/codebook-ops';
import { paletteColour } from '../../shared/coding/palette';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';

export type CodePatch = Partial<Pick<Code, 'name' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'colour' | 'keywords'>>;

const projectCodes = (db: ChorusDb, projectId: string) => db.codes.where('projectId').equals(projectId).toArray();

export async function createCode(
  db: ChorusDb,
  input: { projectId: string; name: string; parentId?: string | null } & CodePatch,
): Promise<Code> {
  const name = input.name.trim();
  if (!name) throw new Error('A code needs a name');
  return recorded(db, input.projectId, `Create code “${name}”`, [db.codes, db.audit], async (rec) => {
    const all = await projectCodes(db, input.projectId);
    const parentId = input.parentId ?? null;
    if (parentId !== null && !all.some((c) => c.id === parentId)) throw new Error('The parent code does not exist');
    const siblings = all.filter((c) => c.parentId === parentId);
    const code: Code = {
      id: newGuid(),
      projectId: input.projectId,
      parentId,
      name,
      definition: input.definition ?? '',
      inclusion: input.inclusion ?? '',
      exclusion: input.exclusion ?? '',
      example: input.example ?? '',
      colour: input.colour ?? paletteColour(all.length),
      order: siblings.reduce((m, c) => Math.max(m, c.order), -1) + 1,
      keywords: input.keywords ?? [],
      createdAt: new Date().toISOString(),
    };
    await rec.put(db.codes, code);
    await recordAudit(db, input.projectId, 'code.create', [code.id]);
    return code;
  });
}

async function getCode(db: ChorusDb, id: string): Promise<Code> {
  const code = await db.codes.get(id);
  if (!code) throw new Error('No such code');
  return code;
}

export async function updateCode(db: ChorusDb, id: string, patch: CodePatch): Promise<void> {
  if (patch.name !== undefined && !patch.name.trim()) throw new Error('A code needs a name');
  const code = await getCode(db, id);
  const label = patch.name !== undefined && patch.name.trim() !== code.name ? `Rename “${code.name}”` : `Edit “${code.name}”`;
  await recorded(db, code.projectId, label, [db.codes, db.audit], async (rec) => {
    await rec.update(db.codes, id, patch.name !== undefined ? { ...patch, name: patch.name.trim() } : patch);
    await recordAudit(db, code.projectId, 'code.update', [id]);
  });
}

/** Move a code under a new parent (null = top level) at `index` among its new siblings (default: last). */
export async function moveCode(db: ChorusDb, id: string, newParentId: string | null, index?: number): Promise<void> {
  const code = await getCode(db, id);
  await recorded(db, code.projectId, `Move “${code.name}”`, [db.codes, db.audit], async (rec) => {
    const all = await projectCodes(db, code.projectId);
    if (newParentId !== null && !all.some((c) => c.id === newParentId)) throw new Error('The new parent code does not exist');
    if (!canMoveUnder(all, id, newParentId)) throw new Error('A code cannot be moved under itself or one of its subcodes');
    const siblings = all.filter((c) => c.parentId === newParentId && c.id !== id).sort((a, b) => a.order - b.order);
    const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
    siblings.splice(at, 0, { ...code, parentId: newParentId });
    for (const [i, s] of siblings.entries()) {
      if (s.parentId !== (all.find((c) => c.id === s.id)?.parentId ?? null) || s.order !== i || s.id === id) {
        await rec.update(db.codes, s.id, { parentId: newParentId, order: i });
      }
    }
    await recordAudit(db, code.projectId, 'code.move', [id]);
  });
}

/** Delete a code, its subcodes and all their codings in one transaction; returns what went. */
export async function deleteCode(db: ChorusDb, id: string): Promise<{ codes: number; codings: number }> {
  const code = await getCode(db, id);
  return recorded(db, code.projectId, `Delete “${code.name}”`, [db.codes, db.codings, db.audit], async (rec) => {
    const ids = [...descendantIds(await projectCodes(db, code.projectId), id)];
    const codings = await db.codings.where('codeId').anyOf(ids).primaryKeys();
    for (const c of codings) await rec.delete(db.codings, c);
    for (const c of ids) await rec.delete(db.codes, c);
    await recordAudit(db, code.projectId, 'code.delete', ids);
    return { codes: ids.length, codings: codings.length };
  });
}

/** How many codes and codings deleting `id` would remove (for the confirmation). */
export async function countCodingsUnder(db: ChorusDb, id: string): Promise<{ codes: number; codings: number }> {
  const code = await db.codes.get(id);
  if (!code) return { codes: 0, codings: 0 };
  const ids = [...descendantIds(await projectCodes(db, code.projectId), id)];
  return { codes: ids.length, codings: await db.codings.where('codeId').anyOf(ids).count() };
}

/**
 * Merge `sourceId` into `targetId`: codings move to the target, overlapping spans of one coder are
 * joined (no text is lost or coded twice), subcodes move under the target, the source goes.
 */
export async function mergeCodes(db: ChorusDb, sourceId: string, targetId: string): Promise<{ moved: number; joined: number }> {
  const source = await getCode(db, sourceId);
  const target = await getCode(db, targetId);
  return recorded(db, source.projectId, `Merge “${source.name}” into “${target.name}”`, [db.codes, db.codings, db.audit], async (rec) => {
    const codes = await projectCodes(db, source.projectId);
    const codings = await db.codings.where('codeId').anyOf([sourceId, targetId]).toArray();
    const plan = planMerge(codes, codings, sourceId, targetId, newGuid, new Date().toISOString());
    for (const id of plan.remove) await rec.delete(db.codings, id);
    for (const c of plan.add) await rec.put(db.codings, c);
    for (const u of plan.updateCodes) await rec.update(db.codes, u.id, u.patch);
    for (const id of plan.removeCodes) await rec.delete(db.codes, id);
    await recordAudit(db, source.projectId, 'code.merge', [sourceId, targetId]);
    const before = codings.length;
    const after = before - plan.remove.length + plan.add.length;
    return { moved: codings.filter((c) => c.codeId === sourceId).length, joined: before - after };
  });
}

/** Split: create a new sibling code and move the chosen codings of `codeId` into it. */
export async function splitCode(db: ChorusDb, codeId: string, newName: string, codingIds: string[]): Promise<Code> {
  const code = await getCode(db, codeId);
  const name = newName.trim();
  if (!name) throw new Error('The new code needs a name');
  return recorded(db, code.projectId, `Split “${code.name}”`, [db.codes, db.codings, db.audit], async (rec) => {
    const all = await projectCodes(db, code.projectId);
    const fresh: Code = {
      ...code,
      id: newGuid(),
      name,
      colour: paletteColour(all.length),
      order: code.order + 0.5,
      createdAt: new Date().toISOString(),
    };
    const codings = await db.codings.where('codeId').equals(codeId).toArray();
    const { updates } = planSplit(codings, codeId, new Set(codingIds), fresh.id);
    await rec.put(db.codes, fresh);
    for (const u of updates) await rec.update(db.codings, u.id, { codeId: u.codeId });
    await recordAudit(db, code.projectId, 'code.split', [codeId, fresh.id]);
    return fresh;
  });
}
