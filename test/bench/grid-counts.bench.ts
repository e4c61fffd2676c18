/**
 * The survey grid's counts of responses per code (shared/grid/rows.ts responseCounts), worked out
 * again after every coding, at survey scale in Node: 500,000 responses (two questions, a quarter of
 * the second left blank) and 1,000,000 codings. Counted from the codings, each coded answer
 * placed in its row once and the places kept from one count to the next (answerRows), beside the
 * old way (every answer of every row looked up in the index: test/unit/grid/counts-by-rows.ts,
 * the definition), and checked against it after every count. `npm run bench -- grid-counts` (BENCH_SIZES=100k for a smaller run).
 */
import { TableBuilder } from '../../shared/import/mapping';
import { answerRows, buildGrid, CodingIndex, responseCounts, gridRows } from '../../shared/grid/rows';
import { countsByRows } from '../unit/grid/counts-by-rows';
import { codingColumns } from '../../shared/coding/coding-index';
import { datasetDocumentId } from '../../shared/import/dataset';
import { newGuid } from '../../shared/model';
import { sizesArg } from './runner-args';
import { median, report } from './util';

const [ROWS] = sizesArg(process.argv.slice(2), process.env.BENCH_SIZES, [500_000]);
const N = ROWS!;
const CODINGS = N * 2;

const builder = new TableBuilder(
  { columns: ['ID', 'Area', 'Q1', 'Q2'], descriptions: [] },
  { idColumn: 'ID', textColumns: ['Q1', 'Q2'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } },
  { projectId: 'p', newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
);
for (let i = 0; i < N; i += 10_000) builder.addRows(Array.from({ length: Math.min(10_000, N - i) }, (_, k) => [`R${i + k}`, ['North', 'South', 'East'][(i + k) % 3]!, 'An answer', (i + k) % 4 ? 'Another' : '']));
builder.settleLevels();
const ds = builder.dataset();
const model = buildGrid({ sources: [builder.source], variables: builder.variables, datasets: [ds], documents: [], participants: [] });
const codes = Array.from({ length: 12 }, (_, k) => `code-${k}`);
const codings = Array.from({ length: CODINGS }, (_, k) => {
  const row = (k * 7919) % N;
  return { id: newGuid(), documentId: datasetDocumentId(ds.id, row, k % 3 === 0 && row % 4 ? 1 : 0), codeId: codes[k % codes.length]!, coderId: 'coder', start: 0, end: 1 };
});
const index = new CodingIndex(codingColumns(codings));
codings.length = 0;

const same = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
let t = performance.now();
const placed = answerRows(model, index);
const first = responseCounts(model, index, placed);
const firstMs = performance.now() - t;
if (first.size === 0 || !same(first, countsByRows(gridRows(model), index))) throw new Error('the first count differs from the counts over every answer');
const now: number[] = [];
const old: number[] = [];
for (let run = 0; run < 5; run++) {
  // a coding added, as after a key press in the grid (the index changes; the places stay)
  index.put({ id: newGuid(), documentId: datasetDocumentId(ds.id, run, 0), codeId: codes[run]!, coderId: 'coder', start: 0, end: 2 });
  t = performance.now();
  const counted = responseCounts(model, index, placed);
  now.push(performance.now() - t);
  t = performance.now();
  const expected = countsByRows(gridRows(model), index);
  old.push(performance.now() - t);
  if (!same(counted, expected)) throw new Error('the counts from the codings differ from the counts over every answer');
}
console.log(`grid counts: ${N.toLocaleString('en-GB')} responses, ${CODINGS.toLocaleString('en-GB')} codings; first count (placing every coded answer) ${firstMs.toFixed(0)} ms`);
report('counts after a coding (median of 5), from the codings vs every answer looked up', median(now), median(old), null);
