/**
 * The UI side of the analysis worker: one long-lived module worker (it keeps the project's prepared
 * index between runs), promise-based calls, and a fresh worker if one crashes.
 */
import type { AnalysisTable } from '../../shared/analysis';
import type { AnalysisRequest } from '../../shared/analysis/run-request';
import type { AgreementRequest, AgreementResult } from '../../shared/analysis/reliability/run-agreement';
import type { AnalysisJobInput, AnalysisReply } from './analysis-protocol';
import { withKey } from './worker-key';

export interface AnalysisClient {
  analyse(projectId: string, revision: string, request: AnalysisRequest): Promise<AnalysisTable>;
  agreement(projectId: string, revision: string, request: AgreementRequest): Promise<AgreementResult>;
  encode(table: AnalysisTable, format: 'csv' | 'xlsx'): Promise<Uint8Array>;
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
  const ok = (r: AnalysisReply, type: 'analysis' | 'agreement' | 'export') => {
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
    async encode(table, format) {
      const r = ok(await call({ type: 'export', table, format }), 'export');
      return (r as Extract<AnalysisReply, { type: 'export' }>).bytes;
    },
  };
}

let shared: AnalysisClient | null = null;
/** The app's one analysis worker, started on first use. */
export function analysisClient(): AnalysisClient {
  shared ??= createAnalysisClient();
  return shared;
}
