/**
 * The codebook's counts are counted in a worker of their own (renderer/workers/counts-client.ts):
 * once per revision, the worker given back after every answer, a failure told and tried again;
 * the worker's handler answers the store's counts or the failure, never nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { codeCountsAt, type CountsService } from '../../renderer/workers/counts-client';
import { countsHandler, type CountsReply, type CountsRequest } from '../../renderer/workers/counts-core';
import { importBundle, listCodes, listCodings, listDocuments, openChorusDb, projectCodeCounts } from '../../renderer/db';
import { codeCounts, type CodeCountMaps } from '../../shared/coding/counts';
import { smallBundle } from '../db/fixtures';

/** A service that answers with `answer` and counts its calls and releases. */
function fakeService(answer: (req: CountsRequest) => Promise<CountsReply>) {
  const calls: CountsRequest[] = [];
  const release = vi.fn();
  const service: CountsService = { call: (req) => (calls.push(req), answer(req)), start: () => undefined, release, dispose: () => undefined };
  return { service, calls, release };
}

const some: CodeCountMaps = { own: new Map([['c', { codings: 2, documents: 1, participants: 1 }]]), rolled: new Map() };

describe('the codebook’s counts worker', () => {
  it('counts once per revision, gives the worker back after each answer, and tries a failed count again', async () => {
    const { service, calls, release } = fakeService(async () => ({ ok: true, counts: some }));
    expect(await codeCountsAt('db', 'p1', 'r1', service)).toEqual(some);
    expect(await codeCountsAt('db', 'p1', 'r1', service)).toEqual(some);
    expect(calls).toEqual([{ dbName: 'db', projectId: 'p1' }]);
    await vi.waitFor(() => expect(release).toHaveBeenCalledTimes(1));
    await codeCountsAt('db', 'p1', 'r2', service);
    expect(calls).toHaveLength(2);
    await vi.waitFor(() => expect(release).toHaveBeenCalledTimes(2));

    let fail = true;
    const flaky = fakeService(async () => (fail ? { ok: false, message: 'The store is closed' } : { ok: true, counts: some }));
    await expect(codeCountsAt('db', 'p1', 'r3', flaky.service)).rejects.toThrow('The store is closed');
    await vi.waitFor(() => expect(flaky.release).toHaveBeenCalledTimes(1));
    fail = false;
    expect(await codeCountsAt('db', 'p1', 'r3', flaky.service)).toEqual(some);
    expect(flaky.calls).toHaveLength(2);
  });

  it('answers the store’s counts, or the failure as a reply', async () => {
    const db = await openChorusDb(`counts-worker-${Date.now()}`);
    const b = smallBundle(13);
    await importBundle(db, b);
    const handle = countsHandler(async (_name, projectId) => projectCodeCounts(db, projectId));
    const reply = await handle({ dbName: db.name, projectId: b.project.id });
    const want = codeCounts(await listCodes(db, b.project.id), await listCodings(db, { projectId: b.project.id }), await listDocuments(db, b.project.id));
    expect(reply).toEqual({ ok: true, counts: want });
    expect([...want.own.values()].some((c) => c.codings > 0)).toBe(true);
    const failing = countsHandler(async () => {
      throw new Error('No project with id x');
    });
    expect(await failing({ dbName: db.name, projectId: 'x' })).toEqual({ ok: false, message: 'No project with id x' });
    db.close();
  });
});
