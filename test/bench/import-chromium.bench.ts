/**
 * Import speed and memory in a real Chromium (IndexedDB on LevelDB, V8 as in Electron), for the
 * import issue's targets. `npx tsx test/bench/import-chromium.bench.ts [rows]` (also run by
 * `npm run bench`); default 100,000 rows ≈ 90 MB.
 *
 * The CSV is generated here (deterministic) and served with a bench page and a worker script on
 * 127.0.0.1; the worker script is test/bench/import-chromium.worker.ts bundled by esbuild (the
 * import worker's own logic, ImportSession, plus the bare baseline; the production build is not
 * touched). Each phase runs in a fresh Worker of the same page, all in one browser run:
 *   app   add-file + parse-table (layout, summary, checksum) + prepare (rows again: build, scan)
 *         + commit (rows again: build, apply decisions, store as a dataset) into IndexedDB, the CSV
 *         read in slices from a picked (disk-backed) File as in the app;
 *   bare  TextDecoder + papaparse + chunked (5,000) Dexie bulkAdd of the rows as {cells};
 *   scan  scanBatches over every text and string attribute vs one case-insensitive email regex.
 * (a) = app time without the PII scan (prepare's scan share taken as the scan phase's time) / bare time, target ≤ 1.5; (b) = scan / email regex, ≤ 5;
 * (c) peak memory ≤ 4× the file: each Chromium process's kernel high-water mark (VmHWM in
 * /proc/<pid>/status, reset before the phase by writing 5 to /proc/<pid>/clear_refs) — RSS, not
 * JS heap, because strings handed to IndexedDB are also copied (structured clone, Mojo IPC,
 * LevelDB write buffers) outside the worker's heap; that is memory the user pays too. An 'idle'
 * phase (the worker started with the import code loaded and the store open, importing nothing)
 * gives the fixed part the import's own memory sits on; both figures are printed.
 * Needs `npx vite build` (dist/renderer) for the origin's files; builds it if missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { deadline, surveyCsv, verdict } from './util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist/renderer');
const CHROMIUM = '/usr/bin/chromium';
const ROWS = Number(process.argv[2] ?? 100_000);
/** Slice size the import session reads the file in (its default when unset). */
const CHUNK_BYTES = process.env.CHORUS_BENCH_CHUNK ? Number(process.env.CHORUS_BENCH_CHUNK) : undefined;
/** Words per free-text answer: 2 × 78 words + 6 attributes ≈ 900 bytes a row, so 100k rows ≈ 90 MB. */
const WORDS = 78;

// ---- Chromium processes and their memory (descendants of this Node process)

interface Proc {
  pid: number;
  type: string;
}

function descendants(): Proc[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(d), ppid);
    } catch {
      /* gone */
    }
  }
  const out: Proc[] = [];
  for (const pid of parent.keys()) {
    let p = parent.get(pid);
    while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
    if (p !== process.pid) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (!cmd.includes('chrom')) continue;
    const type = /--type=(\S+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=(\S+)/.exec(cmd)?.[1];
    out.push({ pid, type: sub ? `${type}:${sub.split('.').pop()}` : type });
  }
  return out;
}

function status(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return 0;
  }
}

function resetPeaks(procs: Proc[]): void {
  for (const p of procs) {
    try {
      writeFileSync(`/proc/${p.pid}/clear_refs`, '5');
    } catch {
      /* not ours or gone */
    }
  }
}

const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.log('dist/renderer is missing: running `npx vite build` …');
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const tGen = performance.now();
  const csv = new TextEncoder().encode(surveyCsv(ROWS, WORDS));
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'test/bench/import-chromium.worker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'error',
  });
  const workerJs = bundle.outputFiles[0]!.contents;
  console.log(
    `import (Chromium): ${ROWS.toLocaleString('en-GB')} rows, ${(csv.length / 1e6).toFixed(1)} MB CSV (${MB(csv.length)}); 2 free-text columns of ${WORDS} words, 6 attribute columns + ID` +
      ` — generated and bundled in ${((performance.now() - tGen) / 1000).toFixed(1)} s`,
  );

  const page = '<!doctype html><meta charset="utf-8"><title>import bench</title><input type="file" id="csv">';
  const server = createServer(async (req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (type: string, body: Uint8Array | string) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (p === '/__bench__/index.html') return send('text/html; charset=utf-8', page);
    if (p === '/__bench__/worker.js') return send('text/javascript; charset=utf-8', workerJs);
    const file = path.join(DIST, p === '/' ? 'index.html' : p);
    if (!file.startsWith(DIST + path.sep)) return res.writeHead(403).end();
    try {
      send(file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream', await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;

  const profile = await mkdtemp(path.join(tmpdir(), 'chorus-bench-'));
  // the CSV reaches the page as a picked file (a disk-backed File, as in the app), not as bytes in memory
  const csvPath = path.join(profile, 'survey.csv');
  writeFileSync(csvPath, csv);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const version = context.browser()?.version() ?? execFileSync(CHROMIUM, ['--version']).toString().trim();
    let tab = context.pages()[0] ?? (await context.newPage());

    /** Run one command in a fresh Worker of a fresh tab (so a new renderer process: each phase's memory is its own). */
    const phase = async (cmd: 'app' | 'bare' | 'scan' | 'idle') => {
      await tab.close();
      tab = await context.newPage();
      await tab.goto(`${origin}/__bench__/index.html`);
      await tab.setInputFiles('#csv', csvPath);
      await new Promise((r) => setTimeout(r, 300));
      const procs = descendants();
      resetPeaks(procs);
      const before = new Map(procs.map((p) => [p.pid, status(p.pid).rss]));
      const cpuBefore = new Map(procs.map((p) => [p.pid, cpuSeconds(p.pid)]));
      let sumPeak = 0;
      let stepPeak = 0;
      const renderers = procs.filter((p) => p.type === 'renderer');
      const steps: string[] = [];
      const timer = setInterval(() => {
        sumPeak = Math.max(sumPeak, procs.reduce((n, p) => n + status(p.pid).rss, 0));
        stepPeak = Math.max(stepPeak, ...renderers.map((p) => status(p.pid).rss));
      }, 50);
      // at each step's end: the renderer's kernel high-water mark so far (the import's peak is the one at its last step,
      // before the bench's own counting afterwards)
      const hwmAt: Record<string, number> = {};
      tab.on('console', (m) => {
        const step = /^mark:(.*)$/.exec(m.text())?.[1];
        if (step) {
          hwmAt[step] = Math.max(...renderers.map((p) => status(p.pid).hwm));
          steps.push(`${step} ${MB(stepPeak)} (high-water ${MB(hwmAt[step])})`);
          stepPeak = 0;
        }
      });
      const t0 = performance.now();
      const reply = await deadline(tab.evaluate(
        ({ cmd, chunkBytes }) =>
          new Promise<{ ok: boolean; result?: unknown; error?: string }>((resolve) => {
            const file = (document.getElementById('csv') as HTMLInputElement).files![0]!;
            const w = new Worker('/__bench__/worker.js');
            w.onmessage = (e) => {
              if (e.data.mark) return console.log(`mark:${e.data.mark}`);
              w.terminate();
              resolve(e.data);
            };
            w.onerror = (e) => {
              w.terminate();
              resolve({ ok: false, error: e.message });
            };
            w.postMessage({ cmd, file, chunkBytes });
          }),
        { cmd, chunkBytes: CHUNK_BYTES },
      ), 15 * 60_000, `the ${cmd} import run`);
      const wall = performance.now() - t0;
      clearInterval(timer);
      if (!reply.ok) throw new Error(`${cmd}: ${reply.error}`);
      const mem = procs.map((p) => ({ ...p, before: before.get(p.pid) ?? 0, peak: status(p.pid).hwm, cpu: cpuSeconds(p.pid) - (cpuBefore.get(p.pid) ?? 0) }));
      return { result: reply.result as Record<string, unknown>, mem, sumPeak, wall, steps, hwmAt };
    };

    const idleRun = await phase('idle');
    const appRun = await phase('app');
    const bareRun = await phase('bare');
    const scanRun = await phase('scan');

    const a = appRun.result as { t: Record<string, number>; findings: number; stored: Record<string, number> };
    const b = bareRun.result as { t: { parse: number; store: number }; stored: number };
    const s = scanRun.result as { t: { scan: number; email: number }; texts: number; chars: number; findings: number; byType: Record<string, number>; emails: number };
    // prepare reads, builds and scans the rows interleaved; its scan share is the scan phase's own time for the same texts
    const appAll = a.t.addFile! + a.t.parse! + a.t.prepare! + a.t.commit!;
    const appNoScan = appAll - s.t.scan;
    const bareTotal = b.t.parse + b.t.store;
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${version} headless`);
    console.log(
      `  app:  add-file ${ms(a.t.addFile!)}, parse-table (layout, summary, checksum) ${ms(a.t.parse!)}, prepare (read+build+scan) ${ms(a.t.prepare!)}, commit (read+build+redact+store) ${ms(a.t.commit!)}` +
        ` → ${a.stored.participants} participants, ${a.stored.documents} documents in ${a.stored.records} records; ${a.findings} findings`,
    );
    console.log(`  bare: decode+papaparse ${ms(b.t.parse)}, bulkAdd ${ms(b.t.store)} → ${b.stored} rows`);
    console.log(`  scan: ${s.texts.toLocaleString('en-GB')} texts, ${(s.chars / 1e6).toFixed(1)} M chars, ${s.findings} findings ${JSON.stringify(s.byType)}; email regex found ${s.emails}`);
    const line = (label: string, x: number, base: number, target: number | null) =>
      console.log(
        `${label.padEnd(44)} ${ms(x).padStart(9)}  baseline ${ms(base).padStart(8)}  ratio ${(x / base).toFixed(2)} ${verdict(x / base, target)}`,
      );
    line('(a) parse + store, app vs bare', appNoScan, bareTotal, 1.5);
    line('    the same with the PII scan included', appAll, bareTotal, null);
    line('(b) PII scan vs one email regex', s.t.scan, s.t.email, 5);
    const idleHwm = idleRun.hwmAt.commit ?? 0;
    console.log(`    the renderer with the import worker started and the store open, importing nothing: ${MB(idleHwm)} (${(idleHwm / csv.length).toFixed(2)}× the file)`);
    for (const [name, run] of [
      ['app', appRun],
      ['bare', bareRun],
    ] as const) {
      const renderer = run.mem.filter((p) => p.type === 'renderer').sort((x, y) => y.peak - x.peak)[0];
      if (renderer && run.hwmAt.commit) renderer.peak = run.hwmAt.commit;
      const others = run.mem
        .filter((p) => p !== renderer && p.peak > 20 * 2 ** 20)
        .map((p) => `${p.type} ${MB(p.peak)} (from ${MB(p.before)})`)
        .join(', ');
      const r = renderer ? renderer.peak / csv.length : NaN;
      const cpu = run.mem.filter((p) => p.cpu >= 0.5).map((p) => `${p === renderer ? 'renderer (the worker)' : p.type} ${p.cpu.toFixed(1)} s`);
      console.log(`    ${name} CPU time by process: ${cpu.join(', ')}`);
      if (run.steps.length > 0) console.log(`    ${name} renderer RSS peak by step (sampled): ${run.steps.join(', ')}`);
      console.log(
        `(c) ${name.padEnd(4)} peak RSS: renderer ${renderer ? `${MB(renderer.peak)} (from ${MB(renderer.before)})` : '?'} = ${r.toFixed(2)}× the file` +
          (name === 'app' && renderer ? `, ${((renderer.peak - idleHwm) / csv.length).toFixed(2)}× above the idle worker` : '') +
          `${name === 'app' ? ` (target ≤ 4) ${r <= 4 ? 'ok' : 'OVER TARGET'}` : ''}; all processes sampled together ${MB(run.sumPeak)} = ${(run.sumPeak / csv.length).toFixed(2)}×; others: ${others}; wall ${(run.wall / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
