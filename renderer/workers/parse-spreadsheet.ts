/**
 * Spreadsheets in the browser/renderer: one disposable module worker per workbook, terminated
 * after its reply or a timeout; the reply is validated before use (DESIGN.md §5).
 */
import { ImportError, type ParsedTable } from '../../shared/import/types';
import { tableFromWorkerReply, type SpreadsheetWorkerReply } from '../../shared/import/spreadsheet-result';

export interface ParseSpreadsheetOptions {
  fileName: string;
  sheet?: string;
  headerRows?: number;
  timeoutMs?: number;
  /** For tests: how to start the worker. */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./spreadsheet.worker.ts', import.meta.url), { type: 'module' });
}

/** Parse one workbook's bytes off the UI thread. Rejects with ImportError; the message does not repeat the file name. */
export function parseSpreadsheetFile(bytes: Uint8Array, opts: ParseSpreadsheetOptions): Promise<ParsedTable> {
  const worker = (opts.createWorker ?? defaultWorker)();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise<ParsedTable>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new ImportError(`took longer than ${Math.round(timeoutMs / 1000)} s to read as a spreadsheet; stopped`))), timeoutMs);
    worker.onmessage = (e: MessageEvent<SpreadsheetWorkerReply>) =>
      finish(() => {
        const msg = e.data;
        try {
          resolve(tableFromWorkerReply(msg));
        } catch (err) {
          reject(err);
        }
      });
    worker.onerror = (e: ErrorEvent) => finish(() => reject(new ImportError(`cannot be read as a spreadsheet (${e.message || 'the worker failed'})`)));
    // copy, so the caller keeps its bytes
    worker.postMessage({ bytes: bytes.slice(), fileName: opts.fileName, sheet: opts.sheet, headerRows: opts.headerRows });
  });
}
