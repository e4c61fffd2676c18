import { describe, expect, it } from 'vitest';
import { readCapacityContext } from '../../../renderer/platform/storage';
import { capacityFile, preflight } from '../../../renderer/features/import/capacity-check';
import { checkCapacity } from '../../../shared/import/capacity';
import type { TableSummary } from '../../../renderer/workers/import-protocol';

const table = (rowCount: number) => ({ rowCount, columns: ['ID', 'Q1', 'Q2', 'Area'] }) as unknown as TableSummary;
const entry = { name: 'survey.csv', kind: 'table' as const, info: { kind: 'table' as const, bytes: 90_000_000, previous: [] }, table: table(100_000), draft: { idColumn: 'ID', participantColumn: '', roles: { ID: 'ignore', Q1: 'text', Q2: 'text', Area: 'attribute' } as const, types: {}, dateOrder: 'dmy' as const, dates: {} } };

describe('the Import workspace’s pre-flight check', () => {
  it('reads the browser’s storage estimate, heap limit and device memory, leaving out what it does not give', async () => {
    expect(await readCapacityContext({ navigator: { storage: { estimate: async () => ({ quota: 1000, usage: 200 }) }, deviceMemory: 8 }, performance: { memory: { jsHeapSizeLimit: 4e9 } } })).toEqual({ quota: 1000, usage: 200, heapLimit: 4e9, deviceMemoryGiB: 8 });
    expect(await readCapacityContext({})).toEqual({});
    // a browser that refuses the estimate (a private window): the check goes on without it
    expect(await readCapacityContext({ navigator: { storage: { estimate: () => Promise.reject(new Error('denied')) } } })).toEqual({});
  });

  it('sees a mapped table by its size, rows, columns and free-text columns', () => {
    expect(capacityFile(entry)).toEqual({ name: 'survey.csv', bytes: 90_000_000, kind: 'table', rows: 100_000, columns: 4, textColumns: 2 });
    expect(capacityFile({ name: 't.docx', kind: 'transcript', info: { kind: 'transcript', bytes: 5000, previous: [] } })).toEqual({ name: 't.docx', bytes: 5000, kind: 'transcript' });
  });

  it('decides with the figures it is given (an injected estimate), as the pure check does', async () => {
    const small = { quota: 100_000_000, usage: 50_000_000 };
    const r = await preflight([entry], async () => small);
    expect(r).toEqual(checkCapacity([capacityFile(entry)], small));
    expect(r.verdict).toBe('will-not-fit');
    expect((await preflight([entry], async () => ({ quota: 1e12, usage: 0 }))).verdict).toBe('fits');
  });

  it('counts the project’s documents so far in the memory the project needs once open', async () => {
    const ctx = { quota: 1e12, usage: 0, deviceMemoryGiB: 2 };
    expect((await preflight([entry], async () => ctx)).verdict).toBe('fits');
    const r = await preflight([entry], async () => ctx, { documents: 500_000, codings: 0 });
    expect(r).toEqual(checkCapacity([capacityFile(entry)], { ...ctx, projectDocuments: 500_000, projectCodings: 0 }));
    expect(r.verdict).toBe('will-not-fit');
    expect(r.message).toContain('will not fit in this computer’s memory once imported');
  });

  it('counts the project’s codings so far too: a small import into a project with millions of codings may not fit', async () => {
    const ctx = { quota: 1e12, usage: 0, deviceMemoryGiB: 2 };
    expect((await preflight([entry], async () => ctx, { documents: 0, codings: 0 })).verdict).not.toBe('will-not-fit');
    const r = await preflight([entry], async () => ctx, { documents: 0, codings: 5_000_000 });
    expect(r).toEqual(checkCapacity([capacityFile(entry)], { ...ctx, projectDocuments: 0, projectCodings: 5_000_000 }));
    expect(r.verdict).toBe('will-not-fit');
    expect(r.message).toContain('will not fit in this computer’s memory once imported');
  });
});
