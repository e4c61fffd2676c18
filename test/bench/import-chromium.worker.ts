/**
 * The in-browser half of import-chromium.bench.ts, bundled by esbuild into one classic worker
 * script (not part of the production build). One command per fresh Worker, so each phase's memory
 * is its own:
 * - 'app': the import worker's own logic (ImportSession: add-file, parse-table, prepare, commit,
 *   with the scan spread over the app's pool of detection workers as the import worker does)
 *   into a real Chromium IndexedDB through Dexie, reading the picked File in slices as the app does;
 * - 'bare': a bare papaparse parse plus a bare chunked Dexie bulkAdd (5,000 a chunk) of the same rows;
 * - 'limit': what the store can do, the import issue's true limit: (a) read + decode + papaparse +
 *   the same row text written as 1,000-row records in ONE transaction, (b) the same plus one
 *   case-insensitive email-regex pass over the decoded text (the least a scan can do);
 * - 'scan': the PII scan of every text and string attribute vs one bare case-insensitive email regex.
 */
import Dexie from 'dexie';
import Papa from 'papaparse';
import { createProject, listDatasets, openChorusDb } from '../../renderer/db';
import { datasetDocumentCount } from '../../shared/import/dataset';
import { ImportSession } from '../../renderer/workers/import-session';
import { startDetectPool, type DetectPool } from '../../renderer/workers/detect-pool';
import { startPreScan } from '../../renderer/workers/prescan-client';
import type { TableLayout } from '../../shared/import/csv-stream';
import { buildBatchFromTable, type TableMapping } from '../../shared/import/mapping';
import { scanBatches } from '../../shared/import/pipeline';
import { parseTable } from '../../shared/import/table';
import { newGuid } from '../../shared/model/ids';

/** The CSV as the user's picked File (set on a file input by the driver, so it is disk-backed as in the app). */
export type BenchCommand = { cmd: 'app' | 'bare' | 'limit' | 'scan' | 'idle'; file: File; chunkBytes?: number; holdBytes?: number; holdRowsBytes?: number; detectWorkers?: number; scanAhead?: boolean };

const scope = self as unknown as { onmessage: ((e: MessageEvent<BenchCommand>) => void) | null; postMessage(m: unknown): void };

const mapping: TableMapping = {
  idColumn: 'ID',
  textColumns: ['Experience', 'Improvements'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Age band', type: 'category' },
    { column: 'Contact date', type: 'date' },
    { column: 'Satisfaction', type: 'number' },
    { column: 'Channel', type: 'category' },
    { column: 'Repeat victim', type: 'boolean' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Bench survey', kind: 'survey' },
};

async function load(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Tell the bench driver a step has ended (it notes the memory peak of each step). */
const mark = (step: string) => scope.postMessage({ mark: step });
/** After the last step: give the driver time to read the memory high-water mark before the bench's own counting. */
const settle = () => new Promise((r) => setTimeout(r, 300));

async function app(file: File, chunkBytes?: number, holdBytes?: number, holdRowsBytes?: number, detectWorkers?: number, scanAhead = true) {
  await Dexie.delete('bench-app'); // (each size starts from an empty store)
  const db = await openChorusDb('bench-app');
  const project = await createProject(db, 'Bench');
  // as the app's import worker: the scan spread over this worker and a detection worker per further core
  // (started for the scan, let go as the commit starts)
  let pool: DetectPool | undefined;
  const pooled =
    detectWorkers === 0
      ? {}
      : {
          detect: () => (pool ??= startDetectPool(detectWorkers !== undefined ? detectWorkers + 1 : navigator.hardwareConcurrency, () => new Worker('/__bench__/detect.js'))).detect,
          releaseDetect: () => {
            pool?.dispose();
            pool = undefined;
          },
        };
  // and, as the app, the long cells scanned ahead in a worker of their own while parse-table reads the file
  const preScan = scanAhead ? { preScan: (f: Blob, layout: TableLayout) => startPreScan(f, layout, () => new Worker('/__bench__/prescan.js')) } : {};
  const session = new ImportSession(async () => db, undefined, { ...(chunkBytes ? { chunkBytes } : {}), ...(holdBytes !== undefined ? { holdBytes } : {}), ...(holdRowsBytes !== undefined ? { holdRowsBytes } : {}), ...pooled, ...preScan });
  const t: Record<string, number> = {};
  let t0 = performance.now();
  const added = await session.handle({ type: 'add-file', projectId: project.id, fileId: 'f1', name: 'bench.csv', data: file });
  t.addFile = performance.now() - t0;
  mark('add-file');
  if (added.type !== 'file') throw new Error(`add-file failed: ${JSON.stringify(added).slice(0, 300)}`);
  t0 = performance.now();
  const parsed = await session.handle({ type: 'parse-table', fileId: 'f1', settings: {} });
  t.parse = performance.now() - t0;
  mark('parse-table');
  if (parsed.type !== 'table') throw new Error(`parse failed: ${JSON.stringify(parsed).slice(0, 300)}`);
  // prepare = read the rows again, build the dataset and scan it (interleaved, chunk by chunk), holding the answers for the commit
  t0 = performance.now();
  const prepared = await session.handle({ type: 'prepare', projectId: project.id, tables: [{ fileId: 'f1', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] });
  t.prepare = performance.now() - t0;
  if (prepared.type !== 'review') throw new Error(`prepare failed: ${JSON.stringify(prepared).slice(0, 300)}`);
  mark('prepare');
  const decisions = Object.fromEntries(prepared.review.findings.map((f) => [f.id, f.type === 'person' ? ('pseudonymise' as const) : ('redact' as const)]));
  t0 = performance.now();
  const committed = await session.handle({ type: 'commit', projectId: project.id, decisions, by: 'bench' });
  t.commit = performance.now() - t0;
  mark('commit');
  await settle();
  if (committed.type !== 'committed') throw new Error(`commit failed: ${JSON.stringify(committed).slice(0, 300)}`);
  // counted from the dataset records (listing 200,000 derived documents here would add to the phase's memory peak)
  const datasets = await listDatasets(db, project.id);
  const stored = {
    documents: datasets.reduce((n, ds) => n + datasetDocumentCount(ds), 0),
    participants: datasets.reduce((n, ds) => n + ds.participants.pseudonyms.length, 0),
    records: (await db.datasetBlocks.count()) + datasets.length,
  };
  db.close();
  return { t, findings: prepared.review.findings.length, stored };
}

/** The worker started with the app's import code loaded and the store open, importing nothing: the fixed cost the import's memory sits on. */
async function idle() {
  const db = await openChorusDb('bench-idle');
  await createProject(db, 'Idle');
  const session = new ImportSession(async () => db);
  await session.handle({ type: 'forget-file', fileId: 'none' });
  mark('commit');
  await settle();
  db.close();
  return {};
}

async function bare(bytes: Uint8Array) {
  await Dexie.delete('bench-bare');
  const db = new Dexie('bench-bare');
  db.version(1).stores({ rows: '++id' });
  await db.open();
  const t0 = performance.now();
  const res = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
  const rows = res.data.slice(1).map((cells) => ({ cells }));
  const t1 = performance.now();
  for (let i = 0; i < rows.length; i += 5000) await db.table('rows').bulkAdd(rows.slice(i, i + 5000));
  const t2 = performance.now();
  const stored = await db.table('rows').count();
  db.close();
  return { t: { parse: t1 - t0, store: t2 - t1 }, stored };
}

/** Rows per record in the limit phase (IndexedDB's cost is per record, not per byte). */
const LIMIT_BLOCK = 1000;

async function limit(file: File) {
  await Dexie.delete('bench-limit');
  const db = new Dexie('bench-limit');
  db.version(1).stores({ blocks: 'key' });
  await db.open();
  const t0 = performance.now();
  const text = new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()));
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
  const t1 = performance.now();
  const blocks: { key: string; rows: string[][] }[] = [];
  for (let i = 0; i < rows.length; i += LIMIT_BLOCK) blocks.push({ key: String(i / LIMIT_BLOCK).padStart(8, '0'), rows: rows.slice(i, i + LIMIT_BLOCK) });
  const table = db.table('blocks');
  await db.transaction('rw', table, () => table.bulkAdd(blocks));
  const t2 = performance.now();
  const email = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
  const emails = (text.match(email) ?? []).length;
  const t3 = performance.now();
  mark('commit');
  await settle();
  const stored = await table.count();
  db.close();
  return { t: { parse: t1 - t0, store: t2 - t1, email: t3 - t2 }, rows: rows.length, records: stored, emails };
}

function scan(bytes: Uint8Array) {
  const table = parseTable(bytes, { fileName: 'bench.csv' });
  const batch = buildBatchFromTable(table, mapping, { projectId: 'p', newId: newGuid, now: new Date().toISOString(), fileName: 'bench.csv' });
  let t0 = performance.now();
  const findings = scanBatches([batch]);
  const tScan = performance.now() - t0;
  const texts = [...batch.documents.map((d) => d.text), ...batch.participants.flatMap((p) => Object.values(p.attributes).filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
  const email = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
  t0 = performance.now();
  let emails = 0;
  for (const s of texts) emails += (s.match(email) ?? []).length;
  const tEmail = performance.now() - t0;
  const chars = texts.reduce((n, s) => n + s.length, 0);
  const byType: Record<string, number> = {};
  for (const f of findings) byType[f.type] = (byType[f.type] ?? 0) + 1;
  return { t: { scan: tScan, email: tEmail }, texts: texts.length, chars, findings: findings.length, byType, emails };
}

scope.onmessage = async (e) => {
  try {
    const { cmd, file } = e.data;
    const result = cmd === 'idle' ? await idle() : cmd === 'app' ? await app(file, e.data.chunkBytes, e.data.holdBytes, e.data.holdRowsBytes, e.data.detectWorkers, e.data.scanAhead) : cmd === 'bare' ? await bare(await load(file)) : cmd === 'limit' ? await limit(file) : scan(await load(file));
    scope.postMessage({ ok: true, result });
  } catch (err) {
    scope.postMessage({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err) });
  }
};
