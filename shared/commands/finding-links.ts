/**
 * Findings follow the codebook: when codes are deleted a finding stops naming them, and when a
 * code is merged into another the finding names the code its evidence now lives under — in the
 * same step as the codebook change, so Undo restores both.
 */
import type { Finding } from '../model';
import type { RowOp } from './types';

/** Row writes for the findings that name any of `replaced` (old id → new id, or null to drop it). */
export function relinkFindings(findings: readonly Finding[], replaced: ReadonlyMap<string, string | null>): RowOp[] {
  const ops: RowOp[] = [];
  for (const f of findings) {
    if (!f.codeIds.some((id) => replaced.has(id))) continue;
    const codeIds = [...new Set(f.codeIds.flatMap((id) => (replaced.has(id) ? (replaced.get(id) === null ? [] : [replaced.get(id)!]) : [id])))];
    ops.push({ table: 'findings', key: f.id, row: { ...f, codeIds } });
  }
  return ops;
}
