/**
 * A small exact-enough linear programme solver (dense two-phase simplex, Bland's rule) used to
 * check disclosure control: the tightest range a suppressed cell can take given everything that
 * is published. Tables here are small (a component of one table), and their constraint matrices
 * are totally unimodular (sums of cells), so optima are whole numbers; results are rounded to
 * 1e-6 to absorb floating-point noise.
 */

const EPS = 1e-9;

export type LpResult = { status: 'optimal'; value: number } | { status: 'infeasible' } | { status: 'unbounded' };

/** Minimise c·x subject to A x = b, x ≥ 0. */
export function minimise(A: readonly (readonly number[])[], b: readonly number[], c: readonly number[]): LpResult {
  const m = A.length;
  const n = c.length;
  // tableau rows: [x (n) | artificials (m) | rhs]
  const T: number[][] = [];
  for (let i = 0; i < m; i++) {
    const sign = b[i]! < 0 ? -1 : 1;
    const row = new Array<number>(n + m + 1).fill(0);
    for (let j = 0; j < n; j++) row[j] = sign * (A[i]![j] ?? 0);
    row[n + i] = 1;
    row[n + m] = sign * b[i]!;
    T.push(row);
  }
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const width = n + m;

  const pivot = (r: number, col: number) => {
    const pr = T[r]!;
    const p = pr[col]!;
    for (let j = 0; j <= width; j++) pr[j]! /= p;
    for (let i = 0; i < T.length; i++) {
      if (i === r) continue;
      const f = T[i]![col]!;
      if (Math.abs(f) < EPS) continue;
      const ri = T[i]!;
      for (let j = 0; j <= width; j++) ri[j]! -= f * pr[j]!;
    }
    basis[r] = col;
  };

  /** Run the simplex on objective `cost` over the allowed columns; false when unbounded. */
  const run = (cost: number[], allowed: (j: number) => boolean): boolean => {
    for (let guard = 0; guard < 10_000; guard++) {
      // reduced costs: cost_j − Σ cost_basis[i] · T[i][j]
      let enter = -1;
      for (let j = 0; j < width; j++) {
        if (!allowed(j) || basis.includes(j)) continue;
        let rc = cost[j]!;
        for (let i = 0; i < T.length; i++) rc -= cost[basis[i]!]! * T[i]![j]!;
        if (rc < -EPS) {
          enter = j;
          break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < T.length; i++) {
        const a = T[i]![enter]!;
        if (a > EPS) {
          const ratio = T[i]![width]! / a;
          if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
            best = ratio;
            leave = i;
          }
        }
      }
      if (leave < 0) return false;
      pivot(leave, enter);
    }
    throw new Error('linear programme did not converge');
  };

  // Phase 1: minimise the sum of artificials.
  const phase1 = new Array<number>(width).fill(0);
  for (let i = 0; i < m; i++) phase1[n + i] = 1;
  run(phase1, () => true);
  let infeas = 0;
  for (let i = 0; i < T.length; i++) if (basis[i]! >= n) infeas += T[i]![width]!;
  if (infeas > 1e-7) return { status: 'infeasible' };
  // Drive remaining (zero-valued) artificials out of the basis, dropping redundant rows.
  for (let i = T.length - 1; i >= 0; i--) {
    if (basis[i]! < n) continue;
    const col = T[i]!.findIndex((v, j) => j < n && Math.abs(v) > EPS);
    if (col >= 0) pivot(i, col);
    else {
      T.splice(i, 1);
      basis.splice(i, 1);
    }
  }
  // Phase 2.
  const cost = new Array<number>(width).fill(0);
  for (let j = 0; j < n; j++) cost[j] = c[j]!;
  if (!run(cost, (j) => j < n)) return { status: 'unbounded' };
  let value = 0;
  for (let i = 0; i < T.length; i++) value += cost[basis[i]!]! * T[i]![width]!;
  return { status: 'optimal', value: Math.round(value * 1e6) / 1e6 };
}

/** A variable's bounds: lo ≥ 0 whole, hi may be Infinity. */
export interface VarBounds {
  lo: number;
  hi: number;
}

/**
 * The feasible range of each variable given equalities Σ coef·x = rhs and per-variable bounds:
 * [min, max] of x_j (max Infinity when unbounded), or null when the system has no solution.
 */
export function feasibleRanges(
  vars: readonly VarBounds[],
  equalities: readonly { coef: ReadonlyMap<number, number>; rhs: number }[],
  which: readonly number[] = vars.map((_, i) => i),
): Array<{ min: number; max: number }> | null {
  // y_j = x_j − lo_j ≥ 0; finite upper bounds get a slack: y_j + s_j = hi_j − lo_j.
  const n = vars.length;
  const uppers = vars.flatMap((v, j) => (Number.isFinite(v.hi) ? [j] : []));
  const cols = n + uppers.length;
  const A: number[][] = [];
  const b: number[] = [];
  for (const e of equalities) {
    const row = new Array<number>(cols).fill(0);
    let rhs = e.rhs;
    for (const [j, k] of e.coef) {
      row[j]! += k;
      rhs -= k * vars[j]!.lo;
    }
    A.push(row);
    b.push(rhs);
  }
  uppers.forEach((j, u) => {
    const row = new Array<number>(cols).fill(0);
    row[j] = 1;
    row[n + u] = 1;
    A.push(row);
    b.push(vars[j]!.hi - vars[j]!.lo);
  });
  const out: Array<{ min: number; max: number }> = [];
  for (const j of which) {
    const c = new Array<number>(cols).fill(0);
    c[j] = 1;
    const lo = minimise(A, b, c);
    if (lo.status === 'infeasible') return null;
    c[j] = -1;
    const hi = minimise(A, b, c);
    const min = lo.status === 'optimal' ? lo.value + vars[j]!.lo : -Infinity;
    const max = hi.status === 'optimal' ? -hi.value + vars[j]!.lo : Infinity;
    out.push({ min, max });
  }
  return out;
}
