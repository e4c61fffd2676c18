/** REFI-QDA 1.5 project exchange (.qdpx). */
export { writeQdpx, writeProjectXml, buildSidecar, selectionGuid, PROJECT_NS } from './qdpx-write';
export { readQdpx, readQdpxWithWarnings, type ReadOptions, type ReadResult } from './qdpx-read';
export { ExchangeError } from './errors';
