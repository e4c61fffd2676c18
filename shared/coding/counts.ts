/** Counts beside each code in the codebook: codings, documents, participants — own and rolled up to parents. */
import type { Code, Coding, DocumentMeta } from '../model';
import { eachCoding, type CodingIndex } from './coding-index';

export interface CodeCounts {
  codings: number;
  documents: number;
  participants: number;
}

/** A coded document's participant (null or undefined: none, or no such document). */
export type ParticipantOf = (documentId: string) => string | null | undefined;

/**
 * `own` counts a code's own codings; `rolled` counts distinct documents/participants over the code
 * and all its descendants (a parent's figure is a union, not a sum). The coded documents'
 * participants come from a list of documents, or from a lookup (the analysis worker's, which
 * reads a survey answer's participant from its table without making its document).
 */
export function codeCounts(
  codes: readonly Code[],
  codings: readonly Pick<Coding, 'documentId' | 'codeId' | 'coderId'>[] | CodingIndex,
  documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[] | ParticipantOf,
): { own: Map<string, CodeCounts>; rolled: Map<string, CodeCounts> } {
  // a list, or the columns of millions (no object per coding)
  const each = (visit: (documentId: string, codeId: string) => void) => eachCoding(codings, visit);
  const participantOf = typeof documents === 'function' ? documents : participantsOfCoded(documents, each);
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const ownSets = new Map<string, { n: number; docs: Set<string>; parts: Set<string> }>();
  const rollSets = new Map<string, { n: number; docs: Set<string>; parts: Set<string> }>();
  const get = (m: typeof ownSets, id: string) => m.get(id) ?? m.set(id, { n: 0, docs: new Set(), parts: new Set() }).get(id)!;
  // (a document's codings come together: its participant is looked up once)
  let lastDocument: string | undefined;
  let p: string | null = null;
  each((documentId, codeId) => {
    if (!parentOf.has(codeId)) return;
    if (documentId !== lastDocument) {
      lastDocument = documentId;
      p = participantOf(documentId) ?? null;
    }
    const o = get(ownSets, codeId);
    o.n++;
    o.docs.add(documentId);
    if (p) o.parts.add(p);
    const seen = new Set<string>();
    for (let id: string | null | undefined = codeId; id && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const r = get(rollSets, id);
      r.n++;
      r.docs.add(documentId);
      if (p) r.parts.add(p);
    }
  });
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

/** The coded documents' participants from a list of documents (a survey has hundreds of thousands of documents, a few of them coded). */
function participantsOfCoded(documents: readonly Pick<DocumentMeta, 'id' | 'participantId'>[], each: (visit: (documentId: string) => void) => void): ParticipantOf {
  const coded = new Set<string>();
  each((documentId) => coded.add(documentId));
  const participantOf = new Map<string, string | null>();
  for (const d of documents) if (coded.has(d.id)) participantOf.set(d.id, d.participantId);
  return (documentId) => participantOf.get(documentId);
}
