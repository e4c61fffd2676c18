/** Pearson's chi-square test of association, with its p-value from the regularised incomplete gamma function. */

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; ~15 significant digits). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): a series for x < a + 1,
 * otherwise a continued fraction (modified Lentz), as in Numerical Recipes §6.2.
 */
export function regularisedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gamma shape must be positive, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`gamma argument must be non-negative, got ${x}`);
  if (x === 0) return 1;
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10_000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPre));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lnPre) * h);
}

/** P(X ≥ chi2) for a chi-square distribution with df degrees of freedom. */
export function chiSquareSurvival(chi2: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (chi2 <= 0) return 1;
  return regularisedGammaQ(df / 2, chi2 / 2);
}

export interface ChiSquareResult {
  chi2: number;
  df: number;
  p: number;
  /** Share of expected counts below 5 (0..1). */
  smallExpectedShare: number;
  /** True where more than 20% of expected counts are below 5 (Cochran's rule): the p-value is unreliable. */
  cochranWarning: boolean;
  /** Rows and columns used (those with a non-zero total). */
  rowsUsed: number;
  colsUsed: number;
}

/**
 * Pearson's chi-square on a table of counts. Rows or columns summing to zero are left out
 * (they have no expected counts); null when fewer than 2 rows or columns remain.
 */
export function pearsonChiSquare(table: number[][]): ChiSquareResult | null {
  const nCols = Math.max(0, ...table.map((r) => r.length));
  const rowSum = table.map((r) => r.reduce((s, v) => s + v, 0));
  const colSum = Array.from({ length: nCols }, (_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  const rows = rowSum.flatMap((s, i) => (s > 0 ? [i] : []));
  const cols = colSum.flatMap((s, j) => (s > 0 ? [j] : []));
  if (rows.length < 2 || cols.length < 2) return null;
  const total = rows.reduce((s, i) => s + rowSum[i]!, 0);
  let chi2 = 0;
  let small = 0;
  for (const i of rows) {
    for (const j of cols) {
      const e = (rowSum[i]! * colSum[j]!) / total;
      const o = table[i]![j] ?? 0;
      chi2 += ((o - e) * (o - e)) / e;
      if (e < 5) small++;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  const cells = rows.length * cols.length;
  return {
    chi2,
    df,
    p: chiSquareSurvival(chi2, df),
    smallExpectedShare: small / cells,
    cochranWarning: small / cells > 0.2,
    rowsUsed: rows.length,
    colsUsed: cols.length,
  };
}
