/** Arguments and output scanning of the bench runner (run.ts), kept apart so they can be unit-tested. */

export interface BenchArgs {
  /** Bench file name prefixes to run; empty = all. */
  names: string[];
  /** Exit non-zero when any figure is over its target. */
  strict: boolean;
  /** Minutes each bench may run before it is stopped. */
  deadlineMinutes: number;
  /** `--sizes=…` as given, for the benches that run at several row counts (passed on as BENCH_SIZES). */
  sizes?: string;
  /** `--runs=N`: times import-chromium runs the app and the true limit, alternated, reporting medians (passed on as BENCH_RUNS). */
  runs?: number;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { names: [], strict: false, deadlineMinutes: 30 };
  for (const a of argv) {
    if (a === '--strict') out.strict = true;
    else if (a.startsWith('--deadline=')) {
      const m = Number(a.slice('--deadline='.length));
      if (!Number.isFinite(m) || m <= 0) throw new Error(`--deadline needs a number of minutes above 0, not “${a.slice(11)}”`);
      out.deadlineMinutes = m;
    } else if (a.startsWith('--sizes=')) out.sizes = sizesArg([a], undefined, []).join(',');
    else if (a.startsWith('--runs=')) out.runs = runsArg([a], undefined);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (known: --strict, --deadline=MINUTES, --sizes=ROWS,ROWS…, --runs=N)`);
    else out.names.push(a);
  }
  return out;
}

/** The printed lines that report a missed target (every bench marks them "OVER TARGET"). */
export function missedTargets(output: string): string[] {
  return output
    .split(/\r?\n/)
    .filter((l) => l.includes('OVER TARGET') || l.startsWith('TIMED OUT'))
    .map((l) => l.trim());
}

/**
 * A bench's row counts: `--sizes=1000,10000` (or a bare number as the first argument, or the
 * environment's BENCH_SIZES), else `fallback`; sorted smallest first, each once. "1k"/"100k" work too.
 */
export function sizesArg(argv: readonly string[], env: string | undefined, fallback: readonly number[]): number[] {
  const given = argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? argv.find((a) => /^\d/.test(a)) ?? env;
  if (given === undefined || given.trim() === '') return [...fallback];
  const sizes = given.split(',').map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(part);
    const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--sizes needs row counts above 0 separated by commas (e.g. 1k,10k,50000), not “${part.trim()}”`);
    return n;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** How many times to run a measured pair (`--runs=N`, else the environment's BENCH_RUNS, else 1): a whole number from 1 to 50. */
export function runsArg(argv: readonly string[], env: string | undefined): number {
  const given = argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? env;
  if (given === undefined || given.trim() === '') return 1;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`--runs needs a whole number from 1 to 50, not “${given.trim()}”`);
  return n;
}
