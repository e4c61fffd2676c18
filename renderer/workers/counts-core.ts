/**
 * The codebook's counts, answered in a worker of their own (./counts.worker.ts): the store's
 * codings read as columns and counted (renderer/db/coded-documents.ts). A failure is a reply, so
 * the caller never waits on a count that will not come.
 */
import type { CodeCountMaps } from '../../shared/coding/counts';
import { errorMessage } from '../../shared/error-message';

export interface CountsRequest {
  dbName: string;
  projectId: string;
}

export type CountsReply = { ok: true; counts: CodeCountMaps } | { ok: false; message: string };

export function countsHandler(count: (dbName: string, projectId: string) => Promise<CodeCountMaps>): (req: CountsRequest) => Promise<CountsReply> {
  return (req) =>
    count(req.dbName, req.projectId).then(
      (counts): CountsReply => ({ ok: true, counts }),
      (e: unknown): CountsReply => ({ ok: false, message: errorMessage(e) }),
    );
}
