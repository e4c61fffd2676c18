/** Change over time: code prevalence by month or quarter of a date attribute, and between two waves. */
import { codePath } from './frequencies';
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { AnalysisInputError, buildScope, percent, personValue, resolveAttribute, type AnalysisFilter, type Scope } from './scope';
import type { AnalysisTable, Column, Row } from './types';

/** "2024-03-15…" or "15/03/2024" (UK day first) → [year, month]; null if not a date. */
export function parseYearMonth(value: string): [number, number] | null {
  let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:[T ].*)?$/.exec(value.trim());
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? [Number(m[1]), month] : null;
  }
  m = /^\d{1,2}[/.]\s?(\d{1,2})[/.]\s?(\d{4})$/.exec(value.trim());
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? [Number(m[2]), month] : null;
  }
  return null;
}

export function periodLabel(year: number, month: number, period: 'month' | 'quarter'): string {
  return period === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year} Q${Math.ceil(month / 3)}`;
}

interface Groups {
  labels: string[];
  /** Group of each person (-1 = none). */
  of: Int32Array;
}

/**
 * Prevalence per group: participants and responses (documents) with each code, rolled up to its
 * ancestors. One pass over each in-scope person's documents and codings, counting straight into
 * flat per-group arrays (count of group g, code c at g * codes + c); a code is counted once per
 * document and once per person by stamping it with the document and the person.
 */
function prevalence(index: AnalysisIndex, scope: Scope, groups: Groups): { persons: Int32Array; docs: Int32Array; personBase: Int32Array; docBase: Int32Array } {
  const nG = groups.labels.length;
  const nC = index.codes.length;
  const persons = new Int32Array(nG * nC);
  const docs = new Int32Array(nG * nC);
  const personBase = new Int32Array(nG);
  const docBase = new Int32Array(nG);
  const docStamp = new Int32Array(nC).fill(-1);
  const personStamp = new Int32Array(nC).fill(-1);
  const { code } = index.codings;
  const { codingIn, docIn, personIn } = scope;
  const { docStart, personStart, personDocs, selfAndAncestors } = index;
  for (let p = 0; p < index.personCount; p++) {
    const g = groups.of[p]!;
    if (g < 0 || !personIn[p]) continue;
    personBase[g]!++;
    const base = g * nC;
    const pe = personStart[p + 1]!;
    for (let i = personStart[p]!; i < pe; i++) {
      const d = personDocs[i]!;
      if (!docIn[d]) continue;
      docBase[g]!++;
      const b = docStart[d + 1]!;
      for (let k = docStart[d]!; k < b; k++) {
        if (!codingIn[k]) continue;
        const chain = selfAndAncestors[code[k]!]!;
        for (let j = 0; j < chain.length; j++) {
          const a = chain[j]!;
          if (docStamp[a] === d) break; // an ancestor already stamped means the rest of the chain is too
          docStamp[a] = d;
          docs[base + a]!++;
          if (personStamp[a] !== p) {
            personStamp[a] = p;
            persons[base + a]!++;
          }
        }
      }
    }
  }
  return { persons, docs, personBase, docBase };
}

function table(index: AnalysisIndex, scope: Scope, groups: Groups, title: string, stats: AnalysisTable['stats'], warnings: string[]): AnalysisTable {
  const { persons, docs, personBase, docBase } = prevalence(index, scope, groups);
  const nG = groups.labels.length;
  const columns: Column[] = [{ key: 'code', label: 'Code', type: 'text' }];
  groups.labels.forEach((l, g) =>
    columns.push(
      { key: `p:${g}`, label: `${l}: participants`, type: 'count' },
      { key: `pp:${g}`, label: `${l}: % of participants`, type: 'percent', basis: `p:${g}` },
      { key: `r:${g}`, label: `${l}: responses`, type: 'count' },
      { key: `rp:${g}`, label: `${l}: % of responses`, type: 'percent', basis: `r:${g}` },
    ),
  );
  columns.push({ key: 'change', label: `Change, ${groups.labels[0] ?? '…'} to ${groups.labels[nG - 1] ?? '…'} (percentage points of participants)`, type: 'number' });
  const nC = index.codes.length;
  const rows: Row[] = index.codes.map((c, i) => {
    const row: Row = { codeId: c.id, code: codePath(index, i) };
    for (let g = 0; g < nG; g++) {
      const p = persons[g * nC + i]!;
      const r = docs[g * nC + i]!;
      row[`p:${g}`] = p;
      row[`pp:${g}`] = percent(p, personBase[g]!);
      row[`r:${g}`] = r;
      row[`rp:${g}`] = percent(r, docBase[g]!);
    }
    const first = nG ? (row['pp:0'] as number | null) : null;
    const last = nG ? (row[`pp:${nG - 1}`] as number | null) : null;
    row.change = nG > 1 && first !== null && last !== null ? Math.round((last - first) * 10) / 10 : null;
    return row;
  });
  const baseRow: Row = { codeId: null, code: 'All in period', change: null };
  for (let g = 0; g < nG; g++) Object.assign(baseRow, { [`p:${g}`]: personBase[g]!, [`pp:${g}`]: null, [`r:${g}`]: docBase[g]!, [`rp:${g}`]: null });
  return { kind: 'time', title, columns, rows: [...rows, baseRow], notes: ANALYSIS_NOTES.time, warnings, stats };
}

export interface PeriodOptions extends AnalysisFilter {
  /** A date attribute (Variable name). */
  attribute: string;
  period?: 'month' | 'quarter';
}

/** Code prevalence by month or quarter of a participant's date attribute. */
export function changeOverTime(index: AnalysisIndex, options: PeriodOptions): AnalysisTable {
  const ref = resolveAttribute(index, options.attribute);
  if (ref.type !== 'participant') throw new AnalysisInputError(`"${ref.name}" is not a date attribute`);
  const period = options.period ?? 'month';
  const scope = buildScope(index, options);
  // Many people share a date: parse each distinct value once (two regexes per person add up),
  // giving it a provisional period number; periods are numbered in label order afterwards.
  const nP = index.personCount;
  const of = new Int32Array(nP);
  const periodOfValue = new Map<string, number>();
  const periodOfLabel = new Map<string, number>();
  const periodLabels: string[] = [];
  const inScope: number[] = [];
  let undated = 0;
  for (let p = 0; p < nP; p++) {
    const v = personValue(index, ref, p);
    let k = -1;
    if (v !== null) {
      const known = periodOfValue.get(v);
      if (known !== undefined) k = known;
      else {
        const ym = parseYearMonth(v);
        if (ym) {
          const label = periodLabel(ym[0], ym[1], period);
          const seen = periodOfLabel.get(label);
          if (seen !== undefined) k = seen;
          else {
            k = periodLabels.length;
            periodOfLabel.set(label, k);
            periodLabels.push(label);
            inScope.push(0);
          }
        }
        periodOfValue.set(v, k);
      }
    }
    of[p] = k;
    if (!scope.personIn[p]) continue;
    if (k >= 0) inScope[k]!++;
    else undated++;
  }
  // Only periods with an in-scope person become columns, in label order.
  const labels = periodLabels.filter((_, k) => inScope[k]! > 0).sort();
  if (labels.length === 0) throw new AnalysisInputError(`attribute "${ref.name}" has no date values (expected YYYY-MM-DD or DD/MM/YYYY)`);
  const column = Int32Array.from(periodLabels, (l, k) => (inScope[k]! > 0 ? labels.indexOf(l) : -1));
  for (let p = 0; p < nP; p++) {
    const k = of[p]!;
    if (k >= 0) of[p] = column[k]!;
  }
  const warnings = undated ? [`${undated} participant(s) have no readable date in "${ref.name}" and are left out.`] : [];
  return table(index, scope, { labels, of }, `${ANALYSIS_NOTES.time.title}: by ${period} of ${ref.name}`, { attribute: ref.name, period }, warnings);
}

export interface WaveOptions extends AnalysisFilter {
  /** Source ids of the waves in order (two or more imports of the same survey). */
  waves: string[];
}

/** Code prevalence per wave (source), with the change from the first wave to the last. */
export function changeByWave(index: AnalysisIndex, options: WaveOptions): AnalysisTable {
  if (options.waves.length < 2) throw new AnalysisInputError('comparing waves needs at least two sources');
  const waveOf = new Int32Array(index.sources.length).fill(-1);
  options.waves.forEach((id, w) => {
    const s = index.sourceIndex.get(id);
    if (s === undefined) throw new AnalysisInputError(`unknown source id "${id}"`);
    waveOf[s] = w;
  });
  const scope = buildScope(index, options);
  const of = Int32Array.from({ length: index.personCount }, (_, p) => {
    const s = index.personSource[p]!;
    return s < 0 ? -1 : waveOf[s]!;
  });
  const labels = options.waves.map((id) => index.sources[index.sourceIndex.get(id)!]!.name);
  return table(index, scope, { labels, of }, `${ANALYSIS_NOTES.time.title}: by wave`, { waves: labels.join(' → ') }, []);
}
