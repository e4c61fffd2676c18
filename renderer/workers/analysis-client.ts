/**
 * The UI side of the analysis worker: one long-lived module worker (it keeps the project's prepared
 * index between runs), promise-based calls, and a fresh worker if one crashes.
 */
import type { AnalysisTable } from '../../shared/analysis';
import type { AnalysisRequest } from '../../shared/analysis/run-request';
import type { AgreementRequest, AgreementResult } from '../../shared/analysis/reliability/run-agreement';
import type { FindingsEvidence } from '../../shared/findings/evidence';
import type { AnalysisJobInput, AnalysisReply, SegmentListInfo } from './analysis-protocol';
import type { SegmentQuery } from '../../shared/evidence/segments';
import type { SegmentRow, SegmentView } from '../../shared/evidence/view';
import { withKey } from './worker-key';

export interface AnalysisClient {
  analyse(projectId: string, revision: string, request: AnalysisRequest): Promise<AnalysisTable>;
  agreement(projectId: string, revision: string, request: AgreementRequest): Promise<AgreementResult>;
  encode(table: AnalysisTable, format: 'csv' | 'xlsx'): Promise<Uint8Array>;
  /** Strength of evidence of every finding, the project's figures and the method statement. */
  findings(projectId: string, revision: string): Promise<FindingsEvidence>;
  /** Build a Code view list in the worker (it keeps the list; rows are fetched by range). */
  segments(projectId: string, revision: string, query: SegmentQuery, view: SegmentView): Promise<SegmentListInfo>;
  segmentRows(listId: number, from: number, to: number): Promise<SegmentRow[]>;
  exportSegments(listId: number, format: 'csv' | 'xlsx', title: string): Promise<Uint8Array>;
  /** The distinct values of a participant attribute over the project's (visible) participants, sorted, as the filter compares them. */
  attributeValues(projectId: string, revision: string, variableId: string): Promise<string[]>;
}

function defaultWorker(): Worker {
  return withKey(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' }));
}

export function createAnalysisClient(createWorker: () => Worker = defaultWorker): AnalysisClient {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (r: AnalysisReply) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = createWorker();
    w.onmessage = (e: MessageEvent<AnalysisReply>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      const err = new Error(`The analysis stopped unexpectedly (${e.message || 'the worker failed'}).`);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };
  const call = (job: AnalysisJobInput): Promise<AnalysisReply> =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  const ok = (r: AnalysisReply, type: Extract<AnalysisReply, { ok: true }>['type']) => {
    if (!r.ok) throw new Error(r.message);
    if (r.type !== type) throw new Error(`The analysis worker sent a ${r.type} reply to a ${type} request`);
    return r;
  };
  return {
    async analyse(projectId, revision, request) {
      const r = ok(await call({ type: 'analysis', projectId, revision, request }), 'analysis');
      return (r as Extract<AnalysisReply, { type: 'analysis' }>).table;
    },
    async agreement(projectId, revision, request) {
      const r = ok(await call({ type: 'agreement', projectId, revision, request }), 'agreement');
      return (r as Extract<AnalysisReply, { type: 'agreement' }>).result;
    },
    async findings(projectId, revision) {
      const r = ok(await call({ type: 'findings', projectId, revision }), 'findings');
      return (r as Extract<AnalysisReply, { type: 'findings' }>).evidence;
    },
    async encode(table, format) {
      const r = ok(await call({ type: 'export', table, format }), 'export');
      return (r as Extract<AnalysisReply, { type: 'export' }>).bytes;
    },
    async segments(projectId, revision, query, view) {
      const r = ok(await call({ type: 'segments', projectId, revision, query, view }), 'segments');
      return (r as Extract<AnalysisReply, { type: 'segments' }>).info;
    },
    async segmentRows(listId, from, to) {
      const r = ok(await call({ type: 'segmentRows', listId, from, to }), 'segmentRows');
      return (r as Extract<AnalysisReply, { type: 'segmentRows' }>).rows;
    },
    async exportSegments(listId, format, title) {
      const r = ok(await call({ type: 'segmentExport', listId, format, title }), 'export');
      return (r as Extract<AnalysisReply, { type: 'export' }>).bytes;
    },
    async attributeValues(projectId, revision, variableId) {
      const r = ok(await call({ type: 'attributeValues', projectId, revision, variableId }), 'attributeValues');
      return (r as Extract<AnalysisReply, { type: 'attributeValues' }>).values;
    },
  };
}

let shared: AnalysisClient | null = null;
/** The app's one analysis worker, started on first use. */
export function analysisClient(): AnalysisClient {
  shared ??= createAnalysisClient();
  return shared;
}
