/** Counts beside each code in the codebook: codings, documents, participants — own and rolled up to parents. */
import type { Code, Coding, DocumentMeta } from '../model';

export interface CodeCounts {
  codings: number;
  documents: number;
  participants: number;
}

/**
 * `own` counts a code's own codings; `rolled` counts distinct documents/participants over the code
 * and all its descendants (a parent's figure is a union, not a sum).
 */
export function codeCounts(
  codes: readonly Code[],
  codings: readonly Coding[],
  documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[],
): { own: Map<string, CodeCounts>; rolled: Map<string, CodeCounts> } {
  // only the coded documents' participants are needed (a survey has hundreds of thousands of documents, a few of them coded)
  const coded = new Set<string>();
  for (const c of codings) coded.add(c.documentId);
  const participantOf = new Map<string, string | null>();
  for (const d of documents) if (coded.has(d.id)) participantOf.set(d.id, d.participantId);
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const ownSets = new Map<string, { n: number; docs: Set<string>; parts: Set<string> }>();
  const rollSets = new Map<string, { n: number; docs: Set<string>; parts: Set<string> }>();
  const get = (m: typeof ownSets, id: string) => m.get(id) ?? m.set(id, { n: 0, docs: new Set(), parts: new Set() }).get(id)!;
  for (const c of codings) {
    if (!parentOf.has(c.codeId)) continue;
    const p = participantOf.get(c.documentId) ?? null;
    const o = get(ownSets, c.codeId);
    o.n++;
    o.docs.add(c.documentId);
    if (p) o.parts.add(p);
    const seen = new Set<string>();
    for (let id: string | null | undefined = c.codeId; id && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const r = get(rollSets, id);
      r.n++;
      r.docs.add(c.documentId);
      if (p) r.parts.add(p);
    }
  }
  const toCounts = (m: typeof ownSets) => {
    const out = new Map<string, CodeCounts>();
    for (const code of codes) {
      const s = m.get(code.id);
      out.set(code.id, { codings: s?.n ?? 0, documents: s?.docs.size ?? 0, participants: s?.parts.size ?? 0 });
    }
    return out;
  };
  return { own: toCounts(ownSets), rolled: toCounts(rollSets) };
}
