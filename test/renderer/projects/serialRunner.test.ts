import { describe, expect, it } from 'vitest';
import { serialRunner } from '../../../renderer/features/projects/serialRunner';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('serialRunner (File menu commands)', () => {
  it('starts a command only after the one before it has finished, in the order asked', async () => {
    const log: string[] = [];
    const gates = new Map([['export', deferred()], ['open', deferred()]]);
    const r = serialRunner(async (c: string) => {
      log.push(`start ${c}`);
      await gates.get(c)!.promise;
      log.push(`end ${c}`);
    });
    const a = r.push('export');
    const b = r.push('open');
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['start export']);
    gates.get('open')!.resolve(); // finishing the second first changes nothing
    await Promise.resolve();
    expect(log).toEqual(['start export']);
    gates.get('export')!.resolve();
    await a;
    await b;
    expect(log).toEqual(['start export', 'end export', 'start open', 'end open']);
  });

  it('keeps going after a command fails', async () => {
    const ran: string[] = [];
    const r = serialRunner(async (c: string) => {
      ran.push(c);
      if (c === 'bad') throw new Error('no');
    });
    await Promise.all([r.push('bad'), r.push('good')]);
    expect(ran).toEqual(['bad', 'good']);
  });

  it('starts nothing more once disposed (the window closed), but lets the running one finish', async () => {
    const ran: string[] = [];
    const gate = deferred();
    const r = serialRunner(async (c: string) => {
      ran.push(c);
      if (c === 'first') await gate.promise;
    });
    const first = r.push('first');
    const second = r.push('second');
    await Promise.resolve();
    r.dispose();
    gate.resolve();
    await first;
    await second;
    expect(ran).toEqual(['first']);
  });
});
