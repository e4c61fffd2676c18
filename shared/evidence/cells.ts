/**
 * Which segments make an analysis cell: an analysis request, its table, a row and a column key →
 * the segment query behind the count and what the count counts (the analysis's own unit). Cells
 * that do not count coded segments (word counts, saturation, percentages, the base rows that count
 * everyone in a group) have none.
 */
import type { AnalysisTable, Row } from '../analysis/types';
import type { AnalysisRequest } from '../analysis/run-request';
import type { Measure, SegmentQuery } from './segments';

export interface CellEvidence {
  query: SegmentQuery;
  measure: Measure;
  /** What the cell stands for, in words ("Kept informed × Age band = 25–34"). */
  label: string;
}

const suffixed = (label: string, suffix: string): string | null => (label.endsWith(suffix) ? label.slice(0, -suffix.length) : null);

/** The evidence behind one cell, or null when the cell does not count coded segments. */
export function cellEvidence(request: AnalysisRequest, table: AnalysisTable, row: Row, columnKey: string): CellEvidence | null {
  const column = table.columns.find((c) => c.key === columnKey);
  if (!column || column.type !== 'count') return null;
  const filter = request.filter;
  const codeId = typeof row.codeId === 'string' ? row.codeId : null;
  const codeName = String(row.code ?? row.theme ?? row.path ?? '');
  const base = (measure: Measure, extra: Partial<SegmentQuery>, what: string): CellEvidence | null =>
    codeId ? { query: { codeIds: [codeId], filter, ...extra }, measure, label: what ? `${codeName} × ${what}` : codeName } : null;
  switch (request.analysis) {
    case 'frequencies': {
      const measure = ({ codings: 'codings', documents: 'documents', participants: 'participants' } as const)[columnKey as 'codings'];
      return measure ? base(measure, {}, '') : null;
    }
    case 'matrix': {
      // participants with any value of the attribute (those without one are left out of the table)
      if (columnKey === 'total') return base('participants', { attribute: { name: request.attribute } }, `any ${request.attribute}`);
      const value = suffixed(column.label, ': participants');
      return value === null ? null : base('participants', { attribute: { name: request.attribute, value } }, `${request.attribute} = ${value}`);
    }
    case 'triangulation': {
      const kind = suffixed(columnKey, ':participants');
      return kind === null ? null : base('participants', { sourceKind: kind }, `source kind = ${kind}`);
    }
    case 'time': {
      const m = /^(p|r):(\d+)$/.exec(columnKey);
      if (!m) return null;
      const measure: Measure = m[1] === 'p' ? 'participants' : 'documents';
      const label = suffixed(column.label, m[1] === 'p' ? ': participants' : ': responses') ?? '';
      if (request.mode === 'period') return base(measure, { period: { attribute: request.attribute, period: request.period, label } }, label);
      const wave = request.waves[Number(m[2])];
      return wave === undefined ? null : base(measure, { personSourceId: wave }, label);
    }
    case 'sentiment': {
      if (columnKey === 'segments') return base('codings', { scored: true }, '');
      const value = suffixed(column.label, ': segments');
      if (value === null || !request.attribute) return null;
      return base('codings', { scored: true, attribute: { name: request.attribute, value } }, `${request.attribute} = ${value}`);
    }
    case 'cooccurrence': {
      const a = typeof row.codeAId === 'string' ? row.codeAId : null;
      const b = typeof row.codeBId === 'string' ? row.codeBId : null;
      if (!a || !b) return null;
      const unit = request.unit;
      if (columnKey === 'both') return { query: { filter, cooccur: { codeA: a, codeB: b, unit } }, measure: 'units', label: `${String(row.codeA)} with ${String(row.codeB)} (${unit})` };
      if (columnKey === 'unitsA') return { query: { filter, cooccur: { codeA: a, unit } }, measure: 'units', label: `${String(row.codeA)} (${unit})` };
      if (columnKey === 'unitsB') return { query: { filter, cooccur: { codeA: b, unit } }, measure: 'units', label: `${String(row.codeB)} (${unit})` };
      return null;
    }
    default:
      return null;
  }
}
