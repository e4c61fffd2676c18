/**
 * What the search worker computes, as pure functions over a loaded corpus (so they are tested
 * without a Worker): filtered corpus search with keyword-in-context rows, and previews of
 * "code all hits" and autocoding, with already-coded spans of the coder left out.
 */
import { autocodeByAttribute, autocodeByKeywords, autocodeBySpeaker, withoutExisting, type AutocodeProposal } from '../../shared/coding/autocode';
import { hitWidener, keywordInContext, searchCorpus, type HitScope, type SearchQuery } from '../../shared/coding/search';
import { unionSpans, type Span } from '../../shared/coding/spans';
import type { AttributeValue, Code, Coding, DocumentWithText, Participant, Source } from '../../shared/model';
import type { CodingIndex } from '../../shared/coding/coding-index';

/** The parts of a project the search worker needs. */
export interface Corpus {
  documents: DocumentWithText[];
  sources: Source[];
  participants: Participant[];
  codes: Code[];
  /** A list, or (in the worker) the project's codings as columns. */
  codings: readonly Coding[] | CodingIndex;
}

export interface SearchFilter {
  /** Only documents from these sources; empty = every source. */
  sourceIds: string[];
  /** Only documents whose participant has this attribute value (compared as text). */
  attribute: { variableId: string; value: string } | null;
}

export interface KwicRow {
  documentId: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  title: string;
  sourceName: string;
}

export interface SearchResult {
  rows: KwicRow[];
  /** Every hit, even those beyond the rows returned. */
  total: number;
  documents: number;
}

export interface CodingPreview {
  proposals: AutocodeProposal[];
  /** Segments to be coded (after joining overlaps and leaving out what is already coded). */
  segments: number;
  documents: number;
  /** The first few segments, for the user to check. */
  samples: { documentId: string; title: string; text: string }[];
}

export type AutocodeMethod =
  | { by: 'keywords'; codeIds: string[]; scope: HitScope }
  | { by: 'speaker'; speaker: string; codeId: string }
  | { by: 'attribute'; variableId: string; value: string; codeId: string };

export const attributeText = (v: AttributeValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The documents that pass the source and attribute filters. */
export function filterDocuments(corpus: Corpus, filter: SearchFilter): DocumentWithText[] {
  const sources = filter.sourceIds.length > 0 ? new Set(filter.sourceIds) : null;
  let people: Set<string> | null = null;
  if (filter.attribute) {
    const { variableId, value } = filter.attribute;
    people = new Set(corpus.participants.filter((p) => attributeText(p.attributes[variableId]) === value).map((p) => p.id));
  }
  return corpus.documents.filter(
    (d) => (!sources || sources.has(d.sourceId)) && (!people || (d.participantId !== null && people.has(d.participantId))),
  );
}

/** Search the filtered corpus; returns up to `limit` keyword-in-context rows and exact counts. */
export function runSearch(corpus: Corpus, query: SearchQuery, filter: SearchFilter, limit = 500, width = 60): SearchResult {
  const docs = filterDocuments(corpus, filter);
  const { hits, total, documents } = searchCorpus(docs, query, limit);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const sourceName = new Map(corpus.sources.map((s) => [s.id, s.name]));
  const rows = hits.map((h) => {
    const d = byId.get(h.documentId)!;
    return { documentId: h.documentId, start: h.start, end: h.end, ...keywordInContext(d.text, h, width), title: d.title, sourceName: sourceName.get(d.sourceId) ?? '' };
  });
  return { rows, total, documents };
}

function preview(corpus: Corpus, proposals: AutocodeProposal[], coderId: string, sampleCount: number): CodingPreview {
  const fresh = withoutExisting(proposals, corpus.codings, coderId);
  const byId = new Map(corpus.documents.map((d) => [d.id, d]));
  const samples = fresh.slice(0, sampleCount).map((p) => {
    const d = byId.get(p.documentId);
    return { documentId: p.documentId, title: d?.title ?? '', text: d?.text.slice(p.start, p.end) ?? '' };
  });
  return { proposals: fresh, segments: fresh.length, documents: new Set(fresh.map((p) => p.documentId)).size, samples };
}

/** "Code all hits": every hit of the query in the filtered corpus, widened to `scope`, coded with `codeId`. */
export function previewCodeHits(
  corpus: Corpus,
  query: SearchQuery,
  filter: SearchFilter,
  scope: HitScope,
  codeId: string,
  coderId: string,
  sampleCount = 5,
): CodingPreview {
  const docs = filterDocuments(corpus, filter);
  const { hits } = searchCorpus(docs, query);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const perDoc = new Map<string, Span[]>();
  // (a document's hits come together: its text is cut into units once, not for every hit)
  let widening: { id: string; widen: ReturnType<typeof hitWidener> } | undefined;
  for (const h of hits) {
    const d = byId.get(h.documentId)!;
    if (widening?.id !== d.id) widening = { id: d.id, widen: hitWidener(d.text, d.turns) };
    const s = widening.widen(h, scope);
    (perDoc.get(d.id) ?? perDoc.set(d.id, []).get(d.id)!).push(s);
  }
  const proposals: AutocodeProposal[] = [];
  for (const [documentId, spans] of perDoc) for (const s of unionSpans(spans)) proposals.push({ documentId, codeId, start: s.start, end: s.end });
  return preview(corpus, proposals, coderId, sampleCount);
}

/** Autocoding by keywords, speaker or attribute value, minus what the coder has already coded. */
export function previewAutocode(corpus: Corpus, method: AutocodeMethod, coderId: string, sampleCount = 5): CodingPreview {
  let proposals: AutocodeProposal[];
  if (method.by === 'keywords') proposals = autocodeByKeywords(corpus.documents, corpus.codes, method.scope, method.codeIds);
  else if (method.by === 'speaker') proposals = autocodeBySpeaker(corpus.documents, method.speaker, method.codeId);
  else {
    const actual = corpus.participants.map((p) => p.attributes[method.variableId]).find((v) => attributeText(v) === method.value);
    proposals = actual === undefined || actual === null ? [] : autocodeByAttribute(corpus.documents, corpus.participants, method.variableId, actual, method.codeId);
  }
  return preview(corpus, proposals, coderId, sampleCount);
}

/** The distinct speakers in the project's transcripts, sorted. */
export function speakersOf(documents: readonly { turns: readonly { speaker: string }[] }[]): string[] {
  const seen = new Map<string, string>();
  for (const d of documents) for (const t of d.turns) if (!seen.has(t.speaker.toLowerCase())) seen.set(t.speaker.toLowerCase(), t.speaker);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
}
