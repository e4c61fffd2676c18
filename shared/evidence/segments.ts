/**
 * Retrieved segments: which codings (positions in a prepared AnalysisIndex) a question about the
 * evidence selects — every segment of a code and its subcategories, narrowed by the analysis's own
 * filter and by what an analysis cell stands for (an attribute value, a period, a source kind, a
 * wave, a pair of co-occurring codes). Pure and synchronous: the analysis worker runs it.
 */
import { COOCCURRENCE_UNITS, type CooccurrenceUnit } from '../analysis/cooccurrence';
import type { AnalysisIndex } from '../analysis/prepare';
import { AnalysisInputError, buildScope, personValue, resolveAttribute, type AnalysisFilter } from '../analysis/scope';
import { segmentSentiments } from '../analysis/sentiment';
import { parseYearMonth, periodLabel } from '../analysis/time';
import { segmentUnits, spansOverlapping, type TextSpan } from '../analysis/units';

export interface SegmentQuery {
  /** Codes whose segments are wanted; absent or empty = every code. */
  codeIds?: string[];
  /** Include each code's subcategories (default true: a theme's count rolls them up). */
  subcodes?: boolean;
  /** The analysis's own filter (sources, coders, participants with an attribute value). */
  filter?: AnalysisFilter;
  /** Only segments of people with this value of an attribute (compared as text); without a value, any value. */
  attribute?: { name: string; value?: string };
  /** Only segments of people whose date attribute falls in this period label ("2024-03", "2024 Q1"). */
  period?: { attribute: string; period: 'month' | 'quarter'; label: string };
  /** Only segments in documents from a source of this kind. */
  sourceKind?: string;
  /** Only segments of people from this source (a wave). */
  personSourceId?: string;
  /** Only segments with an indicative sentiment score (the sentiment table counts only those). */
  scored?: boolean;
  /**
   * Only segments of A or B (as coded) in units that hold both, or without B the segments of A in
   * the units that hold it (`codeIds` is then ignored).
   */
  cooccur?: { codeA: string; codeB?: string; unit: CooccurrenceUnit };
}

/** A selection: coding positions in index order, and for co-occurrence the unit each counts in. */
export interface SegmentSelection {
  positions: Int32Array;
  /** For a co-occurrence query: the distinct units ("document:unit") holding both codes. */
  units?: string[];
}

/** Codes (index positions) the query asks for: each with its subcategories unless `subcodes` is false. */
function wantedCodes(index: AnalysisIndex, query: SegmentQuery): Uint8Array | null {
  if (!query.codeIds?.length) return null;
  const want = new Uint8Array(index.codes.length);
  const targets = new Set<number>();
  for (const id of query.codeIds) {
    const c = index.codeIndex.get(id);
    if (c === undefined) throw new AnalysisInputError(`unknown code id "${id}"`);
    targets.add(c);
  }
  const sub = query.subcodes !== false;
  for (let c = 0; c < index.codes.length; c++) {
    if (!sub) {
      if (targets.has(c)) want[c] = 1;
      continue;
    }
    for (const a of index.selfAndAncestors[c]!) if (targets.has(a)) want[c] = 1;
  }
  return want;
}

/** Which people (index persons) the cell's attribute, period or wave keeps; null = all. */
function wantedPersons(index: AnalysisIndex, query: SegmentQuery): Uint8Array | null {
  if (!query.attribute && !query.period && !query.personSourceId) return null;
  const ok = new Uint8Array(index.personCount).fill(1);
  if (query.attribute) {
    const ref = resolveAttribute(index, query.attribute.name);
    const want = query.attribute.value?.trim();
    for (let p = 0; p < index.personCount; p++) {
      const v = personValue(index, ref, p);
      if (v === null || (want !== undefined && v !== want)) ok[p] = 0;
    }
  }
  if (query.period) {
    const ref = resolveAttribute(index, query.period.attribute);
    for (let p = 0; p < index.personCount; p++) {
      const v = personValue(index, ref, p);
      const ym = v === null ? null : parseYearMonth(v);
      if (!ym || periodLabel(ym[0], ym[1], query.period.period) !== query.period.label) ok[p] = 0;
    }
  }
  if (query.personSourceId) {
    const s = index.sourceIndex.get(query.personSourceId);
    if (s === undefined) throw new AnalysisInputError(`unknown source id "${query.personSourceId}"`);
    for (let p = 0; p < index.personCount; p++) if (index.personSource[p] !== s) ok[p] = 0;
  }
  return ok;
}

/** Every coding in scope that the query selects, in index order (document, start, end, id). */
export function selectSegments(index: AnalysisIndex, query: SegmentQuery = {}): SegmentSelection {
  const scope = buildScope(index, query.filter);
  const persons = wantedPersons(index, query);
  let kindOk: ((d: number) => boolean) | null = null;
  if (query.sourceKind !== undefined) {
    const kind = query.sourceKind;
    kindOk = (d) => index.sources[index.docSource[d]!]?.kind === kind;
  }
  const keep = (k: number): boolean => {
    if (!scope.codingIn[k]) return false;
    const d = index.codings.doc[k]!;
    if (persons && !persons[index.docPerson[d]!]) return false;
    return !(kindOk && !kindOk(d));
  };
  if (query.cooccur) return cooccurring(index, query.cooccur, keep);
  const codes = wantedCodes(index, query);
  const scores = query.scored ? segmentSentiments(index, scope.codingIn) : null;
  const out: number[] = [];
  for (let k = 0; k < index.codings.count; k++) {
    if (codes && !codes[index.codings.code[k]!]) continue;
    if (!keep(k)) continue;
    if (scores && Number.isNaN(scores[k]!)) continue;
    out.push(k);
  }
  return { positions: Int32Array.from(out) };
}

/**
 * Segments of A or B (as coded, not rolled up) in the units that hold both. The units are found
 * afresh here (not with the co-occurrence table's code) so the two can be checked against each other.
 */
function cooccurring(index: AnalysisIndex, q: NonNullable<SegmentQuery['cooccur']>, keep: (k: number) => boolean): SegmentSelection {
  if (!COOCCURRENCE_UNITS.includes(q.unit)) throw new AnalysisInputError(`unknown unit "${String(q.unit)}"`);
  const a = index.codeIndex.get(q.codeA);
  const b = q.codeB === undefined ? a : index.codeIndex.get(q.codeB);
  if (a === undefined) throw new AnalysisInputError(`unknown code id "${q.codeA}"`);
  if (b === undefined) throw new AnalysisInputError(`unknown code id "${q.codeB ?? ''}"`);
  if (q.codeB !== undefined && a === b) throw new AnalysisInputError('a code does not co-occur with itself');
  const chosen = new Set<number>();
  const units: string[] = [];
  for (let d = 0; d < index.documents.length; d++) {
    const mine: number[] = [];
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) if (keep(k)) mine.push(k);
    if (mine.length === 0) continue;
    // each unit: the codings (of this document, in scope) that fall in it
    const groups: number[][] = [];
    const turns = index.documents.turns(d);
    if (q.unit === 'document' || (q.unit === 'response' && turns.length === 0)) groups.push(mine);
    else if (q.unit === 'segment') {
      let reach = -1;
      for (const k of mine) {
        if (index.codings.start[k]! >= reach || groups.length === 0) groups.push([]);
        groups[groups.length - 1]!.push(k);
        reach = Math.max(reach, index.codings.end[k]!);
      }
    } else {
      const spans: TextSpan[] = q.unit === 'response' ? [...turns].sort((x, y) => x.start - y.start) : segmentUnits(index.documents.text(d), q.unit);
      for (let u = 0; u < spans.length; u++) groups.push([]);
      // each coding into the units it overlaps, placed as the co-occurrence count places it
      const overlapping = spansOverlapping(spans);
      for (const k of mine) overlapping(index.codings.start[k]!, index.codings.end[k]!, (u) => groups[u]!.push(k));
    }
    groups.forEach((g, u) => {
      const codes = new Set(g.map((k) => index.codings.code[k]!));
      if (!codes.has(a) || !codes.has(b)) return;
      units.push(`${index.documents.id(d)}:${u}`);
      for (const k of g) if (index.codings.code[k] === a || index.codings.code[k] === b) chosen.add(k);
    });
  }
  return { positions: Int32Array.from([...chosen].sort((x, y) => x - y)), units };
}

/** What a count counts: codings, documents (responses), people (participants) or units. */
export type Measure = 'codings' | 'documents' | 'participants' | 'units';

/** The count of a selection in a measure: the number the analysis cell reports. */
export function countSelection(index: AnalysisIndex, sel: SegmentSelection, measure: Measure): number {
  if (measure === 'codings') return sel.positions.length;
  if (measure === 'units') return new Set(sel.units ?? []).size;
  const seen = new Set<number>();
  for (const k of sel.positions) {
    const d = index.codings.doc[k]!;
    seen.add(measure === 'documents' ? d : index.docPerson[d]!);
  }
  return seen.size;
}
