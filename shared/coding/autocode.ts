/**
 * Autocoding: propose codings from each code's keywords (stemmed), from a speaker's turns, or
 * from a participant attribute value. Proposals are previewed and counted, then applied as one
 * undoable step by the store. Pure.
 */
import type { Code, Coding, DocumentMeta, Participant } from '../model';
import { compileSearch, hitWidener, type HitScope } from './search';
import { subtractSpans, unionSpans, type Span } from './spans';
import { CodingIndex } from './coding-index';

export interface AutocodeProposal extends Span {
  documentId: string;
  codeId: string;
}

type Doc = Pick<DocumentMeta, 'id' | 'turns' | 'participantId'> & { text: string };

function collect(byKey: Map<string, { documentId: string; codeId: string; spans: Span[] }>, documentId: string, codeId: string, s: Span) {
  const k = `${documentId}\u0000${codeId}`;
  (byKey.get(k) ?? byKey.set(k, { documentId, codeId, spans: [] }).get(k)!).spans.push(s);
}

function flatten(byKey: Map<string, { documentId: string; codeId: string; spans: Span[] }>): AutocodeProposal[] {
  const out: AutocodeProposal[] = [];
  for (const { documentId, codeId, spans } of byKey.values()) for (const s of unionSpans(spans)) out.push({ documentId, codeId, ...s });
  return out;
}

/** Code every stemmed keyword hit of each code (widened to `scope`); overlapping results are joined. */
export function autocodeByKeywords(docs: Iterable<Doc>, codes: readonly Code[], scope: HitScope, codeIds?: readonly string[]): AutocodeProposal[] {
  const chosen = codes.filter((c) => c.keywords.length > 0 && (!codeIds || codeIds.includes(c.id)));
  const matchers = chosen.map((c) => ({ code: c, match: c.keywords.filter((k) => k.trim()).map((k) => compileSearch({ text: k, mode: 'stem' })) }));
  const byKey = new Map<string, { documentId: string; codeId: string; spans: Span[] }>();
  for (const d of docs) {
    const widen = hitWidener(d.text, d.turns);
    for (const { code, match } of matchers) {
      for (const m of match) for (const hit of m(d.text)) collect(byKey, d.id, code.id, widen(hit, scope));
    }
  }
  return flatten(byKey);
}

/** Code every turn of the named speaker (case-insensitive) with `codeId`. */
export function autocodeBySpeaker(docs: Iterable<Doc>, speaker: string, codeId: string): AutocodeProposal[] {
  const want = speaker.trim().toLowerCase();
  const byKey = new Map<string, { documentId: string; codeId: string; spans: Span[] }>();
  for (const d of docs) for (const t of d.turns) if (t.speaker.toLowerCase() === want && t.end > t.start) collect(byKey, d.id, codeId, t);
  return flatten(byKey);
}

/** Code the whole text of every document whose participant has `variableId` = `value`. */
export function autocodeByAttribute(
  docs: Iterable<Doc>,
  participants: readonly Participant[],
  variableId: string,
  value: string | number | boolean,
  codeId: string,
): AutocodeProposal[] {
  const match = new Set(participants.filter((p) => p.attributes[variableId] === value).map((p) => p.id));
  const out: AutocodeProposal[] = [];
  for (const d of docs) if (d.participantId && match.has(d.participantId) && d.text.length > 0) out.push({ documentId: d.id, codeId, start: 0, end: d.text.length });
  return out;
}

/** Drop the parts of proposals the coder has already coded with the same code. */
export function withoutExisting(proposals: readonly AutocodeProposal[], existing: readonly Pick<Coding, 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>[] | CodingIndex, coderId: string): AutocodeProposal[] {
  const have = new Map<string, Span[]>();
  const add = (c: Pick<Coding, 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>) => {
    if (c.coderId === coderId) (have.get(`${c.documentId}\u0000${c.codeId}`) ?? have.set(`${c.documentId}\u0000${c.codeId}`, []).get(`${c.documentId}\u0000${c.codeId}`)!).push(c);
  };
  // (an index: only the proposals' documents are looked at)
  if (existing instanceof CodingIndex) for (const d of new Set(proposals.map((p) => p.documentId))) for (const c of existing.get(d) ?? []) add(c);
  else for (const c of existing) add(c);
  const out: AutocodeProposal[] = [];
  for (const p of proposals) {
    const done = have.get(`${p.documentId}\u0000${p.codeId}`);
    if (!done) {
      out.push(p);
      continue;
    }
    for (const s of subtractSpans([p], done)) out.push({ documentId: p.documentId, codeId: p.codeId, ...s });
  }
  return out;
}
