/** Subcategory matrix: codes × values of a participant or source attribute, with chi-square tests. */
import { pearsonChiSquare } from './chisquare';
import { codePath } from './frequencies';
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { docCodeSets, personCodeSets } from './presence';
import { AnalysisInputError, buildScope, percent, personValues, resolveAttribute, type AnalysisFilter } from './scope';
import type { AnalysisTable, Column, Row } from './types';

export interface MatrixOptions extends AnalysisFilter {
  /** Attribute name (a Variable name, "source kind" or "source"). */
  attribute: string;
  /** Show only the subcategories (children) of this code; default every code. */
  parentCodeId?: string;
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;

/** Counts of participants with each code, per value; per-code and whole-table Pearson chi-square. */
export function subcategoryMatrix(index: AnalysisIndex, options: MatrixOptions): AnalysisTable {
  const ref = resolveAttribute(index, options.attribute);
  const scope = buildScope(index, options);
  const { values, of } = personValues(index, ref);
  const nV = values.length;
  const nCodes = index.codes.length;
  const persons = personCodeSets(index, scope, docCodeSets(index, scope));
  const cells = new Int32Array(nCodes * nV);
  const base = new Int32Array(nV);
  let missing = 0;
  for (let p = 0; p < index.personCount; p++) {
    if (!scope.personIn[p]) continue;
    const v = of[p]!;
    if (v < 0) {
      missing++;
      continue;
    }
    base[v]!++;
    for (let j = persons.start[p]!; j < persons.start[p + 1]!; j++) cells[persons.items[j]! * nV + v]!++;
  }

  let shown: number[];
  if (options.parentCodeId) {
    const parent = index.codeIndex.get(options.parentCodeId);
    if (parent === undefined) throw new AnalysisInputError(`unknown code id "${options.parentCodeId}"`);
    shown = index.codes.flatMap((c, i) => (c.parentId === options.parentCodeId && i !== parent ? [i] : []));
  } else shown = index.codes.map((_, i) => i);

  const columns: Column[] = [
    { key: 'code', label: 'Code', type: 'text' },
    { key: 'path', label: 'Theme › code', type: 'text' },
    { key: 'total', label: 'Participants (any value)', type: 'count' },
  ];
  values.forEach((v, i) => {
    columns.push(
      { key: `n:${i}`, label: `${v}: participants`, type: 'count' },
      { key: `row:${i}`, label: `${v}: row %`, type: 'percent', basis: `n:${i}` },
      { key: `col:${i}`, label: `${v}: column %`, type: 'percent', basis: `n:${i}` },
    );
  });
  columns.push(
    { key: 'chi2', label: 'Chi-square', type: 'number' },
    { key: 'df', label: 'df', type: 'number' },
    { key: 'p', label: 'p-value', type: 'number' },
    { key: 'cochran', label: 'Expected counts too small (Cochran)', type: 'boolean' },
  );

  let cochranRows = 0;
  const rows: Row[] = shown.map((c) => {
    const counts = Array.from({ length: nV }, (_, v) => cells[c * nV + v]!);
    const total = counts.reduce((s, n) => s + n, 0);
    const row: Row = { codeId: index.codes[c]!.id, code: index.codes[c]!.name, path: codePath(index, c), total };
    counts.forEach((n, v) => {
      row[`n:${v}`] = n;
      row[`row:${v}`] = percent(n, total);
      row[`col:${v}`] = percent(n, base[v]!);
    });
    // Per code: has the code / does not, by value (2 × k): each participant counted once.
    const test = pearsonChiSquare([counts, counts.map((n, v) => base[v]! - n)]);
    row.chi2 = test ? round(test.chi2, 3) : null;
    row.df = test ? test.df : null;
    row.p = test ? round(test.p, 4) : null;
    row.cochran = test ? test.cochranWarning : null;
    if (test?.cochranWarning) cochranRows++;
    return row;
  });
  const baseRow: Row = { codeId: null, code: 'All participants in group', path: '', total: base.reduce((s, n) => s + n, 0) };
  values.forEach((_, v) => {
    baseRow[`n:${v}`] = base[v]!;
    baseRow[`row:${v}`] = percent(base[v]!, baseRow.total as number);
    baseRow[`col:${v}`] = base[v]! > 0 ? 100 : null;
  });
  Object.assign(baseRow, { chi2: null, df: null, p: null, cochran: null });

  // Whole table: the shown codes at the shallowest level (siblings, so no code is nested in another).
  const minDepth = Math.min(...shown.map((c) => index.depth[c]!));
  const level = shown.filter((c) => index.depth[c] === minDepth);
  const whole = pearsonChiSquare(level.map((c) => Array.from({ length: nV }, (_, v) => cells[c * nV + v]!)));

  const warnings: string[] = [];
  if (whole?.cochranWarning)
    warnings.push(
      `Cochran’s rule: ${Math.round(whole.smallExpectedShare * 100)}% of expected counts in the whole-table test are below 5 (more than 20%), so its p-value is unreliable.`,
    );
  if (cochranRows > 0)
    warnings.push(`Cochran’s rule: for ${cochranRows} code(s) more than 20% of expected counts are below 5, so their p-values are unreliable.`);
  if (missing > 0) warnings.push(`${missing} participant(s) have no value for "${ref.name}" and are left out.`);
  if (nV < 2) warnings.push(`"${ref.name}" has fewer than two values in scope, so no test is possible.`);

  return {
    kind: 'matrix',
    title: `${ANALYSIS_NOTES.matrix.title}: ${ref.name}`,
    columns,
    rows: [...rows, baseRow],
    notes: ANALYSIS_NOTES.matrix,
    warnings,
    stats: {
      attribute: ref.name,
      chi2: whole ? round(whole.chi2, 3) : null,
      df: whole ? whole.df : null,
      p: whole ? round(whole.p, 4) : null,
      cochranWarning: whole ? whole.cochranWarning : null,
      smallExpectedShare: whole ? round(whole.smallExpectedShare, 3) : null,
      participantsInScope: scope.persons,
      participantsWithoutValue: missing,
    },
  };
}
