/**
 * Small-number suppression for anything meant for publication: a count below the project's
 * disclosure threshold (ProjectSettings.disclosureThreshold, default 10) is withheld, and reads
 * "fewer than N" wherever it is shown or exported (tables, charts, packs, CSV/XLSX). This module is
 * the one place that decides and words it; nothing else formats a suppressed count.
 * Zero is shown as 0: "nobody said this" identifies no one. A threshold of 0 suppresses nothing.
 */

import { formatNumber } from '../plural';

function check(n: number, threshold: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a whole number of 0 or more, got ${n}`);
  checkThreshold(threshold);
}

/** A disclosure threshold must be a whole number of 0 or more. */
export function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`disclosure threshold must be a whole number of 0 or more, got ${threshold}`);
}

/** The count, or null when it is 1..threshold-1 and must not be published. */
export function suppressSmallCounts(n: number, threshold: number): number | null {
  check(n, threshold);
  return n > 0 && n < threshold ? null : n;
}

/** The words of a suppressed count: "fewer than 10". */
export function fewerThan(threshold: number): string {
  checkThreshold(threshold);
  return `fewer than ${threshold}`;
}

/** A count as published: "1,234", "0", or "fewer than 10" for a suppressed one. */
export function formatCount(n: number, threshold: number): string {
  const v = suppressSmallCounts(n, threshold);
  return v === null ? fewerThan(threshold) : formatNumber(v);
}

/**
 * A count and its noun as published: "1 participant", "12 participants", "fewer than 10
 * participants" (a suppressed count takes the plural).
 */
export function formatCountOf(n: number, threshold: number, one: string, many = `${one}s`): string {
  const v = suppressSmallCounts(n, threshold);
  return `${formatCount(n, threshold)} ${v === 1 ? one : many}`;
}
