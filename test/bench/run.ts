/**
 * `npm run bench`: runs every test/bench/*.bench.ts in its own process, one after another (so
 * they do not compete for the 2 cores), and prints each one's figures. Pass names to run a subset:
 * `npm run bench -- search pii`. `--sizes=1k,10k,50000` is passed on (as BENCH_SIZES) to the benches
 * that run at several row counts (import-chromium, ui-import); `--runs=N` (as BENCH_RUNS) to
 * import-chromium, which then runs the app and the true limit N times, alternated, and judges medians.
 *
 * Every bench prints "OVER TARGET" beside a figure that misses its target (util.ts `verdict`).
 * The runner ends with a summary of those lines. `--strict` makes a missed target (or a bench
 * that fails or runs out of time) exit non-zero; CI does not run benches. Each bench has a
 * deadline (`--deadline=MINUTES`, default 30): on a loaded machine a bench is stopped and
 * reported as TIMED OUT rather than hanging.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missedTargets, parseBenchArgs } from './runner-args';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseBenchArgs(process.argv.slice(2));
const benches = readdirSync(here).filter((f) => f.endsWith('.bench.ts'));
// a name that is a bench's whole name picks that bench only ('ui' is not also 'ui-import'); else every bench it begins
const files = benches
  .filter((f) => args.names.length === 0 || args.names.some((w) => (benches.includes(`${w}.bench.ts`) ? f === `${w}.bench.ts` : f.startsWith(w))))
  .sort();
console.log(
  `Chorus benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0]!.toFixed(1)}${args.strict ? ', strict' : ''}`,
);

interface Outcome {
  file: string;
  status: 'ok' | 'failed' | 'timed out';
  over: string[];
}

function runOne(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(args.sizes ? { BENCH_SIZES: args.sizes } : {}), ...(args.runs ? { BENCH_RUNS: String(args.runs) } : {}) };
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      out += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\nTIMED OUT: ${file} ran longer than ${args.deadlineMinutes} min; stopped`);
      child.kill('SIGKILL');
    }, args.deadlineMinutes * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ file, status: timedOut ? 'timed out' : code === 0 ? 'ok' : 'failed', over: missedTargets(out) });
    });
  });
}

const outcomes: Outcome[] = [];
for (const f of files) {
  console.log(`\n=== ${f}`);
  outcomes.push(await runOne(f));
}

console.log('\n=== summary');
for (const o of outcomes) {
  console.log(`${o.file.padEnd(28)} ${o.status}${o.over.length ? `, ${o.over.length} over target` : ''}`);
  for (const line of o.over) console.log(`    ${line}`);
}
const broken = outcomes.filter((o) => o.status !== 'ok').length;
const over = outcomes.reduce((n, o) => n + o.over.length, 0);
console.log(`${outcomes.length} benches: ${broken} failed or timed out, ${over} figures OVER TARGET`);
process.exitCode = broken || (args.strict && over) ? 1 : 0;
