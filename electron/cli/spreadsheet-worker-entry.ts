/**
 * Body of the disposable spreadsheet worker (node:worker_threads). It parses ONE workbook
 * with the xlsx package and posts back plain arrays; electron/cli/spreadsheet-worker.ts
 * starts it, validates the reply and terminates it. See shared/import/spreadsheet.ts.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { parentPort, workerData } from 'node:worker_threads';
import { parseSpreadsheet } from '../../shared/import/spreadsheet';
import type { SpreadsheetWorkerReply } from '../../shared/import/spreadsheet-result';
import { errorMessage } from '../../shared/error-message';

interface Job {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
  headerRows?: number;
}

const job = workerData as Job;
let reply: SpreadsheetWorkerReply;
try {
  const table = parseSpreadsheet(job.bytes, { fileName: job.fileName, sheet: job.sheet, headerRows: job.headerRows });
  reply = { ok: true, table };
} catch (e) {
  reply = { ok: false, message: errorMessage(e) };
}
parentPort?.postMessage(reply);
