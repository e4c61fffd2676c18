/**
 * The survey grid's row model (shared/grid/rows.ts buildGrid) at survey scale in Node: 500,000
 * responses (an id, five attributes, two questions, a quarter of the second left blank) and
 * 1,000,000 codings. Reports the memory the model keeps per response (the JS heap after a full
 * collection, with the model held and the table it was built from let go, against before the
 * table was made) and the time to build it, filter and sort it by an attribute, by a code and by
 * codes, and make a page of rows. `npm run bench -- grid-model` (BENCH_SIZES=100k for a smaller run).
 */
import { TableBuilder } from '../../shared/import/mapping';
import { buildGrid, CodingIndex, filterOrder, sortOrder, distinctValues, longestRecordId, type GridModel } from '../../shared/grid/rows';
import { codingColumns } from '../../shared/coding/coding-index';
import { datasetDocumentId } from '../../shared/import/dataset';
import { newGuid } from '../../shared/model';
import { sizesArg } from './runner-args';
import { median } from './util';

const [ROWS] = sizesArg(process.argv.slice(2), process.env.BENCH_SIZES, [500_000]);
const N = ROWS!;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run bench -- grid-model does)');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const before = heap();
let model: GridModel;
let buildMs: number;
let datasetBytes: number;
let dsId: string;
{
  const builder = new TableBuilder(
    { columns: ['ID', 'Area', 'Age band', 'Gender', 'Contact', 'Score', 'Q1', 'Q2'], descriptions: [] },
    {
      idColumn: 'ID',
      textColumns: ['Q1', 'Q2'],
      attributes: [
        { column: 'Area', type: 'category' },
        { column: 'Age band', type: 'category' },
        { column: 'Gender', type: 'category' },
        { column: 'Contact', type: 'category' },
        { column: 'Score', type: 'number' },
      ],
      dateOrder: 'dmy',
      source: { name: 'Survey', kind: 'survey' },
    },
    { projectId: 'p', newId: newGuid, now: '2026-01-01T00:00:00.000Z', fileName: 's.csv' },
  );
  const areas = ['North', 'South', 'East', 'West', 'Central'];
  const ages = ['16-24', '25-34', '35-44', '45-54', '55-64', '65+'];
  const genders = ['Woman', 'Man', 'Prefer not to say'];
  const contact = ['Phone', 'Email', 'In person', 'Letter'];
  for (let i = 0; i < N; i += 10_000)
    builder.addRows(
      Array.from({ length: Math.min(10_000, N - i) }, (_, k) => {
        const r = i + k;
        return [`R${r}`, areas[r % 5]!, ages[(r * 7) % 6]!, genders[(r * 3) % 3]!, contact[(r * 11) % 4]!, String(r % 10), 'An answer', r % 4 ? 'Another' : ''];
      }),
    );
  builder.settleLevels();
  const ds = builder.dataset();
  dsId = ds.id;
  datasetBytes = heap() - before;
  const t = performance.now();
  model = buildGrid({ sources: [builder.source], variables: builder.variables, datasets: [ds], documents: [], participants: [] });
  buildMs = performance.now() - t;
}
const kept = heap() - before;
if (model.count !== N) throw new Error(`the model has ${model.count} rows, not ${N}`);
console.log(`grid model: ${N.toLocaleString('en-GB')} responses`);
console.log(`${'the survey table as built by the import (context)'.padEnd(60)} ${(datasetBytes / 1e6).toFixed(1).padStart(8)} MB`);
console.log(`${'kept by the model, the table let go'.padEnd(60)} ${(kept / 1e6).toFixed(1).padStart(8)} MB  ${(kept / N).toFixed(0)} bytes a response`);
console.log(`${'build'.padEnd(60)} ${buildMs.toFixed(0).padStart(8)} ms`);

// codings on answers spread over the rows, twelve codes
const codes = Array.from({ length: 12 }, (_, k) => `code-${k}`);
const index = new CodingIndex(
  codingColumns(
    Array.from({ length: 2 * N }, (_, k) => {
      const row = (k * 7919) % N;
      return { id: newGuid(), documentId: datasetDocumentId(dsId, row, k % 3 === 0 && row % 4 ? 1 : 0), codeId: codes[k % codes.length]!, coderId: 'coder', start: 0, end: 1 };
    }),
  ),
);
const time = (label: string, f: () => unknown) => {
  const ms: number[] = [];
  let out: unknown;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(60)} ${median(ms).toFixed(0).padStart(8)} ms  (median of 5)`);
  return out;
};
const all = Int32Array.from({ length: N }, (_, i) => i);
const area = model.attributes.find((a) => a.name === 'Area')!.key;
const kept1 = time('filter: one area', () => filterOrder(model, { attribute: { column: area, value: 'North' } }, index)) as Int32Array;
const kept2 = time('filter: responses with a code', () => filterOrder(model, { code: { codeId: 'code-3', has: true } }, index)) as Int32Array;
time('sort: by area', () => sortOrder(model, all, { key: area, dir: 'asc' }, index));
time('sort: by record id', () => sortOrder(model, all, { key: 'record', dir: 'desc' }, index));
time('sort: by codes', () => sortOrder(model, all, { key: 'codes', dir: 'desc' }, index));
time('sort: by the second answer\'s length', () => sortOrder(model, all, { key: model.questions[1]!.key, dir: 'asc' }, index));
time('distinct values of an attribute', () => distinctValues(model, area));
time('longest record id', () => longestRecordId(model));
console.log(`(kept: ${kept1.length.toLocaleString('en-GB')} in one area, ${kept2.length.toLocaleString('en-GB')} with code-3)`);
