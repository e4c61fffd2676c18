/** Small helpers shared by the benchmark scripts. */

/** Median wall time in ms of `runs` runs of fn (after one warm-up). */
export function timeIt(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * CPU time (user + system, ms) of one call: steadier than wall time on a shared, loaded machine
 * (process.cpuUsage is Node-only; the benches are Node scripts).
 */
export function cpuMs<T>(fn: () => T): { ms: number; result: T } {
  const c0 = process.cpuUsage();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, result };
}

/** Best (least) CPU time of `runs` runs, with the last run's result. */
export function bestCpu<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const r = cpuMs(fn);
    ms = Math.min(ms, r.ms);
    result = r.result;
  }
  return { ms, result };
}

/** Print a figure beside its baseline; `target` null = reported for context only. */
export function report(label: string, ms: number, baselineMs: number, target: number | null): void {
  const ratio = ms / baselineMs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  baseline ${baselineMs.toFixed(1).padStart(8)} ms  ratio ${ratio.toFixed(2)} ${verdict(ratio, target)}`);
}

/** A deterministic generator of realistic feedback text. */
export function feedbackText(seed: number, words: number): string {
  const vocab = (
    'the officer called me back after three weeks and I felt believed but nobody updated me about the case ' +
    'my ISVA was brilliant she explained the Victims Code and helped with the interpreter I waited on 101 for an hour ' +
    'they did not take my statement seriously at first later the detective kept in touch every fortnight ' +
    'I was frightened to go home the safety plan helped court was adjourned twice without warning ' +
    'communication was poor and I had to chase for news support from the charity made the difference'
  ).split(' ');
  let x = seed >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(vocab[x % vocab.length]!);
    if (x % 17 === 0) out[out.length - 1] += '.';
  }
  return out.join(' ');
}

/** The fields of a coding the plain pass reads (a structural subset of the model's Coding). */
export interface CodingIds {
  documentId: string;
  codeId: string;
  coderId: string;
}

/**
 * The "plain pass" every analysis benchmark compares against: ONE loop over the codings array
 * that reads each coding's documentId, codeId and coderId and counts codings per code through a
 * Map from code id. That is the least work any per-code analysis of the raw bundle must do, so
 * "ratio ≤ 3" means an analysis costs at most three such passes. The document and coder ids are
 * folded into a checksum (counting changes of document and coder) so the reads cannot be dropped.
 */
export function plainPass(codings: readonly CodingIds[], codeIds: readonly string[]): number {
  const codeIndex = new Map<string, number>();
  for (let i = 0; i < codeIds.length; i++) codeIndex.set(codeIds[i]!, i);
  const perCode = new Float64Array(codeIds.length);
  let lastDoc = '';
  let lastCoder = '';
  let changes = 0;
  for (let i = 0; i < codings.length; i++) {
    const c = codings[i]!;
    if (c.documentId !== lastDoc) {
      lastDoc = c.documentId;
      changes++;
    }
    if (c.coderId !== lastCoder) {
      lastCoder = c.coderId;
      changes++;
    }
    const k = codeIndex.get(c.codeId);
    if (k !== undefined) perCode[k]!++;
  }
  return changes + perCode[0]!;
}

const AREAS = ['North', 'South', 'East', 'West', 'Central'];

/**
 * The import issue's benchmark survey: ID, 6 attribute columns and 2 free-text answers of
 * `words` words each (78 words ≈ 900 bytes a row, so 100,000 rows ≈ 90 MB), with some personal
 * data planted for the scan. Deterministic.
 */
export function surveyCsv(rows: number, words = 78): string {
  const lines = ['ID,Area,Age band,Contact date,Satisfaction,Channel,Repeat victim,Experience,Improvements'];
  for (let i = 1; i <= rows; i++) {
    let a = feedbackText(i * 2 + 1, words);
    let b = feedbackText(i * 2 + 2, words);
    if (i % 50 === 0) b += ' Call me on 07700 900123 please.';
    if (i % 70 === 0) a += ` Email me at victim${i}@example.co.uk.`;
    if (i % 30 === 0) a += ' PC Sarah Jones was kind.';
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2024`;
    lines.push(`R${i},${AREAS[i % 5]},${['18-24', '25-34', '35-54', '55+'][i % 4]},${date},${(i % 5) + 1},${['101', '999', 'Online'][i % 3]},${i % 2 ? 'Yes' : 'No'},"${a}","${b}"`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A bench step that must finish within `ms`: a page-side loop that waits on animation frames has
 * no timeout of its own (page.evaluate never gives up), and on a loaded machine one hung for 14
 * minutes. Rejects with a message naming the step; the bench then exits non-zero.
 */
export function deadline<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`TIMED OUT: ${step} did not finish within ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The verdict every bench prints beside a ratio; the runner's --strict mode looks for "OVER TARGET". */
export function verdict(ratio: number, target: number | null): string {
  return target === null ? '(context)' : `(target ≤ ${target}) ${ratio <= target ? 'ok' : 'OVER TARGET'}`;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
