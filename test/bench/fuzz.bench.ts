/**
 * More hostile-file fuzzing than `npm test` runs: `npm run bench -- fuzz` (or `npx tsx test/bench/fuzz.bench.ts`).
 * The same harness as test/unit/fuzz/hostile-files.test.ts, 5× the inputs, three seeds. Prints the
 * outcome counts per format, the slowest input and the memory growth; exits non-zero on any crash.
 * CHORUS_FUZZ_SCALE multiplies the input counts (default 5).
 */
import { describeReport, fuzz } from '../unit/fuzz/harness';

const scale = Number(process.env.CHORUS_FUZZ_SCALE ?? 5);
const per = { csv: 700, xlsx: 250, docx: 150, qdpx: 200, qdc: 700 };
let crashes = 0;
for (const seed of [101, 202, 303]) {
  const counts = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, Math.round((v * scale) / 3)])) as typeof per;
  const report = await fuzz(counts, seed);
  console.log(`seed ${seed}\n${describeReport(report)}`);
  crashes += report.crashes.length;
}
process.exitCode = crashes > 0 ? 1 : 0;
