/**
 * Spreadsheets in Node (the CLI): each workbook is parsed in its own worker thread with
 * memory limits and a timeout, terminated afterwards; the reply is validated with zod
 * before use (xlsx 0.18.5 has prototype-pollution and ReDoS advisories: DESIGN.md §5).
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ImportError, type ParsedTable } from '../../shared/import/types';
import { tableFromWorkerReply, type SpreadsheetWorkerReply } from '../../shared/import/spreadsheet-result';
import { isWorkbookBytes, isWorkbookName, parseTable } from '../../shared/import/table';

export interface WorkerLimits {
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  /**
   * Most the whole process's resident memory may grow while the worker runs. The heap limit alone
   * does not bound a worker: array buffers and strings outside the old generation are not counted
   * (corrupt workbooks took the process to 3–5 GB under a 2 GB heap limit), so a watchdog polls RSS.
   */
  maxRssGrowthMb?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_HEAP_MB = 1024;
const DEFAULT_RSS_GROWTH_MB = 1536;
const WATCH_MS = 25;

/**
 * The worker entry beside this file. From TypeScript sources (tsx, vitest) the worker first
 * registers tsx's CommonJS hook, since Node 20 workers do not inherit ESM loaders; a build
 * that compiled this file to .js points straight at the compiled entry.
 */
function workerSpec(): { spec: string | URL; eval: boolean } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const require = createRequire(self);
    const entry = fileURLToPath(new URL('./spreadsheet-worker-entry.ts', self));
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry)});`;
    return { spec: code, eval: true };
  }
  return { spec: new URL('./spreadsheet-worker-entry.js', self), eval: false };
}

/** Parse one workbook in a disposable worker thread. Rejects with ImportError (message without the file name). */
export function parseSpreadsheetInWorker(
  bytes: Uint8Array,
  opts: { fileName: string; sheet?: string; headerRows?: number },
  limits: WorkerLimits = {},
): Promise<ParsedTable> {
  const entry = workerSpec();
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<ParsedTable>((resolve, reject) => {
    const worker = new Worker(entry.spec, {
      eval: entry.eval,
      workerData: { bytes, fileName: opts.fileName, sheet: opts.sheet, headerRows: opts.headerRows },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? DEFAULT_HEAP_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const rssLimit = process.memoryUsage.rss() + (limits.maxRssGrowthMb ?? DEFAULT_RSS_GROWTH_MB) * 1024 * 1024;
    const watchdog = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss > rssLimit)
        finish(() => reject(new ImportError(`needed more than ${limits.maxRssGrowthMb ?? DEFAULT_RSS_GROWTH_MB} MB of memory to read as a spreadsheet; stopped (the file may be damaged)`)));
    }, WATCH_MS);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportError(`took longer than ${Math.round(timeoutMs / 1000)} s to read as a spreadsheet; stopped`))), timeoutMs);
    worker.once('message', (msg: SpreadsheetWorkerReply) => {
      finish(() => {
        try {
          resolve(tableFromWorkerReply(msg));
        } catch (err) {
          reject(err);
        }
      });
    });
    worker.once('error', (e: Error & { code?: string }) => {
      const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory while reading it as a spreadsheet' : `cannot be read as a spreadsheet (${e.message.slice(0, 200)})`;
      finish(() => reject(new ImportError(why)));
    });
    worker.once('exit', (code) => finish(() => reject(new ImportError(`the spreadsheet reader stopped unexpectedly (exit ${code})`))));
  });
}

/** Any table file: workbooks through the disposable worker, CSV/TSV through parseTable. */
export async function parseTableFile(
  bytes: Uint8Array,
  opts: { fileName: string; encoding?: string; delimiter?: string; sheet?: string; headerRows?: number },
  limits?: WorkerLimits,
): Promise<ParsedTable> {
  if (isWorkbookBytes(bytes) || isWorkbookName(opts.fileName)) {
    return parseSpreadsheetInWorker(bytes, { fileName: opts.fileName, sheet: opts.sheet, headerRows: opts.headerRows }, limits);
  }
  return parseTable(bytes, opts);
}
