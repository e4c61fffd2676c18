/**
 * Issue 4: corpus search over ~90 MB of text vs a bare indexOf scan of the same text, same run.
 * Target: ratio ≤ 2 (plain search). Whole-word, stemmed and regex modes are reported for context.
 */
import { searchCorpus } from '../../shared/coding/search';
import { feedbackText, report, timeIt } from './util';

const docs: { id: string; text: string }[] = [];
let bytes = 0;
for (let i = 0; bytes < 90e6; i++) {
  const text = feedbackText(i + 1, 150);
  docs.push({ id: `d${i}`, text });
  bytes += text.length;
}
console.log(`corpus: ${docs.length.toLocaleString('en-GB')} responses, ${(bytes / 1e6).toFixed(0)} MB`);

const needle = 'interpreter';
const bare = timeIt(() => {
  let n = 0;
  for (const d of docs) for (let i = d.text.indexOf(needle); i !== -1; i = d.text.indexOf(needle, i + needle.length)) n++;
  return n;
}, 3);
const plainCs = timeIt(() => searchCorpus(docs, { text: needle, mode: 'plain', caseSensitive: true }, 1000), 3);
const plain = timeIt(() => searchCorpus(docs, { text: needle, mode: 'plain' }, 1000), 3);
const word = timeIt(() => searchCorpus(docs, { text: needle, mode: 'word' }, 1000), 3);
const regex = timeIt(() => searchCorpus(docs, { text: 'interpret\\w*', mode: 'regex' }, 1000), 3);
report('plain, match case', plainCs, bare, 2);
report('plain, any case', plain, bare, 2);
report('whole word', word, bare, null);
report('regex', regex, bare, null);
const stemSample = docs.slice(0, Math.ceil(docs.length / 10));
const stemMs = timeIt(() => searchCorpus(stemSample, { text: 'interpreting', mode: 'stem' }, 1000), 1) * 10;
report('stemmed (extrapolated from 10%)', stemMs, bare, null);
