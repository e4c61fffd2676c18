/**
 * Primary and secondary suppression for tables with published totals (issue 11, "safe to publish").
 *
 * A table is a list of quantities (cells and totals) and the sums that tie them: values[total] =
 * Σ values[parts]. Primary suppression withholds every quantity from 1 to N−1 (shown as "fewer than
 * N"); zero is shown. Secondary suppression then withholds more quantities (shown as "withheld")
 * until the guarantee below holds.
 *
 * The guarantee (checked by an exact linear-programming attacker, ./lp.ts): for every withheld or
 * "fewer than N" quantity, an attacker who knows every published quantity, every sum, that all
 * counts are ≥ 0 and that each "fewer than N" quantity lies between 1 and N−1, still cannot pin it
 * down — its feasible range [min, max] has max − min ≥ 1, so at least two whole values remain
 * possible (the sums are totally unimodular, so the range's ends are whole and attainable).
 * With N ≤ 2 a "fewer than N" cell is 1 by its label alone; the guarantee then covers only the
 * withheld ones — use a threshold of 3 or more.
 */
import { fewerThan } from './suppress';
import { feasibleRanges, type VarBounds } from './lp';

export interface LinearTable {
  /** Every quantity, whole and ≥ 0. */
  values: readonly number[];
  /** Quantities never published at all (e.g. a remainder the table does not show); default none. */
  unpublished?: readonly boolean[];
  /** values[total] = Σ values[parts]. */
  sums: readonly { total: number; parts: readonly number[] }[];
}

/** How a quantity is published: its value, "fewer than N", "withheld" (secondary), or not at all. */
export type CellMark = 'shown' | 'fewer' | 'withheld' | 'hidden';

export interface Range {
  min: number;
  max: number;
}

function checkTable(t: LinearTable, threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`disclosure threshold must be a whole number of 0 or more, got ${threshold}`);
  t.values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`quantity ${i} must be a whole number of 0 or more, got ${v}`);
  });
  for (const s of t.sums) {
    const sum = s.parts.reduce((a, p) => a + t.values[p]!, 0);
    if (sum !== t.values[s.total]) throw new RangeError(`quantity ${s.total} (${t.values[s.total]}) is not the sum of its parts (${sum})`);
  }
}

/** Primary suppression only: 1..N−1 → "fewer", unpublished → "hidden". */
export function primaryMarks(t: LinearTable, threshold: number): CellMark[] {
  return t.values.map((v, i) => (t.unpublished?.[i] ? 'hidden' : v > 0 && v < threshold ? 'fewer' : 'shown'));
}

/** Connected groups of unknown quantities (joined by a sum they both appear in). */
function components(t: LinearTable, marks: readonly CellMark[]): number[][] {
  const parent = t.values.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const s of t.sums) {
    const unknown = [s.total, ...s.parts].filter((q) => marks[q] !== 'shown');
    for (let k = 1; k < unknown.length; k++) parent[find(unknown[k]!)] = find(unknown[0]!);
  }
  const groups = new Map<number, number[]>();
  t.values.forEach((_, i) => {
    if (marks[i] === 'shown') return;
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()];
}

/** The attacker's exact feasible range of every unknown quantity in `group` (null entries: infeasible, cannot happen for a true table). */
function rangesOf(t: LinearTable, marks: readonly CellMark[], threshold: number, group: readonly number[]): Map<number, Range> {
  const local = new Map(group.map((q, j) => [q, j]));
  const vars: VarBounds[] = group.map((q) => (marks[q] === 'fewer' ? { lo: 1, hi: Math.max(1, threshold - 1) } : { lo: 0, hi: Infinity }));
  const equalities: { coef: Map<number, number>; rhs: number }[] = [];
  for (const s of t.sums) {
    const members = [s.total, ...s.parts];
    if (!members.some((q) => local.has(q))) continue;
    const coef = new Map<number, number>();
    let rhs = 0;
    for (const [q, k] of [[s.total, -1] as const, ...s.parts.map((p) => [p, 1] as const)]) {
      const j = local.get(q);
      if (j === undefined) rhs -= k * t.values[q]!;
      else coef.set(j, (coef.get(j) ?? 0) + k);
    }
    equalities.push({ coef, rhs });
  }
  const ranges = feasibleRanges(vars, equalities);
  if (!ranges) throw new Error('disclosure check: the published table is inconsistent');
  return new Map(group.map((q, j) => [q, ranges[j]!]));
}

/** For every quantity that is not shown, the range an exact attacker can narrow it to. */
export function attackerRanges(t: LinearTable, marks: readonly CellMark[], threshold: number): Map<number, Range> {
  const out = new Map<number, Range>();
  for (const g of components(t, marks)) for (const [q, r] of rangesOf(t, marks, threshold, g)) out.set(q, r);
  return out;
}

/** True when the quantity's mark needs protecting and its range is a single value. */
function exposed(mark: CellMark, r: Range, threshold: number): boolean {
  if (mark === 'hidden' || mark === 'shown') return false;
  if (mark === 'fewer' && threshold <= 2) return false; // its label already says 1
  return r.max - r.min < 1 - 1e-9;
}

/** The quantities that an exact attacker can pin down (empty when the table is protected). */
export function exposedQuantities(t: LinearTable, marks: readonly CellMark[], threshold: number): number[] {
  return [...attackerRanges(t, marks, threshold)].filter(([q, r]) => exposed(marks[q]!, r, threshold)).map(([q]) => q);
}

/**
 * The next quantity to withhold to protect `q`: the smallest shown quantity in a sum with `q` (a
 * cell before a total of the same size, a positive one before a zero), else any shown quantity in a
 * sum reached from q's group, else a "fewer than N" quantity to relabel as "withheld".
 */
function complement(t: LinearTable, marks: readonly CellMark[], q: number, group: readonly number[]): number | undefined {
  const totals = new Set(t.sums.map((s) => s.total));
  const pick = (candidates: number[]) =>
    candidates
      .filter((c) => marks[c] === 'shown')
      .sort((a, b) => {
        const va = t.values[a]!;
        const vb = t.values[b]!;
        if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1;
        return va - vb || Number(totals.has(a)) - Number(totals.has(b)) || a - b;
      })[0];
  const near = t.sums.filter((s) => s.total === q || s.parts.includes(q)).flatMap((s) => [s.total, ...s.parts]);
  const inGroup = new Set(group);
  const wider = t.sums.filter((s) => [s.total, ...s.parts].some((m) => inGroup.has(m))).flatMap((s) => [s.total, ...s.parts]);
  const relabel = (candidates: number[]) =>
    candidates.filter((c) => marks[c] === 'fewer').sort((a, b) => Number(totals.has(b)) - Number(totals.has(a)) || t.values[b]! - t.values[a]! || a - b)[0];
  // Nothing left to withhold: the "fewer than N" labels themselves pin it (e.g. three 1s summing to a
  // total under N); relabel one of them — a total first — as "withheld", which claims nothing.
  return pick(near) ?? pick(wider) ?? relabel(near) ?? relabel(wider);
}

/**
 * Marks for publication: primary suppression, then secondary suppression until no withheld or
 * "fewer than N" quantity can be pinned down (see the file comment for the exact guarantee).
 */
export function protectTable(t: LinearTable, threshold: number): CellMark[] {
  checkTable(t, threshold);
  const marks = primaryMarks(t, threshold);
  for (let guard = 0; guard <= 2 * t.values.length; guard++) {
    let changed = false;
    for (const g of components(t, marks)) {
      const ranges = rangesOf(t, marks, threshold, g);
      const q = g.find((x) => exposed(marks[x]!, ranges.get(x)!, threshold));
      if (q === undefined) continue;
      const c = complement(t, marks, q, g);
      if (c === undefined) throw new Error(`disclosure check: quantity ${q} cannot be protected by withholding more`);
      marks[c] = 'withheld';
      changed = true;
      break; // groups may merge: recompute
    }
    if (!changed) return marks;
  }
  throw new Error('disclosure check did not settle');
}

/** The words for a suppressed quantity in every export. */
export function suppressedText(mark: 'fewer' | 'withheld', threshold: number): string {
  return mark === 'fewer' ? fewerThan(threshold) : 'withheld';
}
