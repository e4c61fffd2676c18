/**
 * Module Web Worker for the Analyse and Agreement workspaces: opens the store itself, reads the
 * project once per data revision (bundle, prepared index, cached term counts) and answers jobs.
 * Started by ./analysis-client.ts.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { prepareIndex, termCounts, type AnalysisIndex } from '../../shared/analysis';
import { toCsv, toXlsx } from '../../shared/export/table';
import type { ProjectBundle } from '../../shared/model';
import { ensureTermCounts, exportBundle, openChorusDb, type ChorusDb } from '../db';
import { runAnalysis } from '../../shared/analysis/run-request';
import { runAgreement } from '../../shared/analysis/reliability/run-agreement';
import type { AnalysisJob, AnalysisReply } from './analysis-protocol';
import { errorMessage } from '../../shared/error-message';
import { receiveKey } from './worker-key';

// the unlocked project key, from the window that started this worker (before any job)
receiveKey();

interface WorkerScope {
  onmessage: ((e: MessageEvent<AnalysisJob>) => void) | null;
  postMessage(message: AnalysisReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let dbPromise: Promise<ChorusDb> | null = null;
let cached: { key: string; bundle: ProjectBundle; index: AnalysisIndex | null; terms: Map<string, Map<string, number>> | null } | null = null;

async function project(projectId: string, revision: string) {
  const key = `${projectId}@${revision}`;
  if (cached?.key !== key) {
    dbPromise ??= openChorusDb();
    const bundle = await exportBundle(await dbPromise, projectId);
    cached = { key, bundle, index: null, terms: null };
  }
  return cached;
}

async function handle(job: AnalysisJob): Promise<AnalysisReply> {
  switch (job.type) {
    case 'analysis': {
      const p = await project(job.projectId, job.revision);
      p.index ??= prepareIndex(p.bundle);
      if (job.request.analysis === 'words') p.terms ??= await ensureTermCounts(await dbPromise!, job.projectId);
      const terms = p.terms;
      const table = runAnalysis(p.index, job.request, terms ? (id, text) => terms.get(id) ?? termCounts(text) : undefined);
      return { id: job.id, ok: true, type: 'analysis', table };
    }
    case 'agreement': {
      const p = await project(job.projectId, job.revision);
      return { id: job.id, ok: true, type: 'agreement', result: runAgreement(p.bundle, job.request) };
    }
    case 'export': {
      const bytes = job.format === 'csv' ? new TextEncoder().encode(toCsv(job.table, { bom: true })) : toXlsx(job.table);
      return { id: job.id, ok: true, type: 'export', bytes };
    }
  }
}

scope.onmessage = (e) => {
  const job = e.data;
  handle(job).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ id: job.id, ok: false, message: errorMessage(err) }),
  );
};

