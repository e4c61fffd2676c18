/**
 * Analysis benchmark (tsx script): a generated project of 100,000 responses, 300 codes and
 * 1,000,000 codings. Each analysis is timed against one plain pass over the codings array in the
 * same run (`plainPass` in util.ts, shared with agreement.bench.ts); text statistics against a
 * bare regex word split of the same text. Targets: ratio ≤ 3. Times are CPU time
 * (process.cpuUsage, user + system), best of 3, because the machine is shared and wall time is noisy.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx test/bench/analysis.bench.ts
 */
import {
  changeOverTime,
  codeFrequencies,
  codingText,
  cooccurrence,
  prepareIndex,
  saturation,
  segmentSentiments,
  sentimentTable,
  subcategoryMatrix,
  termCounts,
  triangulation,
  wordFrequencies,
  type AnalysisIndex,
} from '../../shared/analysis';
import type { ProjectBundle } from '../../shared/model';
import { generateProject } from '../unit/analysis/generate';
import { bestCpu, plainPass, verdict } from './util';

const t0 = performance.now();
/** Wall time of one call (only for the one-off generation step). */
const ms = (f: () => unknown): number => {
  const s = performance.now();
  f();
  return performance.now() - s;
};
/** CPU time, best of 3 (see util.ts). */
const cpu = (f: () => unknown): number => bestCpu(f).ms;

const spec = { responses: 100_000, themes: 30, childrenPerTheme: 9, codingsPerResponse: 10, wordsPerResponse: 150 };
// Warm the JIT on a small project first.
const small = generateProject({ ...spec, seed: 2, responses: 2_000 });
runAll(prepareIndex(small), small, true);

let bundle!: ProjectBundle;
const genMs = ms(() => (bundle = generateProject({ ...spec, seed: 1 })));
const textBytes = bundle.documents.reduce((s, d) => s + d.text.length, 0);
console.log(
  `generated ${bundle.documents.length} responses (${(textBytes / 1e6).toFixed(1)} M characters), ${bundle.codes.length} codes, ${bundle.codings.length} codings in ${(genMs / 1000).toFixed(1)} s`,
);

/** A bare regex word split of every document. */
function bareSplit(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += (t.match(/\w+/g) ?? []).length;
  return n;
}

const codeIds = bundle.codes.map((c) => c.id);
const pass = cpu(() => plainPass(bundle.codings, codeIds));
let trivial = 0;
const trivialMs = cpu(() => { for (const c of bundle.codings) trivial += c.end - c.start; });
const { ms: prepMs, result: index } = bestCpu(() => prepareIndex(bundle));

const results = runAll(index, bundle, false);
const row = (name: string, t: number, base: number, baseName: string, target: boolean) =>
  console.log(`${name.padEnd(34)} ${t.toFixed(0).padStart(7)} ms   ${(t / base).toFixed(2).padStart(6)} × ${baseName}${target ? `   ${verdict(t / base, 3)}` : ''}`);

console.log(`\nplain pass over codings (reads document, code and coder ids; Map count per code): ${pass.toFixed(1)} ms; a bare loop summing lengths: ${trivialMs.toFixed(1)} ms\n`);
row('prepareIndex (once per bundle)', prepMs, pass, 'pass', false);
for (const r of results.codings) row(r.name, r.ms, pass, 'pass', true);
console.log('');
for (const r of results.text) row(r.name, r.ms, r.base, r.baseName, true);
console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`);
void trivial;

function runAll(index: AnalysisIndex, b: ProjectBundle, warm: boolean) {
  const codings: Array<{ name: string; ms: number }> = [];
  const text: Array<{ name: string; ms: number; base: number; baseName: string }> = [];
  const time = (name: string, f: () => unknown) => codings.push({ name, ms: cpu(f) });
  time('frequencies', () => codeFrequencies(index));
  time('frequencies, filtered by coder', () => codeFrequencies(index, { coderIds: [b.coders[0]!.id] }));
  time('matrix (Age group)', () => subcategoryMatrix(index, { attribute: 'Age group' }));
  time('matrix (source kind)', () => subcategoryMatrix(index, { attribute: 'source kind' }));
  time('co-occurrence (segment)', () => cooccurrence(index, { unit: 'segment' }));
  time('co-occurrence (response)', () => cooccurrence(index, { unit: 'response' }));
  time('change over time (quarter)', () => changeOverTime(index, { attribute: 'Contact date', period: 'quarter' }));
  time('saturation', () => saturation(index));

  // Text: each against a bare regex split of the same text.
  const docTexts = Array.from({ length: index.documents.length }, (_, d) => index.documents.text(d));
  const splitDocs = cpu(() => bareSplit(docTexts));
  const counted = bestCpu(() => docTexts.map((t) => termCounts(t)));
  const cache = counted.result;
  text.push({ name: 'termCounts (the store’s cache)', ms: counted.ms, base: splitDocs, baseName: 'regex split of documents' });
  text.push({ name: 'word frequencies (from cache)', ms: cpu(() => wordFrequencies(cache)), base: splitDocs, baseName: 'regex split of documents' });
  text.push({ name: 'word frequencies, stemmed', ms: cpu(() => wordFrequencies(cache, { stem: true })), base: splitDocs, baseName: 'regex split of documents' });
  text.push({ name: 'co-occurrence (sentence)', ms: cpu(() => cooccurrence(index, { unit: 'sentence' })), base: splitDocs, baseName: 'regex split of documents' });
  const sliced = bestCpu(() => {
    const out: string[] = [];
    for (let k = 0; k < index.codings.count; k++) out.push(codingText(index, k));
    return out;
  });
  const segTexts = sliced.result;
  const splitSegs = sliced.ms + cpu(() => bareSplit(segTexts));
  const sentiments = bestCpu(() => segmentSentiments(index));
  const scores = sentiments.result;
  text.push({ name: 'sentiment per segment', ms: sentiments.ms, base: splitSegs, baseName: 'slice + regex split of segments' });
  text.push({ name: 'sentiment table (scores reused)', ms: cpu(() => sentimentTable(index, { scores, attribute: 'Age group' })), base: splitSegs, baseName: 'slice + regex split of segments' });
  time('triangulation (scores reused)', () => triangulation(index, { scores }));
  if (warm) return { codings: [], text: [] };
  return { codings, text };
}
