/**
 * Agreement speed: computeAgreement at 'character' and 'response' on 100,000 responses, 300 codes
 * and 1,000,000 codings by 2 coders, against one plain pass over the codings array.
 * Plain script: `npx tsx test/bench/agreement.bench.ts` (add `--sentence` to time sentence units too).
 * Target: ratio ≤ 3. Times are CPU time (process.cpuUsage, user + system), best of 3, because the
 * machine is shared and wall time is noisy.
 * Two baselines are printed: a bare pass (sum of coded lengths, the floor for touching every
 * coding) and the plain pass the target is set against (`plainPass` in util.ts, shared with
 * analysis.bench.ts: reads each coding's document, code and coder ids and counts per code via a Map).
 */
import { computeAgreement, type AgreementUnit } from '../../shared/analysis/reliability';
import type { Coding, ProjectBundle } from '../../shared/model';
import { seededGuids, seededRandom } from '../../shared/model';
import { bestCpu as best, plainPass, report } from './util';

const RESPONSES = 100_000;
const CODES = 300;
const CODINGS = 1_000_000;
const AT = '2025-01-01T00:00:00Z';

const SENTENCES = [
  'I reported it on a Tuesday and the officer was kind, but nobody rang me back for three weeks.',
  'The ISVA from the local service was brilliant and came to court with me.',
  'Nobody told me the case had been dropped until I chased it myself.',
  'I felt like I was being judged because of where I live and how I speak.',
  'The statement took four hours and I was not offered a break or a drink.',
  'It would help if the letters were written in plain English and not jargon.',
  'I rang 101 twice and waited over an hour each time before giving up.',
];

function generate(): ProjectBundle {
  const rand = seededRandom(11);
  const guid = seededGuids(12);
  const projectId = guid();
  const sourceId = guid();
  const coders = ['Ann', 'Bob'].map((name) => ({ id: guid(), projectId, name, initials: name.slice(0, 2), colour: '#336699' }));
  const codes = Array.from({ length: CODES }, (_, i) => ({
    id: guid(), projectId, parentId: null, name: `Code ${i + 1}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#996633', order: i, keywords: [], createdAt: AT,
  }));
  const texts = Array.from({ length: 64 }, () => {
    const n = 2 + Math.floor(rand() * 4);
    return Array.from({ length: n }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!).join(' ');
  });
  const documents = Array.from({ length: RESPONSES }, (_, i) => {
    const text = texts[i % texts.length]!;
    return { id: guid(), projectId, sourceId, participantId: null, title: `R${i + 1}`, kind: 'response' as const, length: text.length, turns: [], createdAt: AT, text };
  });
  const codings: Coding[] = new Array(CODINGS);
  for (let i = 0; i < CODINGS; i += 2) {
    const d = documents[Math.floor(i / (CODINGS / RESPONSES))]!;
    const code = codes[Math.floor(rand() * CODES)]!;
    const s = Math.floor(rand() * (d.length - 20));
    const e = s + 10 + Math.floor(rand() * Math.min(150, d.length - s - 10));
    codings[i] = { id: guid(), projectId, documentId: d.id, codeId: code.id, coderId: coders[0]!.id, start: s, end: e, createdAt: AT };
    // Bob agrees roughly with Ann most of the time, otherwise picks another code
    const agree = rand() < 0.7;
    const bs = Math.max(0, s + Math.floor(rand() * 11) - 5);
    const be = Math.min(d.length, Math.max(bs + 1, e + Math.floor(rand() * 11) - 5));
    codings[i + 1] = { id: guid(), projectId, documentId: d.id, codeId: agree ? code.id : codes[Math.floor(rand() * CODES)]!.id, coderId: coders[1]!.id, start: bs, end: be, createdAt: AT };
  }
  return {
    project: { id: projectId, name: 'Bench', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: AT, updatedAt: AT },
    coders, sources: [{ id: sourceId, projectId, name: 'Survey', kind: 'survey', description: '', createdAt: AT }],
    variables: [], participants: [], documents, codes, codings, memos: [], findings: [], actions: [], assignments: [], decisions: [],
  };
}

const t0 = performance.now();
const bundle = generate();
console.log(`generated ${RESPONSES} responses, ${CODES} codes, ${bundle.codings.length} codings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const bare = best(() => {
  let sum = 0;
  const cs = bundle.codings;
  for (let i = 0; i < cs.length; i++) sum += cs[i]!.end - cs[i]!.start;
  return sum;
});
const codeIds = bundle.codes.map((c) => c.id);
const pass = best(() => plainPass(bundle.codings, codeIds));
report('bare pass (sum of coded lengths)', bare.ms, pass.ms, null);
report('plain pass (util.ts, the baseline)', pass.ms, pass.ms, null);

const units = (process.argv.includes('--sentence') ? ['character', 'response', 'sentence'] : ['character', 'response']) as AgreementUnit[];
for (const unit of units) {
  const r = best(() => computeAgreement(bundle, { unit }));
  report(`computeAgreement ${unit}`, r.ms, pass.ms, 3);
  const o = r.result.overall;
  console.log(`  (overall: agreement ${o.percentAgreement?.toFixed(2)}%, kappa ${o.kappa?.toFixed(3)}, alpha ${o.alpha?.toFixed(3)})`);
}
