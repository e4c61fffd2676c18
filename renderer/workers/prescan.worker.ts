/**
 * The scan ahead of one CSV (shared/import/pre-scan.ts): started by the import worker once
 * parse-table has read the file, it reads the file again itself with parse-table's layout and
 * posts the findings of its long cells slice by slice, then ends. Between slices it lets its
 * event loop run, so the import worker's terminate() stops it there and then (not seconds later,
 * as Chromium stops a worker busy in one long task by force). It never opens the store.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { preScanParts, runPreScan, type PreScanMessage } from '../../shared/import/pre-scan';
import type { TableLayout } from '../../shared/import/csv-stream';
import { blobSource } from './blob-source';
import { nextTaskTurn } from '../platform/next-task';

/** Bytes per slice parsed (as the import session reads a CSV). */
const CHUNK_BYTES = 2 * 2 ** 20;

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ file: Blob; layout: TableLayout }>) => void) | null; postMessage(m: PreScanMessage): void };

scope.onmessage = (e) => {
  const { file, layout } = e.data;
  void runPreScan(() => preScanParts(blobSource(file), layout, CHUNK_BYTES), (m) => scope.postMessage(m), nextTaskTurn);
};
