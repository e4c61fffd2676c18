/**
 * The Code view's list: the segments a query selects, narrowed by the view's filters (an attribute
 * value, a source kind, a coder, candidate quotes only), sorted, and each as a row with its text,
 * context, source, document, participant attributes and coder — and the same list as a table to
 * export. Pure; the analysis worker runs it so the screen only ever holds the rows in view.
 */
import type { AnalysisIndex } from '../analysis/prepare';
import { personValue, resolveAttribute } from '../analysis/scope';
import type { Column, Row } from '../analysis/types';
import { codePath } from '../analysis/frequencies';
import type { ExportTable } from '../export/table';
import type { Quote } from '../model';
import { selectSegments, type SegmentQuery } from './segments';
import type { SegmentSortKey, SegmentView } from './view-options';

export { SEGMENT_SORTS, type SegmentSortKey, type SegmentView } from './view-options';

export interface SegmentRow {
  /** Position in the index's codings (stable for one revision). */
  position: number;
  codingId: string;
  documentId: string;
  document: string;
  source: string;
  sourceKind: string;
  codeId: string;
  code: string;
  coder: string;
  participant: string;
  /** The speaker of the turn the segment starts in (transcripts). */
  speaker: string;
  /** Participant (and response) attributes by name, in the project's variable order. */
  attributes: Array<[string, string]>;
  start: number;
  end: number;
  text: string;
  /** Up to CONTEXT characters either side, cut at a word boundary. */
  before: string;
  after: string;
  /** The quote starred from this segment, if any. */
  quoteId: string | null;
}

export const CONTEXT = 240;

/** Quotes by the coding they were starred from, or else by the place they mark (document:start:end). */
export function quoteLookup(quotes: readonly Quote[]): (index: AnalysisIndex, k: number) => string | null {
  const byCoding = new Map<string, string>();
  const byPlace = new Map<string, string>();
  for (const q of quotes) {
    if (q.codingId) byCoding.set(q.codingId, q.id);
    byPlace.set(`${q.documentId}:${q.start}:${q.end}`, q.id);
  }
  return (index, k) => {
    const hit = byCoding.get(index.codings.id(k));
    if (hit) return hit;
    return byPlace.get(`${index.documents.id(index.codings.doc[k]!)}:${index.codings.start[k]!}:${index.codings.end[k]!}`) ?? null;
  };
}

function sortKeyOf(index: AnalysisIndex, key: SegmentSortKey): (k: number) => string | number {
  const { codings } = index;
  const coderNames = coderNamesOf(index);
  switch (key) {
    case 'document':
      return (k) => k; // index order: document, then start
    case 'code':
      return (k) => codePath(index, codings.code[k]!);
    case 'source':
      return (k) => index.sources[index.docSource[codings.doc[k]!]!]?.name ?? '';
    case 'coder':
      return (k) => coderNames[codings.coder[k]!] ?? '';
    case 'participant':
      return (k) => participantOf(index, codings.doc[k]!);
    case 'length':
      return (k) => codings.end[k]! - codings.start[k]!;
    default: {
      const ref = resolveAttribute(index, key.slice('attribute:'.length));
      return (k) => personValue(index, ref, index.docPerson[codings.doc[k]!]!) ?? '';
    }
  }
}

function coderNamesOf(index: AnalysisIndex): string[] {
  const names: string[] = [];
  for (const c of index.bundle.coders) {
    const i = index.coderIndex.get(c.id);
    if (i !== undefined) names[i] = c.name;
  }
  return names;
}

function participantOf(index: AnalysisIndex, d: number): string {
  const pid = index.documents.participantId(d);
  if (!pid) return '';
  const i = index.participants.indexOf(pid);
  return i === undefined ? '' : index.participants.pseudonym(i);
}

/** The view's segments, in order (positions into the index's codings). */
export function listSegments(index: AnalysisIndex, query: SegmentQuery, view: SegmentView = {}, quotes: readonly Quote[] = []): Int32Array {
  const { positions } = selectSegments(index, query);
  const starred = view.starredOnly ? quoteLookup(quotes) : null;
  const ref = view.attribute ? resolveAttribute(index, view.attribute.name) : null;
  const coder = view.coderId === undefined ? undefined : (index.coderIndex.get(view.coderId) ?? -2);
  const out: number[] = [];
  for (const k of positions) {
    const d = index.codings.doc[k]!;
    if (ref && personValue(index, ref, index.docPerson[d]!) !== view.attribute!.value) continue;
    if (view.sourceKind !== undefined && index.sources[index.docSource[d]!]?.kind !== view.sourceKind) continue;
    if (coder !== undefined && index.codings.coder[k] !== coder) continue;
    if (starred && starred(index, k) === null) continue;
    out.push(k);
  }
  const sort = view.sort;
  if (sort && sort.key !== 'document') {
    const keyOf = sortKeyOf(index, sort.key);
    const keys = new Map(out.map((k) => [k, keyOf(k)]));
    const dir = sort.descending ? -1 : 1;
    out.sort((a, b) => {
      const x = keys.get(a)!;
      const y = keys.get(b)!;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
      return c !== 0 ? c * dir : a - b;
    });
  } else if (sort?.descending) out.reverse();
  return Int32Array.from(out);
}

/** Text cut to at most `max` characters at a word boundary, from its start or its end. */
function around(text: string, max: number, fromEnd: boolean): string {
  if (text.length <= max) return text;
  const cut = fromEnd ? text.slice(text.length - max) : text.slice(0, max);
  const space = fromEnd ? cut.indexOf(' ') : cut.lastIndexOf(' ');
  if (space < 0 || (fromEnd ? space > max / 2 : space < max / 2)) return fromEnd ? `…${cut}` : `${cut}…`;
  return fromEnd ? `…${cut.slice(space + 1)}` : `${cut.slice(0, space)}…`;
}

/** One segment as the Code view shows it. */
export function segmentRow(index: AnalysisIndex, k: number, quoteOf: (index: AnalysisIndex, k: number) => string | null): SegmentRow {
  const { codings } = index;
  const d = codings.doc[k]!;
  const doc = index.documents.at(d);
  const source = index.sources[index.docSource[d]!];
  const start = codings.start[k]!;
  const end = codings.end[k]!;
  const person = index.docPerson[d]!;
  const attrs = index.personAttributes[person] ?? {};
  const attributes: Array<[string, string]> = [];
  for (const v of index.bundle.variables) {
    const x = attrs[v.id];
    if (x !== null && x !== undefined && String(x).trim() !== '') attributes.push([v.name, String(x)]);
  }
  const turn = doc.turns.find((t) => t.start <= start && start < t.end);
  return {
    position: k,
    codingId: codings.id(k),
    documentId: doc.id,
    document: doc.title,
    source: source?.name ?? '',
    sourceKind: source?.kind ?? '',
    codeId: index.codes[codings.code[k]!]!.id,
    code: codePath(index, codings.code[k]!),
    coder: coderNamesOf(index)[codings.coder[k]!] ?? '',
    participant: participantOf(index, d),
    speaker: turn?.speaker ?? '',
    attributes,
    start,
    end,
    text: doc.text.slice(start, end),
    before: around(doc.text.slice(Math.max(0, start - CONTEXT * 2), start), CONTEXT, true),
    after: around(doc.text.slice(end, end + CONTEXT * 2), CONTEXT, false),
    quoteId: quoteOf(index, k),
  };
}

/** What the view's filters can choose from, among the query's segments. */
export interface SegmentFacets {
  attributes: Array<{ name: string; values: string[] }>;
  sourceKinds: string[];
  coders: Array<{ id: string; name: string }>;
}

export function segmentFacets(index: AnalysisIndex, positions: Int32Array): SegmentFacets {
  const kinds = new Set<string>();
  const coders = new Set<number>();
  const persons = new Set<number>();
  for (const k of positions) {
    const d = index.codings.doc[k]!;
    kinds.add(index.sources[index.docSource[d]!]?.kind ?? '');
    coders.add(index.codings.coder[k]!);
    persons.add(index.docPerson[d]!);
  }
  const attributes = index.bundle.variables
    .map((v) => {
      const values = new Set<string>();
      for (const p of persons) {
        const x = index.personAttributes[p]?.[v.id];
        if (x !== null && x !== undefined && String(x).trim() !== '') values.add(String(x).trim());
      }
      return { name: v.name, values: [...values].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })) };
    })
    .filter((a) => a.values.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const coderList = index.bundle.coders.filter((c) => coders.has(index.coderIndex.get(c.id) ?? -1)).map((c) => ({ id: c.id, name: c.name }));
  return { attributes, sourceKinds: [...kinds].filter(Boolean).sort(), coders: coderList };
}

/** The listed segments as a table for CSV/XLSX (formula cells are neutralised by the writers). */
export function segmentTable(index: AnalysisIndex, positions: Int32Array, quotes: readonly Quote[], title: string): ExportTable {
  const quoteOf = quoteLookup(quotes);
  const variables = index.bundle.variables;
  const columns: Column[] = [
    { key: 'code', label: 'Code', type: 'text' },
    { key: 'text', label: 'Segment', type: 'text' },
    { key: 'document', label: 'Document', type: 'text' },
    { key: 'source', label: 'Source', type: 'text' },
    { key: 'sourceKind', label: 'Source kind', type: 'text' },
    { key: 'participant', label: 'Participant', type: 'text' },
    { key: 'speaker', label: 'Speaker', type: 'text' },
    ...variables.map((v) => ({ key: `attr:${v.id}`, label: v.name, type: 'text' as const })),
    { key: 'coder', label: 'Coder', type: 'text' },
    { key: 'start', label: 'Start', type: 'number' },
    { key: 'end', label: 'End', type: 'number' },
    { key: 'quote', label: 'Candidate quote', type: 'boolean' },
  ];
  const rows: Row[] = [];
  for (const k of positions) {
    const s = segmentRow(index, k, quoteOf);
    const attrs = index.personAttributes[index.docPerson[index.codings.doc[k]!]!] ?? {};
    const row: Row = {
      code: s.code, text: s.text, document: s.document, source: s.source, sourceKind: s.sourceKind, participant: s.participant, speaker: s.speaker,
      coder: s.coder, start: s.start, end: s.end, quote: s.quoteId !== null,
    };
    for (const v of variables) {
      const x = attrs[v.id];
      row[`attr:${v.id}`] = x === null || x === undefined ? null : String(x);
    }
    rows.push(row);
  }
  return {
    title,
    columns,
    rows,
    notes: {
      shows: 'Every coded segment listed in the Code view, with its document, source, participant attributes and coder.',
      limits: 'Segments are the text as coded; read each in its context before quoting it. Offsets count UTF-16 code units.',
    },
    warnings: [],
  };
}
