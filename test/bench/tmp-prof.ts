import 'fake-indexeddb/auto';
import { createProject, openChorusDb } from '../../renderer/db';
import { ImportSession } from '../../renderer/workers/import-session';
import { feedbackText } from './util';

const AREAS = ['North', 'South', 'East', 'West', 'Central'];
function buildCsv(rows: number): Uint8Array {
  const lines = ['ID,Area,Age band,Contact date,Satisfaction,Channel,Repeat victim,Experience,Improvements'];
  for (let i = 1; i <= rows; i++) {
    let a = feedbackText(i * 2 + 1, 78);
    let b = feedbackText(i * 2 + 2, 78);
    if (i % 50 === 0) b += ' Call me on 07700 900123 please.';
    if (i % 70 === 0) a += ` Email me at victim${i}@example.co.uk.`;
    if (i % 30 === 0) a += ' PC Sarah Jones was kind.';
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2024`;
    lines.push(`R${i},${AREAS[i % 5]},${['18-24', '25-34', '35-54', '55+'][i % 4]},${date},${(i % 5) + 1},${['101', '999', 'Online'][i % 3]},${i % 2 ? 'Yes' : 'No'},"${a}","${b}"`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
const mapping = { idColumn: 'ID', textColumns: ['Experience', 'Improvements'], attributes: [
  { column: 'Area', type: 'category' }, { column: 'Age band', type: 'category' }, { column: 'Contact date', type: 'date' },
  { column: 'Satisfaction', type: 'number' }, { column: 'Channel', type: 'category' }, { column: 'Repeat victim', type: 'boolean' }],
  dateOrder: 'dmy', source: { name: 'Bench survey', kind: 'survey' } } as const;

const bytes = buildCsv(Number(process.argv[2] ?? 100000));
const text = '';
//
const db = await openChorusDb('p');
const project = await createProject(db, 'B');
const s = new ImportSession(async () => db);
let t = performance.now();
const lap = (l: string) => { (globalThis as any).gc?.(); const n = performance.now(); console.log(l, (n - t).toFixed(0), 'ms', (process.memoryUsage().heapUsed/2**20).toFixed(0), 'MB heap'); t = n; };
await s.handle({ type: 'add-file', projectId: project.id, fileId: 'f', name: 'b.csv', data: bytes }); lap('add-file');
await s.handle({ type: 'parse-table', fileId: 'f', settings: {} }); lap('parse-table');
const r = await s.handle({ type: 'prepare', projectId: project.id, tables: [{ fileId: 'f', mapping: mapping as any }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] }); lap('prepare');
// commit's generator only (no store): drive #streamTable via a fake commitImports? use the private path by monkeypatching db tables
const decisions = Object.fromEntries((r as any).review.findings.map((f: any) => [f.id, 'redact']));
(db as any).datasetRows.bulkAdd = async () => {};
(db as any).datasets.add = async () => {};
await s.handle({ type: 'commit', projectId: project.id, decisions, by: 'b' }); lap('commit without storing');
