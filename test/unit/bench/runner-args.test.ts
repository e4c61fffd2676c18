import { describe, expect, it } from 'vitest';
import { missedTargets, parseBenchArgs, runsArg, sizesArg } from '../../bench/runner-args';
import { deadline, median, verdict } from '../../bench/util';

describe('bench runner', () => {
  it('reads names, --strict and --deadline, and refuses what it does not know', () => {
    expect(parseBenchArgs(['search', '--strict', 'pii', '--deadline=5'])).toEqual({ names: ['search', 'pii'], strict: true, deadlineMinutes: 5 });
    expect(parseBenchArgs([])).toEqual({ names: [], strict: false, deadlineMinutes: 30 });
    expect(() => parseBenchArgs(['--deadline=soon'])).toThrow(/--deadline needs a number of minutes/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(parseBenchArgs(['ui-import', '--sizes=10k,1k'])).toEqual({ names: ['ui-import'], strict: false, deadlineMinutes: 30, sizes: '1000,10000' });
  });

  it('reads row counts from --sizes, a bare number or the environment, smallest first, each once', () => {
    expect(sizesArg(['--sizes=100k,1k,10000,1k'], undefined, [5])).toEqual([1000, 10_000, 100_000]);
    expect(sizesArg(['50000'], '7', [5])).toEqual([50_000]);
    expect(sizesArg([], '2k, 1000', [5])).toEqual([1000, 2000]);
    expect(sizesArg([], undefined, [10, 5])).toEqual([10, 5]);
    expect(() => sizesArg(['--sizes=1k,lots'], undefined, [])).toThrow('--sizes needs row counts above 0 separated by commas (e.g. 1k,10k,50000), not “lots”');
    expect(() => sizesArg(['--sizes=0'], undefined, [])).toThrow(/not “0”/);
  });

  it('reads --runs (or BENCH_RUNS) as a whole number from 1 to 50, and takes medians', () => {
    expect(parseBenchArgs(['import-chromium', '--runs=5'])).toEqual({ names: ['import-chromium'], strict: false, deadlineMinutes: 30, runs: 5 });
    expect(runsArg([], undefined)).toBe(1);
    expect(runsArg([], '3')).toBe(3);
    expect(runsArg(['--runs=7'], '3')).toBe(7);
    expect(() => runsArg(['--runs=0'], undefined)).toThrow('--runs needs a whole number from 1 to 50, not “0”');
    expect(() => runsArg(['--runs=2.5'], undefined)).toThrow(/not “2.5”/);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('finds every missed target in a bench’s output, and nothing else', () => {
    const out = [
      `merge 2 × 1M codings ${' '.repeat(3)} 120.0 ms  baseline 20.0 ms  ratio 6.00 ${verdict(6, 3)}`,
      `qdpx open  30.0 ms  baseline 25.0 ms  ratio 1.20 ${verdict(1.2, 2)}`,
      `context only ${verdict(9, null)}`,
      'TIMED OUT: grid key ArrowDown did not finish within 30 s',
    ].join('\n');
    expect(missedTargets(out)).toEqual([expect.stringContaining('ratio 6.00 (target ≤ 3) OVER TARGET'), 'TIMED OUT: grid key ArrowDown did not finish within 30 s']);
  });

  it('a step past its deadline rejects with the step named; one in time resolves', async () => {
    await expect(deadline(new Promise(() => {}), 20, 'opening document A')).rejects.toThrow('TIMED OUT: opening document A did not finish within 0 s');
    await expect(deadline(Promise.resolve(7), 1000, 'quick')).resolves.toBe(7);
  });
});
