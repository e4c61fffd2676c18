/**
 * Seeded mutation fuzzing in `npm test` (see ./harness.ts for what is mutated and judged):
 * 2,000 inputs over CSV, XLSX, DOCX, QDPX and QDC. Every one must be read cleanly or rejected
 * with a one-line message (naming the file where the CLI reads it); none may crash, hang or
 * leave a file behind. `npm run bench -- fuzz` runs more. CHORUS_FUZZ_SEED picks another seed.
 */
import { describe, expect, it } from 'vitest';
import { describeReport, fuzz } from './harness';

const SEED = Number(process.env.CHORUS_FUZZ_SEED ?? 12);

describe('hostile files (seeded mutation fuzzing)', () => {
  it('2,000 mutated CSV, XLSX, DOCX, QDPX and QDC files: each read or rejected with one line; no crash, hang or runaway memory', async () => {
    const report = await fuzz({ csv: 700, xlsx: 250, docx: 150, qdpx: 200, qdc: 700 }, SEED);
    console.log(describeReport(report));
    expect(report.crashes).toEqual([]);
    expect(report.inputs).toBe(2000);
    // both outcomes occur for every format: the mutations reach past the first check and the seeds still read
    for (const b of Object.values(report.byFormat)) {
      expect(b.read).toBeGreaterThan(0);
      expect(b.rejected).toBeGreaterThan(0);
    }
    expect(report.maxMs).toBeLessThan(10_000); // no input hangs (a loaded 2-core machine: generous)
    expect(report.maxRssGrowthMb).toBeLessThan(1024);
  }, 240_000);
});
