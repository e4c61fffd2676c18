/**
 * A worker service given back (release): it stops its worker once the requests in flight are
 * answered, refuses none of them, and starts a fresh worker for a later call.
 */
import { describe, expect, it } from 'vitest';
import { workerService } from '../../renderer/workers/rpc';

/** A worker that answers each request when told to (`answer`), doubling its number. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  inbox: { id: number; body: number }[] = [];
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: { id: number; body: number }) {
    if (this.terminated) throw new Error('posted to a stopped worker');
    this.inbox.push(m);
  }
  answer() {
    const m = this.inbox.shift()!;
    this.onmessage?.({ data: { id: m.id, body: m.body * 2 } } as MessageEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('a worker service given back', () => {
  it('stops its worker after the requests in flight, answers them all, and starts afresh on the next call', async () => {
    FakeWorker.made = [];
    const service = workerService<number, number>(() => new FakeWorker() as unknown as Worker);
    service.release(); // (no worker yet: nothing to stop, and none started)
    expect(FakeWorker.made).toHaveLength(0);
    const a = service.call(1);
    const b = service.call(2);
    const first = FakeWorker.made[0]!;
    service.release();
    expect(first.terminated).toBe(false);
    first.answer();
    expect(await a).toBe(2);
    expect(first.terminated).toBe(false);
    first.answer();
    expect(await b).toBe(4);
    expect(first.terminated).toBe(true);
    // a later call: a fresh worker
    const c = service.call(3);
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1]!.answer();
    expect(await c).toBe(6);
    // idle: stopped at once; a call after a release (before the stop) keeps the worker
    service.release();
    expect(FakeWorker.made[1]!.terminated).toBe(true);
    const d = service.call(4);
    const third = FakeWorker.made[2]!;
    service.release();
    const e = service.call(5);
    third.answer();
    third.answer();
    expect([await d, await e]).toEqual([8, 10]);
    expect(third.terminated).toBe(false);
  });
});
