/** Coder assignments (whole sources or single documents) resolved to the documents each coder was asked to code. */
import type { CoderAssignment, DocumentMeta } from '../../model';

/** Coder id → ids of the documents assigned to them (a source assignment covers all its documents). */
export function assignedDocuments(
  documents: readonly Pick<DocumentMeta, 'id' | 'sourceId'>[],
  assignments: readonly Pick<CoderAssignment, 'coderId' | 'scope' | 'targetId'>[],
): Record<string, string[]> {
  const bySource = new Map<string, Set<string>>();
  const byDocument = new Map<string, Set<string>>();
  for (const a of assignments) {
    const m = a.scope === 'source' ? bySource : byDocument;
    let coders = m.get(a.targetId);
    if (!coders) m.set(a.targetId, (coders = new Set()));
    coders.add(a.coderId);
  }
  const out: Record<string, string[]> = {};
  const give = (coders: Set<string> | undefined, id: string, seen: Set<string>) => {
    for (const c of coders ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      (out[c] ??= []).push(id);
    }
  };
  for (const d of documents) {
    const seen = new Set<string>();
    give(bySource.get(d.sourceId), d.id, seen);
    give(byDocument.get(d.id), d.id, seen);
  }
  return out;
}
