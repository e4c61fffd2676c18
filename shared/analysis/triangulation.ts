/** Triangulation: themes (top-level codes, rolled up) × source kinds, with corroboration status and quotes. */
import { SOURCE_KINDS } from '../model';
import { ANALYSIS_NOTES } from './notes';
import { codingText, type AnalysisIndex } from './prepare';
import { docCodeSets } from './presence';
import { buildScope, percent, type AnalysisFilter } from './scope';
import { segmentSentiments } from './sentiment';
import type { AnalysisTable, Column, Row } from './types';

export const CORROBORATION = ['corroborated', 'single-source', 'divergent', 'not found'] as const;
export type Corroboration = (typeof CORROBORATION)[number];

export interface TriangulationOptions extends AnalysisFilter {
  /** Example quotes per cell (default 2). */
  quotes?: number;
  /** Longest quote in characters before it is shortened with "…" (default 160). */
  quoteLength?: number;
  /** Mean tone beyond ± this in two kinds of source, with opposite signs, makes a theme divergent (default 0.05). */
  divergence?: number;
  /** Segment sentiment scores from `segmentSentiments`, to reuse. */
  scores?: Float64Array;
}

/** Trim a segment to a short one-line quote. */
export function shortQuote(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function triangulation(index: AnalysisIndex, options: TriangulationOptions = {}): AnalysisTable {
  const scope = buildScope(index, options);
  const nQuotes = options.quotes ?? 2;
  const maxLen = options.quoteLength ?? 160;
  const threshold = options.divergence ?? 0.05;
  const kindOfSource = index.sources.map((s) => SOURCE_KINDS.indexOf(s.kind));
  const nK = SOURCE_KINDS.length;
  const themes = index.codes.flatMap((_, i) => (index.depth[i] === 0 ? [i] : []));
  const themePos = new Int32Array(index.codes.length).fill(-1);
  themes.forEach((t, i) => (themePos[t] = i));
  const nT = themes.length;

  // Participants per kind, and participants with each theme per kind (distinct).
  const docSets = docCodeSets(index, scope);
  const kindPersons = new Int32Array(nK);
  const kindStamp = new Int32Array(nK).fill(-1);
  const cellPersons = new Int32Array(nT * nK);
  const cellStamp = new Int32Array(nT * nK).fill(-1);
  for (let p = 0; p < index.personCount; p++) {
    if (!scope.personIn[p]) continue;
    for (let i = index.personStart[p]!; i < index.personStart[p + 1]!; i++) {
      const d = index.personDocs[i]!;
      if (!scope.docIn[d]) continue;
      const k = kindOfSource[index.docSource[d]!] ?? -1;
      if (k < 0) continue;
      if (kindStamp[k] !== p) {
        kindStamp[k] = p;
        kindPersons[k]!++;
      }
      for (let j = docSets.start[d]!; j < docSets.start[d + 1]!; j++) {
        const t = themePos[docSets.items[j]!]!;
        if (t < 0) continue;
        const cell = t * nK + k;
        if (cellStamp[cell] !== p) {
          cellStamp[cell] = p;
          cellPersons[cell]!++;
        }
      }
    }
  }

  // Quotes and mean tone per cell, from the theme's coded segments (its own and its subcategories').
  const scores = options.scores ?? segmentSentiments(index, scope.codingIn);
  const toneSum = new Float64Array(nT * nK);
  const toneN = new Int32Array(nT * nK);
  const quotes: string[][] = Array.from({ length: nT * nK }, () => []);
  for (let k = 0; k < index.codings.count; k++) {
    if (!scope.codingIn[k]) continue;
    const kind = kindOfSource[index.docSource[index.codings.doc[k]!]!] ?? -1;
    if (kind < 0) continue;
    const cell = themePos[index.themeOf[index.codings.code[k]!]!]! * nK + kind;
    const s = scores[k]!;
    if (!Number.isNaN(s)) {
      toneSum[cell]! += s;
      toneN[cell]!++;
    }
    if (quotes[cell]!.length < nQuotes) quotes[cell]!.push(shortQuote(codingText(index, k), maxLen));
  }

  const kinds = SOURCE_KINDS.flatMap((kind, k) => (kindPersons[k]! > 0 ? [{ kind, k }] : []));
  const columns: Column[] = [{ key: 'theme', label: 'Theme', type: 'text' }];
  for (const { kind } of kinds)
    columns.push(
      { key: `${kind}:present`, label: `${kind}: found`, type: 'boolean' },
      { key: `${kind}:participants`, label: `${kind}: participants`, type: 'count' },
      { key: `${kind}:pct`, label: `${kind}: % of participants`, type: 'percent', basis: `${kind}:participants` },
      { key: `${kind}:tone`, label: `${kind}: mean tone (indicative)`, type: 'number', basis: `${kind}:participants` },
      { key: `${kind}:quotes`, label: `${kind}: example quotes`, type: 'list' },
    );
  columns.push({ key: 'kinds', label: 'Kinds of source', type: 'number' }, { key: 'status', label: 'Status', type: 'text' });

  const rows: Row[] = themes.map((c, t) => {
    const row: Row = { codeId: index.codes[c]!.id, theme: index.codes[c]!.name };
    let found = 0;
    let positive = false;
    let negative = false;
    for (const { kind, k } of kinds) {
      const cell = t * nK + k;
      const n = cellPersons[cell]!;
      const tone = toneN[cell]! ? toneSum[cell]! / toneN[cell]! : null;
      row[`${kind}:present`] = n > 0;
      row[`${kind}:participants`] = n;
      row[`${kind}:pct`] = percent(n, kindPersons[k]!);
      row[`${kind}:tone`] = tone === null ? null : Math.round(tone * 1000) / 1000;
      row[`${kind}:quotes`] = quotes[cell]!;
      if (n > 0) {
        found++;
        if (tone !== null && tone >= threshold) positive = true;
        if (tone !== null && tone <= -threshold) negative = true;
      }
    }
    const status: Corroboration = found === 0 ? 'not found' : found === 1 ? 'single-source' : positive && negative ? 'divergent' : 'corroborated';
    row.kinds = found;
    row.status = status;
    return row;
  });
  return {
    kind: 'triangulation',
    title: ANALYSIS_NOTES.triangulation.title,
    columns,
    rows,
    notes: ANALYSIS_NOTES.triangulation,
    warnings: kinds.length < 2 ? ['Only one kind of source is in scope, so no theme can be corroborated.'] : [],
    stats: { kinds: kinds.length, divergenceThreshold: threshold },
  };
}
