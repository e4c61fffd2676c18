/** Code co-occurrence within a unit (overlapping segments, sentence, paragraph, response, document), with Jaccard. */
import { codePath } from './frequencies';
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { buildScope, type AnalysisFilter } from './scope';
import type { AnalysisTable, Row } from './types';
import { segmentUnits, spansOverlapping, type TextSpan } from './units';

export const COOCCURRENCE_UNITS = ['segment', 'sentence', 'paragraph', 'response', 'document'] as const;
export type CooccurrenceUnit = (typeof COOCCURRENCE_UNITS)[number];

export interface CooccurrenceOptions extends AnalysisFilter {
  /**
   * segment: codings that overlap (a chain of overlaps is one unit); sentence / paragraph: of the text;
   * response: a speaker turn in a transcript, or the whole document where it has no turns; document: whole document.
   */
  unit?: CooccurrenceUnit;
}

/** Ascending insertion sort of xs[0..size): a unit holds a handful of codes. */
function sortSmall(xs: Int32Array, size: number): void {
  if (size > 64) {
    xs.subarray(0, size).sort();
    return;
  }
  for (let i = 1; i < size; i++) {
    const v = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > v) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = v;
  }
}

export function cooccurrence(index: AnalysisIndex, options: CooccurrenceOptions = {}): AnalysisTable {
  const unit = options.unit ?? 'response';
  if (!COOCCURRENCE_UNITS.includes(unit)) throw new Error(`unknown unit "${String(unit)}": expected ${COOCCURRENCE_UNITS.join(', ')}`);
  const scope = buildScope(index, options);
  const n = index.codes.length;
  const pairs = new Int32Array(n * n);
  const unitsWith = new Int32Array(n);
  const { code, start, end } = index.codings;
  let totalUnits = 0;
  // One unit's distinct codes, in a reused typed buffer (no per-unit allocation); `stamp` marks
  // codes already in the current unit.
  const members = new Int32Array(n);
  let size = 0;
  const stamp = new Int32Array(n).fill(-1);
  let unitId = 0;

  /** Count one unit's distinct codes: each code once, each pair (lower index first) once. */
  const flush = () => {
    if (size === 0) return;
    sortSmall(members, size);
    for (let i = 0; i < size; i++) {
      const a = members[i]!;
      unitsWith[a]!++;
      const row = a * n;
      for (let j = i + 1; j < size; j++) pairs[row + members[j]!]!++;
    }
    size = 0;
  };
  const add = (c: number) => {
    if (stamp[c] !== unitId) {
      stamp[c] = unitId;
      members[size++] = c;
    }
  };

  for (let d = 0; d < index.documents.length; d++) {
    if (!scope.docIn[d]) continue;
    const a = index.docStart[d]!;
    const b = index.docStart[d + 1]!;
    if (unit === 'document' || (unit === 'response' && index.documents.turns(d).length === 0)) {
      totalUnits++;
      unitId++;
      for (let k = a; k < b; k++) if (scope.codingIn[k]) add(code[k]!);
      flush();
      continue;
    }
    if (unit === 'segment') {
      // Codings are sorted by start: a unit runs while the next coding starts before the furthest end.
      let reach = -1;
      for (let k = a; k < b; k++) {
        if (!scope.codingIn[k]) continue;
        if (start[k]! >= reach) {
          flush();
          unitId++;
          totalUnits++;
        }
        add(code[k]!);
        reach = Math.max(reach, end[k]!);
      }
      flush();
      continue;
    }
    const spans: TextSpan[] =
      unit === 'response' ? [...index.documents.turns(d)].sort((x, y) => x.start - y.start) : segmentUnits(index.documents.text(d), unit);
    totalUnits += spans.length;
    // Each unit's codes: codings overlapping the span.
    const perUnit: number[][] = spans.map(() => []);
    const overlapping = spansOverlapping(spans);
    for (let k = a; k < b; k++) {
      if (!scope.codingIn[k]) continue;
      overlapping(start[k]!, end[k]!, (u) => perUnit[u]!.push(code[k]!));
    }
    for (const list of perUnit) {
      unitId++;
      for (const c of list) add(c);
      flush();
    }
  }

  const rows: Row[] = [];
  const paths = index.codes.map((_, i) => codePath(index, i)); // once per code, not per pair
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const both = pairs[i * n + j]!;
      if (both === 0) continue;
      const either = unitsWith[i]! + unitsWith[j]! - both;
      rows.push({
        codeAId: index.codes[i]!.id,
        codeBId: index.codes[j]!.id,
        codeA: paths[i]!,
        codeB: paths[j]!,
        both,
        unitsA: unitsWith[i]!,
        unitsB: unitsWith[j]!,
        jaccard: Math.round((both / either) * 1000) / 1000,
      });
    }
  }
  rows.sort((x, y) => (y.both as number) - (x.both as number) || (y.jaccard as number) - (x.jaccard as number));
  return {
    kind: 'cooccurrence',
    title: `${ANALYSIS_NOTES.cooccurrence.title} (unit: ${unit})`,
    columns: [
      { key: 'codeA', label: 'Code A', type: 'text' },
      { key: 'codeB', label: 'Code B', type: 'text' },
      { key: 'both', label: 'Units with both', type: 'count' },
      { key: 'unitsA', label: 'Units with A', type: 'count' },
      { key: 'unitsB', label: 'Units with B', type: 'count' },
      { key: 'jaccard', label: 'Jaccard', type: 'number', basis: 'both' },
    ],
    rows,
    notes: ANALYSIS_NOTES.cooccurrence,
    warnings: [],
    stats: { unit, units: totalUnits },
  };
}
