/**
 * Import speed and memory, through the same functions the import worker calls (ImportSession in
 * renderer/workers/import-session.ts, minus postMessage), on fake-indexeddb in Node.
 * `npx tsx test/bench/import.bench.ts [rows]` (default 20,000 rows ≈ 18 MB, to stay near a minute on
 * a shared 2-core machine; 100,000 rows ≈ 90 MB is the size and scales about linearly).
 *
 * (a) app parse + store (parse-table, prepare minus its PII scan, commit) vs a bare papaparse parse
 *     plus a bare chunked Dexie bulkAdd of the same rows — target ≤ 1.5;
 * (b) the PII scan of every text and attribute value vs one bare case-insensitive email regex over
 *     the same text — target ≤ 5;
 * (c) peak RSS (sampled) vs file size — target ≤ 4×.
 * One run of each (the figures are seconds long); printed, not asserted.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { createProject, openChorusDb } from '../../renderer/db';
import { ImportSession } from '../../renderer/workers/import-session';
import { scanBatches } from '../../shared/import/pipeline';
import { buildBatchFromTable } from '../../shared/import/mapping';
import { parseTable } from '../../shared/import/table';
import { newGuid } from '../../shared/model/ids';
import { feedbackText, report } from './util';

const ROWS = Number(process.argv[2] ?? 20_000);
const AREAS = ['North', 'South', 'East', 'West', 'Central'];

function buildCsv(rows: number): Uint8Array {
  const lines = ['ID,Area,Age band,Contact date,Satisfaction,Channel,Repeat victim,Experience,Improvements'];
  for (let i = 1; i <= rows; i++) {
    const a = feedbackText(i * 2 + 1, 150);
    const b = feedbackText(i * 2 + 2, 150) + (i % 50 === 0 ? ' Call me on 07700 900123 please.' : '');
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2024`;
    lines.push(`R${i},${AREAS[i % 5]},${['18-24', '25-34', '35-54', '55+'][i % 4]},${date},${(i % 5) + 1},${['101', '999', 'Online'][i % 3]},${i % 2 ? 'Yes' : 'No'},"${a}","${b}"`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 25);

const mapping = {
  idColumn: 'ID',
  textColumns: ['Experience', 'Improvements'],
  attributes: [
    { column: 'Area', type: 'category' as const },
    { column: 'Age band', type: 'category' as const },
    { column: 'Contact date', type: 'date' as const },
    { column: 'Satisfaction', type: 'number' as const },
    { column: 'Channel', type: 'category' as const },
    { column: 'Repeat victim', type: 'boolean' as const },
  ],
  dateOrder: 'dmy' as const,
  source: { name: 'Bench survey', kind: 'survey' as const },
};

async function main() {
  const bytes = buildCsv(ROWS);
  const mb = bytes.length / 2 ** 20;
  console.log(`import: ${ROWS.toLocaleString('en-GB')} rows, ${mb.toFixed(1)} MB CSV (2 free-text columns of 150 words, 7 attribute columns)`);
  const rssStart = process.memoryUsage().rss;
  peak = rssStart;

  // (a) the app path: the session's own parse-table, then prepare's build step and commit
  const db = await openChorusDb('bench-import');
  const project = await createProject(db, 'Bench');
  const session = new ImportSession(async () => db);
  let t0 = performance.now();
  const added = await session.handle({ type: 'add-file', projectId: project.id, fileId: 'f1', name: 'bench.csv', bytes });
  const parsed = await session.handle({ type: 'parse-table', fileId: 'f1', settings: {} });
  if (added.type !== 'file' || parsed.type !== 'table') throw new Error(`parse failed: ${JSON.stringify(parsed).slice(0, 200)}`);
  const tParse = performance.now() - t0;
  sample();
  t0 = performance.now();
  const prepared = await session.handle({ type: 'prepare', projectId: project.id, tables: [{ fileId: 'f1', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] });
  const tPrepare = performance.now() - t0;
  if (prepared.type !== 'review') throw new Error(`prepare failed: ${JSON.stringify(prepared).slice(0, 300)}`);
  sample();
  t0 = performance.now();
  const decisions = Object.fromEntries(prepared.review.findings.map((f) => [f.id, f.type === 'person' ? ('pseudonymise' as const) : ('redact' as const)]));
  const committed = await session.handle({ type: 'commit', projectId: project.id, decisions, by: 'bench' }, sample);
  const tCommit = performance.now() - t0;
  if (committed.type !== 'committed') throw new Error(`commit failed: ${JSON.stringify(committed).slice(0, 300)}`);
  sample();
  const rssAppPeak = peak;

  // (b) the scan alone on a fresh batch of the same table (prepare = build + scan, so build is timed apart)
  const table = parseTable(bytes, { fileName: 'bench.csv' });
  t0 = performance.now();
  const batch = buildBatchFromTable(table, mapping, { projectId: project.id, newId: newGuid, now: new Date().toISOString(), fileName: 'bench.csv' });
  const tBuild = performance.now() - t0;
  t0 = performance.now();
  const findings = scanBatches([batch]);
  const tScan = performance.now() - t0;
  const texts = [...batch.documents.map((d) => d.text), ...batch.participants.flatMap((p) => Object.values(p.attributes).filter((v): v is string => typeof v === 'string'))];
  const email = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
  t0 = performance.now();
  let emails = 0;
  for (const t of texts) emails += (t.match(email) ?? []).length;
  const tEmail = performance.now() - t0;

  // baseline for (a): bare papaparse + bare chunked bulkAdd of the same rows
  const bare = new Dexie('bench-bare');
  bare.version(1).stores({ rows: '++id' });
  await bare.open();
  t0 = performance.now();
  const res = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
  const rows = res.data.slice(1).map((r) => ({ cells: r }));
  for (let i = 0; i < rows.length; i += 2000) await bare.table('rows').bulkAdd(rows.slice(i, i + 2000));
  const tBare = performance.now() - t0;
  clearInterval(timer);

  const tApp = tParse + tBuild + tCommit;
  console.log(`  app: parse ${tParse.toFixed(0)} ms, prepare ${tPrepare.toFixed(0)} ms (of which build ≈ ${tBuild.toFixed(0)} ms, scan ≈ ${tScan.toFixed(0)} ms), commit ${tCommit.toFixed(0)} ms`);
  console.log(`  stored ${committed.summary.documents.toLocaleString('en-GB')} documents, ${committed.summary.participants.toLocaleString('en-GB')} participants; ${findings.length} findings; ${emails} emails by the bare regex`);
  report('(a) parse + store, app vs bare', tApp, tBare, 1.5);
  report('(b) PII scan vs one email regex', tScan, tEmail, 5);
  const ratio = (rssAppPeak - rssStart) / bytes.length;
  console.log(`(c) peak RSS ${(rssAppPeak / 2 ** 20).toFixed(0)} MB (start ${(rssStart / 2 ** 20).toFixed(0)} MB, growth ${((rssAppPeak - rssStart) / 2 ** 20).toFixed(0)} MB) for a ${mb.toFixed(1)} MB file: growth ${ratio.toFixed(2)}× the file, total ${(rssAppPeak / bytes.length).toFixed(2)}× (target ≤ 4) ${ratio <= 4 ? 'ok' : 'OVER TARGET'}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
