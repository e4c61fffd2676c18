/** The survey grid's counts of responses per code as defined: per row, the distinct codes of its answers' codings, every answer looked up (the tests' and the grid-counts bench's reference). */
import type { GridRow } from '../../../shared/grid/rows';
import type { CodingIndex } from '../../../shared/coding/coding-index';

export function countsByRows(rows: readonly GridRow[], index: CodingIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const codes = new Set<string>();
    for (const a of r.answers) if (a) index.eachCode(a.id, (c) => void codes.add(c));
    for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}
