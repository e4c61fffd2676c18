/** Arguments and output scanning of the bench runner (run.ts), kept apart so they can be unit-tested. */

export interface BenchArgs {
  /** Bench file name prefixes to run; empty = all. */
  names: string[];
  /** Exit non-zero when any figure is over its target. */
  strict: boolean;
  /** Minutes each bench may run before it is stopped. */
  deadlineMinutes: number;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { names: [], strict: false, deadlineMinutes: 30 };
  for (const a of argv) {
    if (a === '--strict') out.strict = true;
    else if (a.startsWith('--deadline=')) {
      const m = Number(a.slice('--deadline='.length));
      if (!Number.isFinite(m) || m <= 0) throw new Error(`--deadline needs a number of minutes above 0, not “${a.slice(11)}”`);
      out.deadlineMinutes = m;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a} (known: --strict, --deadline=MINUTES)`);
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
