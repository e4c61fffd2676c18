/** Disclosure control for published tables: small counts (and what derives from them) are suppressed. */
import type { AnalysisTable, Row } from './types';

/** A count below the threshold (but above zero) becomes null; zero and larger counts stay. */
export function suppressSmallCounts(n: number, threshold: number): number | null {
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`disclosure threshold must be a number ≥ 0, got ${threshold}`);
  return n > 0 && n < threshold ? null : n;
}

/**
 * A copy of the table for publication: every count column below `threshold` is suppressed, and so is
 * every column derived from a suppressed count (its `basis`): percentages, means, quotes of that cell.
 * Zero is shown. Differencing (recovering a suppressed cell from totals) is not prevented: check totals.
 */
export function forPublication(table: AnalysisTable, threshold: number): AnalysisTable {
  const counts = table.columns.filter((c) => c.type === 'count').map((c) => c.key);
  const derived = table.columns.filter((c) => c.basis !== undefined);
  let suppressed = 0;
  const rows = table.rows.map((row) => {
    const out: Row = { ...row };
    const hidden = new Set<string>();
    for (const key of counts) {
      const v = row[key];
      if (typeof v !== 'number') continue;
      if (suppressSmallCounts(v, threshold) === null) {
        out[key] = null;
        hidden.add(key);
        suppressed++;
      }
    }
    for (const c of derived) if (hidden.has(c.basis!)) out[c.key] = null;
    // Quotes beside a suppressed count in the same group (e.g. "survey:quotes" with "survey:participants").
    for (const c of table.columns) {
      if (c.type !== 'list') continue;
      const prefix = c.key.includes(':') ? c.key.slice(0, c.key.lastIndexOf(':') + 1) : null;
      if (prefix && [...hidden].some((h) => h.startsWith(prefix))) out[c.key] = [];
    }
    return out;
  });
  return {
    ...table,
    rows,
    warnings: [
      ...table.warnings,
      `Counts from 1 to ${Math.max(0, threshold - 1)} are suppressed for publication (${suppressed} cell(s)), with the percentages and quotes derived from them.`,
    ],
    stats: { ...table.stats, disclosureThreshold: threshold },
  };
}
