/**
 * What a merge changes in the open project: the rows of the merged bundle that are new, or that
 * differ from the project's own (a code renamed or moved when the other file's version was
 * preferred). The app writes exactly these as one undoable step (the `mergeProject` command);
 * nothing of the open project is deleted by a merge.
 */
import type { DocumentWithText, MemoWithText, ProjectBundle } from '../model';

/** The tables a merge writes, besides documents and memos (which carry text). */
export const MERGE_TABLES = ['coders', 'sources', 'variables', 'participants', 'codes', 'codings', 'findings', 'actions', 'recommendations', 'assignments', 'decisions', 'quotes', 'packTemplates'] as const;
export type MergeTable = (typeof MERGE_TABLES)[number];

export interface MergeDelta {
  rows: { [T in MergeTable]: NonNullable<ProjectBundle[T]> };
  documents: DocumentWithText[];
  memos: MemoWithText[];
}

/** Stable JSON (keys sorted) for comparing rows. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function changed<T extends { id: string }>(base: readonly T[], merged: readonly T[]): T[] {
  const before = new Map(base.map((r) => [r.id, canonical(r)]));
  return merged.filter((r) => before.get(r.id) !== canonical(r));
}

export function mergeDelta(base: ProjectBundle, merged: ProjectBundle): MergeDelta {
  const rows = Object.fromEntries(MERGE_TABLES.map((t) => [t, changed<{ id: string }>(base[t] ?? [], merged[t] ?? [])])) as MergeDelta['rows'];
  return { rows, documents: changed(base.documents, merged.documents), memos: changed(base.memos, merged.memos) };
}

/** How many rows of each kind a delta adds or changes (for the audit entry and the summary shown). */
export function deltaCounts(delta: MergeDelta): Record<string, number> {
  const counts: Record<string, number> = { documents: delta.documents.length, memos: delta.memos.length };
  for (const t of MERGE_TABLES) counts[t] = delta.rows[t].length;
  return counts;
}
