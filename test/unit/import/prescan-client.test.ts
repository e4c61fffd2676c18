/**
 * The scan ahead's driver and client: parts are read one at a time with a pause between them (so
 * the worker can be stopped there), and stopping keeps or voids what arrived as asked, ending the
 * worker either way.
 */
import { describe, expect, it } from 'vitest';
import { runPreScan, type PreScanMessage, type PreScanPart } from '../../../shared/import/pre-scan';
import { startPreScan, type PreScanWorker } from '../../../renderer/workers/prescan-client';
import type { TableLayout } from '../../../shared/import/csv-stream';

const part = (through: number, record: number, length: number): PreScanPart => ({ through, cells: [record, 1, length], found: [] });

describe('runPreScan', () => {
  it('reads the next part only after the pause, and ends with done', async () => {
    const read: number[] = [];
    function* parts() {
      for (let i = 1; i <= 3; i++) {
        read.push(i);
        yield part(i * 10, i * 10, 200);
      }
    }
    const posted: PreScanMessage[] = [];
    const pauses: (() => void)[] = [];
    const run = runPreScan(parts, (m) => posted.push(m), () => new Promise<void>((r) => pauses.push(r)));
    expect([read, posted.length, pauses.length]).toEqual([[1], 1, 1]);
    pauses.shift()!();
    await new Promise((r) => setTimeout(r));
    expect([read, posted.length]).toEqual([[1, 2], 2]);
    pauses.shift()!();
    await new Promise((r) => setTimeout(r));
    pauses.shift()!();
    await run;
    expect(posted.map((m) => m.type)).toEqual(['part', 'part', 'part', 'done']);
  });

  it('posts an error, naming it, when the reading fails', async () => {
    const posted: PreScanMessage[] = [];
    function* parts(): Generator<PreScanPart> {
      yield part(1, 1, 200);
      throw new Error('row 7: the file changed while it was read');
    }
    await runPreScan(parts, (m) => posted.push(m), async () => {});
    expect(posted.at(-1)).toEqual({ type: 'error', message: 'row 7: the file changed while it was read' });
  });
});

class FakeWorker implements PreScanWorker {
  onmessage: ((e: MessageEvent<PreScanMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = 0;
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated++;
  }
  emit(m: PreScanMessage) {
    this.onmessage?.({ data: m } as MessageEvent<PreScanMessage>);
  }
}

const layout = { columns: ['ID', 'Answer'] } as TableLayout;

describe('startPreScan', () => {
  it('sends the file with parse-table’s layout; stopped with keep, what arrived stays usable', () => {
    const w = new FakeWorker();
    const file = new Blob(['x']);
    const s = startPreScan(file, layout, () => w);
    expect(w.sent).toEqual([{ file, layout }]);
    w.emit({ type: 'part', part: part(40, 12, 200) });
    s.stop(true);
    expect(w.terminated).toBe(1);
    // a part still in flight when it was stopped is not taken
    w.emit({ type: 'part', part: part(80, 60, 200) });
    expect([s.results.usable, s.results.through, s.results.get(12, 1, 200), s.results.get(60, 1, 200)]).toEqual([true, 40, [], undefined]);
  });

  it('stopped without keep, its results are void; its own end terminates the worker', () => {
    const w = new FakeWorker();
    const s = startPreScan(new Blob(['x']), layout, () => w);
    w.emit({ type: 'part', part: part(40, 12, 200) });
    s.stop();
    expect([s.results.usable, s.results.get(12, 1, 200), w.terminated]).toEqual([false, undefined, 1]);
    const w2 = new FakeWorker();
    const s2 = startPreScan(new Blob(['x']), layout, () => w2);
    w2.emit({ type: 'part', part: part(40, 12, 200) });
    w2.emit({ type: 'done' });
    expect([s2.results.usable, s2.results.get(12, 1, 200), w2.terminated]).toEqual([true, [], 1]);
  });
});
