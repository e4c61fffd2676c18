/**
 * Opening only the survey datasets some documents live in, before a transaction reads them. A
 * dataset opened before (cached per store) costs no read at all, so a command on a survey answer
 * does not read the project's whole dataset records each time (at 100,000 rows one record read is
 * ~80 ms on the main thread plus its garbage collection).
 */
import { parseDatasetDocumentId } from '../../shared/import/dataset';
import { getDataset } from './datasets';
import type { ChorusDb } from './schema';

/** The ids of the datasets whose answers these document ids would be (each once, in first-seen order). */
export function datasetIdsOf(documentIds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of documentIds) {
    const where = parseDatasetDocumentId(id);
    if (where) out.add(where.datasetId);
  }
  return [...out];
}

/**
 * Decode (and cache) the datasets of these documents BEFORE a transaction that reads them (an
 * encrypted project's dataset is decoded with WebCrypto, which must not run inside one). Ids that
 * are not a dataset's answers cost one keyed read that finds nothing.
 */
export async function openDatasetsOf(db: ChorusDb, documentIds: readonly string[]): Promise<void> {
  for (const id of datasetIdsOf(documentIds)) await getDataset(db, id);
}
