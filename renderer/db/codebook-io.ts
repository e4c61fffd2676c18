import { newGuid, type Code } from '../../shared/model';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';

export interface CodebookImportResult {
  /** Codes created. */
  added: number;
  /** Codes in the file whose path (names from the top, ignoring case) was already in the codebook: left as they were. */
  matched: number;
}

/**
 * Add a set of codes (from a .qdc, CSV/XLSX or template; parents before children) to a project in
 * ONE undoable step. Every code gets a new id; a code whose path already exists is not duplicated
 * (its children still join it); new top-level codes go after the existing ones.
 */
export async function importCodes(db: ChorusDb, projectId: string, codes: readonly Code[], label: string): Promise<CodebookImportResult> {
  if (codes.length === 0) throw new Error('There are no codes to import');
  return recorded(db, projectId, label, [db.codes, db.audit], async (rec) => {
    const existing = await db.codes.where('projectId').equals(projectId).toArray();
    const fold = (s: string) => s.trim().toLocaleLowerCase('en-GB');
    const childKey = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${fold(name)}`;
    const byKey = new Map(existing.map((c) => [childKey(c.parentId, c.name), c]));
    const nextOrder = new Map<string | null, number>();
    for (const c of existing) nextOrder.set(c.parentId, Math.max(nextOrder.get(c.parentId) ?? 0, c.order + 1));
    const idMap = new Map<string, string>();
    const sorted = [...codes].sort((a, b) => a.order - b.order);
    let added = 0;
    let matched = 0;
    const pending = new Set(sorted.map((c) => c.id));
    // Parents first: repeat passes until every code whose parent is placed has been placed.
    while (pending.size > 0) {
      let progress = false;
      for (const c of sorted) {
        if (!pending.has(c.id)) continue;
        const inFile = c.parentId !== null && codes.some((p) => p.id === c.parentId);
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
        const fresh: Code = { ...c, id: newGuid(), projectId, parentId, name: c.name.trim(), order, createdAt: new Date().toISOString() };
        await rec.put(db.codes, fresh);
        byKey.set(childKey(parentId, fresh.name), fresh);
        idMap.set(c.id, fresh.id);
        added++;
      }
      if (!progress) throw new Error('The codes to import have a parent loop');
    }
    await recordAudit(db, projectId, 'codebook.import', [...idMap.values()].slice(0, 50));
    return { added, matched };
  });
}
