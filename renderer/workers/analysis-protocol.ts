/** Messages between the UI and the analysis worker (plain, structured-clonable data). */
import type { AnalysisTable } from '../../shared/analysis';
import type { AnalysisRequest } from '../../shared/analysis/run-request';
import type { AgreementRequest, AgreementResult } from '../../shared/analysis/reliability/run-agreement';
import type { FindingsEvidence } from '../../shared/findings/evidence';
import type { SegmentQuery } from '../../shared/evidence/segments';
import type { SegmentFacets, SegmentRow, SegmentView } from '../../shared/evidence/view';

/** A Code view list the worker holds: its length and what its filters can choose from (rows are fetched by range). */
export interface SegmentListInfo {
  listId: number;
  total: number;
  /** Segments the query selects before the view's filters. */
  selected: number;
  facets: SegmentFacets;
}

/** `revision` changes whenever the project's data changes, so the worker knows to re-read it. */
export type AnalysisJob =
  | { id: number; type: 'analysis'; projectId: string; revision: string; request: AnalysisRequest }
  | { id: number; type: 'agreement'; projectId: string; revision: string; request: AgreementRequest }
  | { id: number; type: 'export'; table: AnalysisTable; format: 'csv' | 'xlsx' }
  | { id: number; type: 'findings'; projectId: string; revision: string }
  | { id: number; type: 'segments'; projectId: string; revision: string; query: SegmentQuery; view: SegmentView }
  | { id: number; type: 'segmentRows'; listId: number; from: number; to: number }
  | { id: number; type: 'segmentExport'; listId: number; format: 'csv' | 'xlsx'; title: string }
  /** The distinct values of a participant attribute, as the analyses' filter compares them (personValues). */
  | { id: number; type: 'attributeValues'; projectId: string; revision: string; variableId: string };

export type AnalysisReply =
  | { id: number; ok: true; type: 'analysis'; table: AnalysisTable }
  | { id: number; ok: true; type: 'agreement'; result: AgreementResult }
  | { id: number; ok: true; type: 'export'; bytes: Uint8Array }
  | { id: number; ok: true; type: 'findings'; evidence: FindingsEvidence }
  | { id: number; ok: true; type: 'segments'; info: SegmentListInfo }
  | { id: number; ok: true; type: 'segmentRows'; rows: SegmentRow[] }
  | { id: number; ok: true; type: 'attributeValues'; values: string[] }
  | { id: number; ok: false; message: string };

type Job = AnalysisJob extends infer J ? (J extends { id: number } ? Omit<J, 'id'> : never) : never;
export type AnalysisJobInput = Job;
