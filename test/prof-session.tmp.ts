import 'fake-indexeddb/auto';
import { createProject, openChorusDb } from '../renderer/db';
import { ImportSession } from '../renderer/workers/import-session';
import { surveyCsv } from '../test/bench/util';
import { detectPii } from '../shared/privacy/detect';
const rows = Number(process.argv[2] ?? 50000);
const mapping = { idColumn: 'ID', textColumns: ['Experience', 'Improvements'], attributes: [
  { column: 'Area', type: 'category' }, { column: 'Age band', type: 'category' }, { column: 'Contact date', type: 'date' },
  { column: 'Satisfaction', type: 'number' }, { column: 'Channel', type: 'category' }, { column: 'Repeat victim', type: 'boolean' }],
  dateOrder: 'dmy', source: { name: 'Bench survey', kind: 'survey' } } as any;
const csv = new TextEncoder().encode(surveyCsv(rows));
const db = await openChorusDb('p');
const project = await createProject(db, 'B');
const s = new ImportSession(async () => db);
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0), 'ms'); t = n; };
await s.handle({ type: 'add-file', projectId: project.id, fileId: 'f', name: 'b.csv', data: csv }); lap('add');
const p = await s.handle({ type: 'parse-table', fileId: 'f', settings: {} }); lap('parse-table');
const r: any = await s.handle({ type: 'prepare', projectId: project.id, tables: [{ fileId: 'f', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] }); lap('prepare');
if (process.argv[3] !== 'nocommit') { const c: any = await s.handle({ type: 'commit', projectId: project.id, decisions: {}, by: 'b' }); lap('commit ' + c.type); }
const { Session } = await import('node:inspector/promises');
const ins = new Session(); ins.connect(); await ins.post('Profiler.enable'); await ins.post('Profiler.start');
{ const r: any = await s.handle({ type: 'safeguard-scan', projectId: project.id, sourceIds: (await db.sources.toArray()).map((x: any) => x.id), by: 'b' } as any); lap('safeguard ' + JSON.stringify(r)); }
const { profile } = await ins.post('Profiler.stop'); (await import('node:fs')).writeFileSync('/tmp/prof/sg.cpuprofile', JSON.stringify(profile));
