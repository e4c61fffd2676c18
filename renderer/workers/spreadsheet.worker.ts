/**
 * Disposable module Web Worker for ONE workbook: parses it with the xlsx package (which has
 * prototype-pollution and ReDoS advisories, DESIGN.md §5) and posts plain arrays back.
 * Started and terminated by ./parse-spreadsheet.ts, which validates the reply.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { parseSpreadsheet } from '../../shared/import/spreadsheet';
import type { SpreadsheetWorkerReply } from '../../shared/import/spreadsheet-result';
import { errorMessage } from '../../shared/error-message';

interface Job {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
  headerRows?: number;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<Job>) => void) | null;
  postMessage(message: SpreadsheetWorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const job = e.data;
  let reply: SpreadsheetWorkerReply;
  try {
    reply = { ok: true, table: parseSpreadsheet(job.bytes, { fileName: job.fileName, sheet: job.sheet, headerRows: job.headerRows }) };
  } catch (err) {
    reply = { ok: false, message: errorMessage(err) };
  }
  scope.postMessage(reply);
};
