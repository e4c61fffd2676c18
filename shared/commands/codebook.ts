/** Codebook commands: create, edit (rename, definition, keywords…), move, delete, merge, split, import. */
import type { Code, Coding } from '../model';
import { canMoveUnder, descendantIds } from '../coding/tree';
import { planMerge, planSplit } from '../coding/codebook-ops';
import { paletteColour } from '../coding/palette';
import { ChangedElsewhereError } from './conflict';
import { sameRow } from './history';
import { relinkFindings } from './finding-links';
import type { Handler, RowOp, Snapshot } from './types';

export type CodePatch = Partial<Pick<Code, 'name' | 'definition' | 'inclusion' | 'exclusion' | 'example' | 'colour' | 'keywords'>>;

export type CodebookCommand =
  | ({ type: 'createCode'; name: string; parentId?: string | null } & Omit<CodePatch, 'name'>)
  /**
   * `base`: the fields as the editor loaded them. If a stored field in `base` differs (another tab
   * or window changed it since), the edit is refused with a ChangedElsewhereError. Omitted: no check.
   */
  | { type: 'updateCode'; codeId: string; patch: CodePatch; base?: CodePatch }
  /** `base.parentId`: where the code was when the move started (checked like updateCode's base). */
  | { type: 'moveCode'; codeId: string; parentId: string | null; index?: number; base?: { parentId: string | null } }
  | { type: 'deleteCode'; codeId: string }
  | { type: 'mergeCodes'; sourceId: string; targetId: string }
  | { type: 'splitCode'; codeId: string; name: string; codingIds: readonly string[] }
  | { type: 'importCodes'; codes: readonly Code[]; label: string };

type Of<T extends CodebookCommand['type']> = Extract<CodebookCommand, { type: T }>;

export const put = <T extends { id: string }>(table: RowOp['table'], row: T, add?: boolean): RowOp => ({ table, key: row.id, row: row as RowOp['row'], ...(add ? { add } : {}) });
export const del = (table: RowOp['table'], key: string): RowOp => ({ table, key, row: null });

/** The code `id` of this project, or a clear refusal. */
export function codeOf(state: Snapshot, id: string): Code {
  const code = state.codes.find((c) => c.id === id);
  if (!code) throw new Error('No such code in this project');
  return code;
}

/** Refuse an edit whose editor started from field values that are no longer stored. */
function checkBase(code: Code, base: Partial<Code> | undefined): void {
  if (!base) return;
  for (const [k, v] of Object.entries(base)) {
    if (v !== undefined && !sameRow((code as Record<string, unknown>)[k] ?? null, v ?? null)) throw new ChangedElsewhereError('code', code.id);
  }
}

const createCode: Handler<Of<'createCode'>, Code> = {
  writes: ['codes'],
  reads: () => ({ codes: true }),
  plan(state, cmd, ctx) {
    const name = cmd.name.trim();
    if (!name) throw new Error('A code needs a name');
    const parentId = cmd.parentId ?? null;
    if (parentId !== null && !state.codes.some((c) => c.id === parentId)) throw new Error('The parent code does not exist');
    const siblings = state.codes.filter((c) => c.parentId === parentId);
    const code: Code = {
      id: ctx.newId(),
      projectId: ctx.projectId,
      parentId,
      name,
      definition: cmd.definition ?? '',
      inclusion: cmd.inclusion ?? '',
      exclusion: cmd.exclusion ?? '',
      example: cmd.example ?? '',
      colour: cmd.colour ?? paletteColour(state.codes.length),
      order: siblings.reduce((m, c) => Math.max(m, c.order), -1) + 1,
      keywords: cmd.keywords ?? [],
      createdAt: ctx.now,
    };
    return { ops: [put('codes', code, true)], step: { label: `Create code “${name}”` }, audit: { action: 'code.create', ids: [code.id] }, result: code };
  },
};

const updateCode: Handler<Of<'updateCode'>, Code> = {
  writes: ['codes'],
  reads: () => ({ codes: true }),
  plan(state, { codeId, patch, base }) {
    if (patch.name !== undefined && !patch.name.trim()) throw new Error('A code needs a name');
    const code = codeOf(state, codeId);
    checkBase(code, base);
    const renamed = patch.name !== undefined && patch.name.trim() !== code.name;
    const after: Code = { ...code, ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) };
    return {
      ops: [put('codes', after)],
      step: { label: renamed ? `Rename “${code.name}”` : `Edit “${code.name}”` },
      audit: { action: 'code.update', ids: [codeId] },
      result: after,
    };
  },
};

const moveCode: Handler<Of<'moveCode'>, void> = {
  writes: ['codes'],
  reads: () => ({ codes: true }),
  plan(state, { codeId, parentId, index, base }) {
    const code = codeOf(state, codeId);
    checkBase(code, base);
    const all = state.codes;
    if (parentId !== null && !all.some((c) => c.id === parentId)) throw new Error('The new parent code does not exist');
    if (!canMoveUnder(all, codeId, parentId)) throw new Error('A code cannot be moved under itself or one of its subcodes');
    const siblings = all.filter((c) => c.parentId === parentId && c.id !== codeId).sort((a, b) => a.order - b.order);
    const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
    siblings.splice(at, 0, { ...code, parentId });
    const ops: RowOp[] = [];
    for (const [i, s] of siblings.entries()) {
      const was = all.find((c) => c.id === s.id)!;
      if (was.parentId !== parentId || was.order !== i || s.id === codeId) ops.push(put('codes', { ...was, parentId, order: i }));
    }
    return { ops, step: { label: `Move “${code.name}”` }, audit: { action: 'code.move', ids: [codeId] }, result: undefined };
  },
};

/** Delete a code, its subcodes and all their codings. */
const deleteCode: Handler<Of<'deleteCode'>, { codes: number; codings: number }> = {
  writes: ['codes', 'codings', 'findings'],
  reads: (cmd) => ({ codes: true, codingsUnder: cmd.codeId, findings: true }),
  plan(state, { codeId }) {
    const code = codeOf(state, codeId);
    const ids = descendantIds(state.codes, codeId);
    const codings = state.codings.filter((c) => ids.has(c.codeId));
    return {
      ops: [...codings.map((c) => del('codings', c.id)), ...[...ids].map((id) => del('codes', id)), ...relinkFindings(state.findings, new Map([...ids].map((id) => [id, null])))],
      step: { label: `Delete “${code.name}”` },
      audit: { action: 'code.delete', ids: [...ids], counts: { codes: ids.size, codings: codings.length } },
      result: { codes: ids.size, codings: codings.length },
    };
  },
};

const mergeCodes: Handler<Of<'mergeCodes'>, { moved: number; joined: number }> = {
  writes: ['codes', 'codings', 'findings'],
  reads: (cmd) => ({ codes: true, codingsOfCodes: [cmd.sourceId, cmd.targetId], findings: true }),
  plan(state, { sourceId, targetId }, ctx) {
    const source = codeOf(state, sourceId);
    const target = codeOf(state, targetId);
    const codings = state.codings.filter((c) => c.codeId === sourceId || c.codeId === targetId);
    const m = planMerge(state.codes, codings, sourceId, targetId, ctx.newId, ctx.now);
    const byId = new Map(state.codes.map((c) => [c.id, c]));
    const ops: RowOp[] = [
      ...m.remove.map((id) => del('codings', id)),
      ...m.add.map((c) => put('codings', c, true)),
      ...m.updateCodes.map((u) => put('codes', { ...byId.get(u.id)!, ...u.patch })),
      ...m.removeCodes.map((id) => del('codes', id)),
      ...relinkFindings(state.findings, new Map([sourceId, ...m.removeCodes].map((id) => [id, targetId]))),
    ];
    const after = codings.length - m.remove.length + m.add.length;
    const result = { moved: codings.filter((c) => c.codeId === sourceId).length, joined: codings.length - after };
    return {
      ops,
      step: { label: `Merge “${source.name}” into “${target.name}”` },
      audit: { action: 'code.merge', ids: [sourceId, targetId], counts: { moved: result.moved, joined: result.joined } },
      result,
    };
  },
};

const splitCode: Handler<Of<'splitCode'>, Code> = {
  writes: ['codes', 'codings'],
  reads: (cmd) => ({ codes: true, codingsOfCodes: [cmd.codeId] }),
  plan(state, cmd, ctx) {
    const code = codeOf(state, cmd.codeId);
    const name = cmd.name.trim();
    if (!name) throw new Error('The new code needs a name');
    const fresh: Code = { ...code, id: ctx.newId(), name, colour: paletteColour(state.codes.length), order: code.order + 0.5, createdAt: ctx.now };
    const mine = state.codings.filter((c) => c.codeId === cmd.codeId);
    const { updates } = planSplit(mine, cmd.codeId, new Set(cmd.codingIds), fresh.id);
    const byId = new Map<string, Coding>(mine.map((c) => [c.id, c]));
    return {
      ops: [put('codes', fresh, true), ...updates.map((u) => put('codings', { ...byId.get(u.id)!, codeId: u.codeId }))],
      step: { label: `Split “${code.name}”` },
      audit: { action: 'code.split', ids: [cmd.codeId, fresh.id], counts: { moved: updates.length } },
      result: fresh,
    };
  },
};

export interface CodebookImportResult {
  /** Codes created. */
  added: number;
  /** Codes in the file whose path (names from the top, ignoring case) was already in the codebook: left as they were. */
  matched: number;
}

/**
 * Add a set of codes (from a .qdc, CSV/XLSX or template; parents before children) in ONE step.
 * Every code gets a new id; a code whose path already exists is not duplicated (its children
 * still join it); new top-level codes go after the existing ones.
 */
const importCodes: Handler<Of<'importCodes'>, CodebookImportResult> = {
  writes: ['codes'],
  reads: () => ({ codes: true }),
  plan(state, { codes, label }, ctx) {
    if (codes.length === 0) throw new Error('There are no codes to import');
    const fold = (s: string) => s.trim().toLocaleLowerCase('en-GB');
    const childKey = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${fold(name)}`;
    const byKey = new Map(state.codes.map((c) => [childKey(c.parentId, c.name), c]));
    const nextOrder = new Map<string | null, number>();
    for (const c of state.codes) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.order + 1));
    const idMap = new Map<string, string>();
    const sorted = [...codes].sort((a, b) => a.order - b.order);
    const inFileIds = new Set(codes.map((c) => c.id));
    const ops: RowOp[] = [];
    let added = 0;
    let matched = 0;
    const pending = new Set(sorted.map((c) => c.id));
    // Parents first: repeat passes until every code whose parent is placed has been placed.
    while (pending.size > 0) {
      let progress = false;
      for (const c of sorted) {
        if (!pending.has(c.id)) continue;
        const inFile = c.parentId !== null && inFileIds.has(c.parentId);
        if (inFile && !idMap.has(c.parentId!)) continue;
        const parentId = inFile ? idMap.get(c.parentId!)! : null;
        pending.delete(c.id);
        progress = true;
        const same = byKey.get(childKey(parentId, c.name));
        if (same) {
          idMap.set(c.id, same.id);
          matched++;
          continue;
        }
        const order = nextOrder.get(parentId) ?? 0;
        nextOrder.set(parentId, order + 1);
        const fresh: Code = { ...c, id: ctx.newId(), projectId: ctx.projectId, parentId, name: c.name.trim(), order, createdAt: ctx.now };
        ops.push(put('codes', fresh, true));
        byKey.set(childKey(parentId, fresh.name), fresh);
        idMap.set(c.id, fresh.id);
        added++;
      }
      if (!progress) throw new Error('The codes to import have a parent loop');
    }
    return { ops, step: { label }, audit: { action: 'codebook.import', ids: [...idMap.values()], counts: { added, matched } }, result: { added, matched } };
  },
};

export const codebookHandlers = { createCode, updateCode, moveCode, deleteCode, mergeCodes, splitCode, importCodes };

