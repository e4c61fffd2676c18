/**
 * Pack benchmark (issue 11): building each audience's pack for a 100,000-response, 1,000,000-coding
 * project, against computing the analyses that pack shows, alone, on the same project in the same
 * run: the index, code frequencies, triangulation, a subcategory matrix per category attribute (up
 * to three) and, with two or more coders, the agreement report. Target: pack ≤ 3 × analyses.
 * "Pack" = gather + build (makePack) + the HTML writer with every chart drawn by the app's d3
 * renderer on a jsdom document, i.e. what `npm run chorus -- pack --format html` does after reading
 * the file. CPU time (user + system), best of 3.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npm run bench -- pack
 */
import { codeFrequencies, prepareIndex, subcategoryMatrix, triangulation } from '../../shared/analysis';
import { computeAgreement } from '../../shared/analysis/reliability';
import { PACK_AUDIENCES } from '../../shared/packs/model';
import { makePack } from '../../shared/packs/make';
import { packToHtml } from '../../shared/packs/writers/html';
import { chartSvg } from '../../electron/cli/chart-svg';
import { generateProject } from '../unit/analysis/generate';
import { bestCpu, verdict } from './util';

const RESPONSES = Number(process.env.PACK_BENCH_RESPONSES ?? 100_000);
const spec = { responses: RESPONSES, themes: 30, childrenPerTheme: 9, codingsPerResponse: 10, wordsPerResponse: 150 };

/** The analyses a pack shows, computed alone (the baseline). */
function analysesAlone(b: ReturnType<typeof generateProject>): number {
  const index = prepareIndex(b);
  let n = codeFrequencies(index).rows.length + triangulation(index).rows.length;
  for (const v of b.variables.filter((x) => x.type === 'category' && (x.level ?? 'participant') === 'participant').slice(0, 3)) n += subcategoryMatrix(index, { attribute: v.name }).rows.length;
  if (b.coders.length >= 2) n += computeAgreement(b, { unit: 'response' }).documents;
  return n;
}

// warm the JIT (and jsdom) on a small project first
const small = generateProject({ ...spec, seed: 2, responses: 2_000 });
analysesAlone(small);
for (const a of PACK_AUDIENCES) packToHtml(makePack(small, a), chartSvg);

const bundle = generateProject({ ...spec, seed: 1 });
console.log(`project: ${bundle.documents.length.toLocaleString('en-GB')} responses, ${bundle.codes.length} codes, ${bundle.codings.length.toLocaleString('en-GB')} codings, ${bundle.coders.length} coders`);
const base = bestCpu(() => analysesAlone(bundle)).ms;
console.log(`${'analyses alone (the baseline)'.padEnd(44)} ${base.toFixed(0).padStart(9)} ms`);
for (const audience of PACK_AUDIENCES) {
  const { ms, result } = bestCpu(() => packToHtml(makePack(bundle, audience), chartSvg));
  const ratio = ms / base;
  console.log(`${`pack: ${audience} (HTML, ${(result.length / 1024).toFixed(0)} KB)`.padEnd(44)} ${ms.toFixed(0).padStart(9)} ms  ratio ${ratio.toFixed(2)} ${verdict(ratio, 3)}`);
}
