/**
 * Codebook operations that touch codings, as pure plans the store applies in one transaction.
 * Invariants (property-tested): merging never loses or duplicates coded text — for every
 * document and coder, the text coded with the target afterwards is exactly the union of what
 * was coded with source or target before, with no two target codings overlapping; splitting
 * moves codings without changing any of them.
 */
import type { Code, Coding } from '../model';
import { descendantIds } from './tree';
import { unionSpans } from './spans';

export interface CodingPlan {
  /** Codings to delete (by id). */
  remove: string[];
  /** Codings to add (new rows). */
  add: Coding[];
  /** Codes to delete (by id). */
  removeCodes: string[];
  /** Codes to update (id → patch). */
  updateCodes: { id: string; patch: Partial<Code> }[];
}

/**
 * Merge code `sourceId` into `targetId`: the source's codings move to the target, overlapping or
 * adjacent spans of the same coder in the same document are joined, the source is deleted and its
 * subcodes move under the target. Merging a code into its own descendant is refused.
 */
export function planMerge(
  codes: readonly Code[],
  codings: readonly Coding[],
  sourceId: string,
  targetId: string,
  newId: () => string,
  now: string,
): CodingPlan {
  if (sourceId === targetId) throw new Error('A code cannot be merged into itself');
  if (!codes.some((c) => c.id === sourceId) || !codes.some((c) => c.id === targetId)) throw new Error('Both codes must exist');
  if (descendantIds(codes, sourceId).has(targetId)) throw new Error('A code cannot be merged into one of its own subcodes');
  const involved = codings.filter((c) => c.codeId === sourceId || c.codeId === targetId);
  const groups = new Map<string, Coding[]>();
  for (const c of involved) {
    const k = `${c.documentId}\u0000${c.coderId}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
  }
  const plan: CodingPlan = { remove: [], add: [], removeCodes: [sourceId], updateCodes: [] };
  for (const group of groups.values()) {
    const merged = unionSpans(group);
    const targets = group.filter((c) => c.codeId === targetId);
    // keep target codings that survive unchanged, so their ids (and memos) are kept
    const unchanged = new Set(targets.filter((t) => merged.some((m) => m.start === t.start && m.end === t.end)).map((t) => `${t.start}:${t.end}`));
    const kept = new Set<string>();
    for (const c of group) {
      const key = `${c.start}:${c.end}`;
      if (c.codeId === targetId && unchanged.has(key) && !kept.has(key)) kept.add(key);
      else plan.remove.push(c.id);
    }
    const first = group[0]!;
    for (const m of merged) {
      if (kept.has(`${m.start}:${m.end}`)) continue;
      const earliest = group.filter((c) => c.start < m.end && m.start < c.end).map((c) => c.createdAt).sort()[0] ?? now;
      plan.add.push({ id: newId(), projectId: first.projectId, documentId: first.documentId, codeId: targetId, start: m.start, end: m.end, coderId: first.coderId, createdAt: earliest });
    }
  }
  for (const c of codes) if (c.parentId === sourceId) plan.updateCodes.push({ id: c.id, patch: { parentId: targetId } });
  return plan;
}

/** Split: move the chosen codings of `codeId` to a new code (created by the caller). */
export function planSplit(codings: readonly Coding[], codeId: string, move: ReadonlySet<string>, newCodeId: string): { updates: { id: string; codeId: string }[] } {
  const updates = codings.filter((c) => c.codeId === codeId && move.has(c.id)).map((c) => ({ id: c.id, codeId: newCodeId }));
  if (updates.length === 0) throw new Error('Choose at least one coding to move into the new code');
  return { updates };
}
