/**
 * Safeguarding detector speed: detectSafeguarding over ~10 MB of feedback-like responses (about one
 * in forty holding a risk sentence), beside a bare case-insensitive 10-term alternation over the
 * same texts (the cost of merely looking for risk words). Reported for context (no target yet): the
 * import scan runs after the commit, in the import worker, so it never slows the commit itself.
 * `npm run bench -- safeguarding`.
 */
import { detectSafeguarding } from '../../shared/safeguarding/detect';
import { bestCpu, feedbackText, report } from './util';

const RISK = [
  'He is still coming to my house at night.',
  'Honestly I want to die.',
  'Years ago he threatened to kill me.',
  'The kids are not safe with him.',
  'They asked if I was suicidal, which was fine.',
];

const texts: string[] = [];
let bytes = 0;
for (let i = 0; bytes < 10 * 1024 * 1024; i++) {
  let t = feedbackText(i + 1, 150);
  if (i % 40 === 0) t = `${t}. ${RISK[(i / 40) % RISK.length]}`;
  texts.push(t);
  bytes += t.length;
}

const words = /kill|die|suicid|harm|abus|threat|scared|still|safe|hit/i;
const bare = bestCpu(() => texts.reduce((n, t) => n + (words.test(t) ? 1 : 0), 0));
const run = bestCpu(() => texts.reduce((n, t) => n + detectSafeguarding(t).length, 0));
console.log(`${texts.length.toLocaleString('en-GB')} responses, ${(bytes / 2 ** 20).toFixed(1)} MB; ${run.result} findings`);
report('detectSafeguarding (per response)', run.ms, bare.ms, null);
console.log(`throughput ${(bytes / 2 ** 20 / (run.ms / 1000)).toFixed(1)} MB/s`);
