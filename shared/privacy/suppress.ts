/**
 * Small-number suppression for anything meant for publication: a count below the project's
 * disclosure threshold (ProjectSettings.disclosureThreshold, default 10) is withheld.
 * Zero is shown as 0: "nobody said this" identifies no one. A threshold of 0 suppresses nothing.
 */

function check(n: number, threshold: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a whole number of 0 or more, got ${n}`);
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`disclosure threshold must be a whole number of 0 or more, got ${threshold}`);
}

/** The count, or null when it is 1..threshold-1 and must not be published. */
export function suppressSmallCounts(n: number, threshold: number): number | null {
  check(n, threshold);
  return n > 0 && n < threshold ? null : n;
}

/** "1,234", "0", or "<10" for a suppressed count. */
export function formatCount(n: number, threshold: number): string {
  const v = suppressSmallCounts(n, threshold);
  return v === null ? `<${threshold}` : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
