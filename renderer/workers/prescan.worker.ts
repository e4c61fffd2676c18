/**
 * The scan ahead of one CSV (shared/import/pre-scan.ts): started by the import worker as
 * parse-table reads the file, it reads the file again itself and posts the findings of its long
 * cells slice by slice, then ends. Stopped by being terminated; it never opens the store.
 */
import '../../shared/zod-jitless'; // first: zod without its eval probe (see the module)
import { preScanTable, type PreScanMessage } from '../../shared/import/pre-scan';
import type { ParseTableOptions } from '../../shared/import/csv-stream';
import { blobSource } from './blob-source';

/** Bytes per slice parsed (as the import session reads a CSV). */
const CHUNK_BYTES = 2 * 2 ** 20;

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ file: Blob; settings: ParseTableOptions }>) => void) | null; postMessage(m: PreScanMessage): void };

scope.onmessage = (e) => {
  const { file, settings } = e.data;
  let source;
  try {
    source = blobSource(file);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  preScanTable(source, settings, CHUNK_BYTES, (m) => scope.postMessage(m));
};
