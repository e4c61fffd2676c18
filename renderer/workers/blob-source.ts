/**
 * A picked file's bytes read in slices, synchronously, in a worker (FileReaderSync): the file is
 * never whole in memory, and reading does not leave an IndexedDB transaction (a streamed import
 * reads the file while its transaction is open). A file changed on disk since it was picked fails
 * to read (NotReadableError), so an import never mixes two versions of a file.
 */
import type { ByteSource } from '../../shared/import/byte-source';

interface SyncReader {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

export function blobSource(blob: Blob): ByteSource {
  const Reader = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;
  if (!Reader) throw new Error('Files can only be read in slices inside a worker (FileReaderSync is unavailable here)');
  const reader = new Reader();
  return { size: blob.size, read: (start, end) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end))) };
}
