/**
 * The Code workspace's document list at survey scale, in Node: preparing 200,000 response titles
 * (sort + lower-case, once per documents list) and filtering them per keystroke, beside the old
 * way (lower-case and sort on every keystroke); and typing on, each keystroke narrowing the last
 * result (filterPreparedFrom, as the list does), beside filtering every title afresh.
 * `npm run bench -- documents`.
 */
import type { DocumentMeta, Source } from '../../shared/model';
import { filterPrepared, filterPreparedFrom, prepareDocuments, type FilteredDocuments } from '../../renderer/features/sources/groupDocuments';
import { report } from './util';
import { answerPlaces, datasetDocuments, type Dataset } from '../../shared/import/dataset';
import { documentView } from '../../shared/import/document-view';

const NOW = '2026-01-01T00:00:00.000Z';
const survey: Source = { id: 's', projectId: 'p', name: 'Survey', kind: 'survey', description: '', createdAt: NOW };
const docs: DocumentMeta[] = [];
for (let r = 1; r <= 100_000; r++) {
  const id = String(r).padStart(6, '0');
  for (const [k, q] of [['a', 'What went well?'], ['b', 'What could we have done better?']] as const) {
    docs.push({ id: `${id}${k}`, projectId: 'p', sourceId: 's', participantId: null, title: `${id} – ${q}`, kind: 'response', length: 1, turns: [], createdAt: NOW });
  }
}
const keys = ['0', '04', '049', '0499', '04999', '049999', '04999', 'better'];
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** The old way: every keystroke lower-cased every title and sorted the matches. */
function oldFilter(filter: string): number {
  const needle = filter.toLocaleLowerCase('en-GB');
  return docs.filter((d) => d.title.toLocaleLowerCase('en-GB').includes(needle)).sort((a, b) => collator.compare(a.title, b.title)).length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let t = performance.now();
const prepared = prepareDocuments([survey], docs);
const prepareMs = performance.now() - t;
const now: number[] = [];
const old: number[] = [];
for (const f of keys) {
  t = performance.now();
  filterPrepared(prepared, f);
  now.push(performance.now() - t);
  t = performance.now();
  oldFilter(f);
  old.push(performance.now() - t);
}
console.log(`documents: 200,000 titles; prepared once in ${prepareMs.toFixed(0)} ms`);
report('filter keystroke (median), prepared vs old', median(now), median(old), null);

// typing on: each keystroke narrows the last result (as the list does) vs every title afresh
const typed = ['0', '04', '049', '0499', '04999', '049999'];
const narrowed: number[] = [];
const afresh: number[] = [];
let last: FilteredDocuments | undefined = filterPreparedFrom(prepared, '');
for (const f of typed) {
  t = performance.now();
  last = filterPreparedFrom(prepared, f, last);
  narrowed.push(performance.now() - t);
  t = performance.now();
  const fresh = filterPrepared(prepared, f);
  afresh.push(performance.now() - t);
  if (fresh.reduce((n, g) => n + g.documents.length, 0) !== last.groups.reduce((n, g) => n + g.documents.length, 0)) throw new Error(`narrowing gave another result for "${f}"`);
}
report('typing on (median keystroke), narrowed vs afresh', median(narrowed), median(afresh), null);

// A survey table's answers as the Code workspace lists them now: a view (places; each title made
// when asked for), against the same answers as a list of documents (as the list was made before).
// 500,000 rows, two answers each: preparing (the title-order check) and the first filter, which
// lower-cases every title once (the view makes each title first).
{
  const rows = 500_000;
  const ds: Dataset = {
    id: '0f0e0d0c-0b0a-4908-8706-',
    projectId: 'p',
    sourceId: 's',
    createdAt: NOW,
    fields: [
      { name: 'What went well?', description: '' },
      { name: 'What could we have done better?', description: '' },
    ],
    recordIds: Array.from({ length: rows }, (_, r) => `R${String(r + 1).padStart(6, '0')}`),
    participantOf: Int32Array.from({ length: rows }, (_, r) => r),
    lengths: new Int32Array(rows * 2).fill(10),
    participants: { rows: Int32Array.from({ length: rows }, (_, r) => r), pseudonyms: Array.from({ length: rows }, (_, r) => `R${r + 1}`), attributes: {} },
  };
  const view = documentView([], [answerPlaces(ds)]);
  const list = datasetDocuments(ds);
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  let fromView: ReturnType<typeof prepareDocuments> | undefined;
  let fromList: ReturnType<typeof prepareDocuments> | undefined;
  const prepView = time(() => (fromView = prepareDocuments([survey], view)));
  const prepList = time(() => (fromList = prepareDocuments([survey], list)));
  const firstView = time(() => filterPrepared(fromView!, '0499'));
  const firstList = time(() => filterPrepared(fromList!, '0499'));
  const again = median(keys.map((k) => time(() => filterPrepared(fromView!, k))));
  const againList = median(keys.map((k) => time(() => filterPrepared(fromList!, k))));
  console.log(`documents: a survey table of ${rows.toLocaleString('en-GB')} rows (${view.length.toLocaleString('en-GB')} answers) as a view, and as a list of documents`);
  report('prepare (title-order check), view vs list', prepView, prepList, null);
  report('first filter (every title lower-cased once), view vs list', firstView, firstList, null);
  report('later filter keystroke (median), view vs list', again, againList, null);
}
