/**
 * Inter-coder reliability primitives with published known answers (tests cite them).
 *
 * Conventions:
 * - Percentages are on a 0–100 scale (as NVivo reports them); kappa and alpha are in [-1, 1].
 * - `null` means "not defined": no pairable data, or no variation (expected disagreement 0).
 * - Reliability data is coders × units; `null` (or `undefined`) is a missing value.
 */

export type Label = string | number | null;

/** A square contingency table: rows = coder A's category, columns = coder B's. */
export type Table = readonly (readonly number[])[];

function isMissing(v: Label | undefined): v is null | undefined {
  return v === null || v === undefined;
}

function checkTable(table: Table): number {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new Error(`contingency table must be square: ${k} rows but a row of ${row.length}`);
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`contingency table cells must be finite and ≥ 0, got ${v}`);
  }
  return k;
}

/** Cross-tabulate two coders' labels over the units both labelled (a missing value drops the unit). */
export function contingencyTable(a: readonly Label[], b: readonly Label[]): { categories: (string | number)[]; table: number[][] } {
  if (a.length !== b.length) throw new Error(`coders have different numbers of units: ${a.length} and ${b.length}`);
  const index = new Map<string | number, number>();
  const categories: (string | number)[] = [];
  const see = (v: string | number) => {
    if (!index.has(v)) {
      index.set(v, categories.length);
      categories.push(v);
    }
  };
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (isMissing(x) || isMissing(y)) continue;
    see(x);
    see(y);
  }
  const table = categories.map(() => categories.map(() => 0));
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (isMissing(x) || isMissing(y)) continue;
    table[index.get(x)!]![index.get(y)!]! += 1;
  }
  return { categories, table };
}

/** Cohen's kappa from a square contingency table. Null when the table is empty or chance agreement is 1. */
export function cohenKappaFromTable(table: Table): number | null {
  const k = checkTable(table);
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = table[i]![j]!;
      n += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) agree += v;
    }
  }
  if (n === 0) return null;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i]! / n) * (cols[i]! / n);
  const po = agree / n;
  if (1 - pe <= 1e-12) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Cohen's kappa, either from a square contingency table or from two coders' labels over the same
 * units (units where either label is missing are dropped).
 */
export function cohenKappa(table: Table): number | null;
export function cohenKappa(a: readonly Label[], b: readonly Label[]): number | null;
export function cohenKappa(x: Table | readonly Label[], y?: readonly Label[]): number | null {
  if (y === undefined) return cohenKappaFromTable(x as Table);
  return cohenKappaFromTable(contingencyTable(x as readonly Label[], y).table);
}

/** Krippendorff's coincidence matrix for nominal data, with the values it is indexed by. */
export function coincidences(reliabilityData: readonly (readonly Label[])[]): { values: (string | number)[]; matrix: number[][]; n: number } {
  const units = checkReliabilityData(reliabilityData);
  const index = new Map<string | number, number>();
  const values: (string | number)[] = [];
  const perUnit: number[][] = [];
  for (let u = 0; u < units; u++) {
    const counts: number[] = [];
    for (const coder of reliabilityData) {
      const v = coder[u];
      if (isMissing(v)) continue;
      let i = index.get(v);
      if (i === undefined) {
        i = values.length;
        index.set(v, i);
        values.push(v);
      }
      counts[i] = (counts[i] ?? 0) + 1;
    }
    perUnit.push(counts);
  }
  const k = values.length;
  const matrix = values.map(() => new Array<number>(k).fill(0));
  let n = 0;
  for (const counts of perUnit) {
    let m = 0;
    for (const c of counts) m += c ?? 0;
    if (m < 2) continue; // a unit with fewer than two values is not pairable
    for (let c = 0; c < k; c++) {
      const nc = counts[c] ?? 0;
      if (nc === 0) continue;
      for (let d = 0; d < k; d++) {
        const nd = counts[d] ?? 0;
        const pairs = c === d ? nc * (nd - 1) : nc * nd;
        if (pairs) matrix[c]![d]! += pairs / (m - 1);
      }
    }
    n += m;
  }
  return { values, matrix, n };
}

function checkReliabilityData(data: readonly (readonly Label[])[]): number {
  if (data.length === 0) throw new Error('reliability data has no coders');
  const units = data[0]!.length;
  data.forEach((row, i) => {
    if (row.length !== units) throw new Error(`reliability data is ragged: coder 1 has ${units} units but coder ${i + 1} has ${row.length}`);
  });
  return units;
}

/** Krippendorff's alpha for nominal data from a coincidence matrix. Null if no pairable values or no variation. */
export function alphaFromCoincidences(matrix: readonly (readonly number[])[]): number | null {
  const k = matrix.length;
  let n = 0;
  let observed = 0;
  const margins = new Array<number>(k).fill(0);
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const v = matrix[c]![d]!;
      n += v;
      margins[c]! += v;
      if (c !== d) observed += v;
    }
  }
  if (n <= 1) return null;
  let sumSq = 0;
  for (const m of margins) sumSq += m * m;
  const expected = (n * n - sumSq) / (n - 1); // Σ_{c≠k} n_c n_k / (n − 1)
  if (expected <= 1e-12 * n) return null;
  return 1 - observed / expected;
}

/**
 * Krippendorff's alpha, nominal metric, for any number of coders with missing values
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", §A and §C).
 * `reliabilityData` is coders × units; `null` marks a missing value.
 */
export function krippendorffAlphaNominal(reliabilityData: readonly (readonly Label[])[]): number | null {
  return alphaFromCoincidences(coincidences(reliabilityData).matrix);
}

/**
 * Percent agreement (0–100) for any number of coders: the share of agreeing pairs among all
 * pairable values, i.e. the diagonal of Krippendorff's coincidence matrix over its total.
 * For two coders without missing data this is simply the share of units on which they agree.
 * Null when no unit has two values.
 */
export function percentAgreement(reliabilityData: readonly (readonly Label[])[]): number | null {
  const { matrix, n } = coincidences(reliabilityData);
  if (n === 0) return null;
  let diag = 0;
  matrix.forEach((row, i) => (diag += row[i]!));
  return (100 * diag) / n;
}

/**
 * Fleiss' kappa (Fleiss 1971). `counts` is units × categories: how many raters put each unit in
 * each category; every unit must have the same number of raters (≥ 2). Null if undefined.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const k = counts[0]!.length;
  let raters = -1;
  const totals = new Array<number>(k).fill(0);
  let pBarSum = 0;
  counts.forEach((row, i) => {
    if (row.length !== k) throw new Error(`Fleiss table is ragged: row ${i + 1} has ${row.length} categories, expected ${k}`);
    let n = 0;
    let sq = 0;
    row.forEach((v, j) => {
      if (!(v >= 0) || !Number.isInteger(v)) throw new Error(`Fleiss table cells must be whole numbers ≥ 0, got ${v} in row ${i + 1}`);
      n += v;
      sq += v * v;
      totals[j]! += v;
    });
    if (raters === -1) raters = n;
    else if (n !== raters) throw new Error(`Fleiss' kappa needs the same number of raters for every unit: row 1 has ${raters}, row ${i + 1} has ${n}`);
    if (n >= 2) pBarSum += (sq - n) / (n * (n - 1));
  });
  if (raters < 2) return null;
  const N = counts.length;
  const pBar = pBarSum / N;
  let pe = 0;
  for (const t of totals) pe += (t / (N * raters)) ** 2;
  if (1 - pe <= 1e-12) return null;
  return (pBar - pe) / (1 - pe);
}

/**
 * Counts for one binary (applied / not applied) variable, weighted by unit size.
 * `hist[m * (coders + 1) + k]` is the weight of units on which `m` coders were present and `k` of
 * them applied the code; `cells` (two coders only) is [neither, A only, B only, both].
 * Every statistic below is computed from these, never from per-unit arrays.
 */
export interface BinaryCounts {
  coders: number;
  hist: Float64Array;
  cells: Float64Array;
}

export function emptyBinaryCounts(coders: number): BinaryCounts {
  return { coders, hist: new Float64Array((coders + 1) * (coders + 1)), cells: new Float64Array(4) };
}

export function addBinaryCounts(into: BinaryCounts, from: BinaryCounts): void {
  for (let i = 0; i < into.hist.length; i++) into.hist[i]! += from.hist[i]!;
  for (let i = 0; i < 4; i++) into.cells[i]! += from.cells[i]!;
}

/** Binary coincidence matrix entries (o00, o01 = o10, o11) and pairable total from a histogram. */
function binaryCoincidences(bc: BinaryCounts): { o00: number; o01: number; o11: number; n: number } {
  const M = bc.coders;
  let o00 = 0;
  let o01 = 0;
  let o11 = 0;
  for (let m = 2; m <= M; m++) {
    for (let k = 0; k <= m; k++) {
      const w = bc.hist[m * (M + 1) + k]!;
      if (w === 0) continue;
      o11 += (w * k * (k - 1)) / (m - 1);
      o01 += (w * k * (m - k)) / (m - 1);
      o00 += (w * (m - k) * (m - k - 1)) / (m - 1);
    }
  }
  return { o00, o01, o11, n: o00 + 2 * o01 + o11 };
}

export interface BinaryStats {
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  /** Weight of pairable units (units with ≥ 2 coders present). */
  units: number;
}

/**
 * Percent agreement, kappa and alpha for a binary variable.
 * Kappa: Cohen's for two coders; Fleiss' for more, over the units every coder was present for.
 */
export function binaryStats(bc: BinaryCounts): BinaryStats {
  const { o00, o01, o11, n } = binaryCoincidences(bc);
  const M = bc.coders;
  let units = 0;
  for (let m = 2; m <= M; m++) for (let k = 0; k <= m; k++) units += bc.hist[m * (M + 1) + k]!;
  const percent = n > 0 ? (100 * (o00 + o11)) / n : null;
  const alpha = alphaFromCoincidences([
    [o00, o01],
    [o01, o11],
  ]);
  let kappa: number | null;
  if (M === 2) {
    const c = bc.cells;
    kappa = cohenKappaFromTable([
      [c[3]!, c[1]!],
      [c[2]!, c[0]!],
    ]);
  } else {
    kappa = fleissBinary(bc);
  }
  return { percentAgreement: percent, kappa, alpha, units };
}

/** Fleiss' kappa from the histogram row of complete units (all coders present). */
function fleissBinary(bc: BinaryCounts): number | null {
  const M = bc.coders;
  let N = 0;
  let ones = 0;
  let pSum = 0;
  for (let k = 0; k <= M; k++) {
    const w = bc.hist[M * (M + 1) + k]!;
    if (w === 0) continue;
    N += w;
    ones += w * k;
    pSum += (w * (k * (k - 1) + (M - k) * (M - k - 1))) / (M * (M - 1));
  }
  if (N === 0) return null;
  const p1 = ones / (N * M);
  const pe = p1 * p1 + (1 - p1) * (1 - p1);
  if (1 - pe <= 1e-12) return null;
  return (pSum / N - pe) / (1 - pe);
}
