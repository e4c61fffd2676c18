/**
 * A picked file's bytes read in slices, synchronously, in a worker (FileReaderSync): the file is
 * never whole in memory, and reading does not leave an IndexedDB transaction (a streamed import
 * reads the file while its transaction is open). A file changed on disk since it was picked fails
 * to read (NotReadableError), so an import never mixes two versions of a file.
 *
 * Each FileReaderSync call costs Chromium a round trip to the browser process whatever its size
 * (a 50 MB file read in 2 MiB slices took 150–300 ms; in 16 MiB slices 46–130 ms; in one read
 * 37 ms), so the file is read ahead in windows of `READ_AHEAD` bytes and the readers' smaller
 * slices are served from the window. The window is let go once the file's last byte is read, so a
 * file waiting between an import's passes holds none.
 */
import type { ByteSource } from '../../shared/import/byte-source';

interface SyncReader {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

/** Bytes read from the file at a time (the window the readers' slices are served from). */
export const READ_AHEAD = 16 * 2 ** 20;

export function blobSource(blob: Blob, readAhead = READ_AHEAD): ByteSource {
  const Reader = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;
  if (!Reader) throw new Error('Files can only be read in slices inside a worker (FileReaderSync is unavailable here)');
  const reader = new Reader();
  const size = blob.size;
  const readNow = (start: number, end: number) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
  /** The window read ahead, and where in the file it starts. */
  let window: Uint8Array | undefined;
  let at = 0;
  return {
    size,
    read(start, end) {
      let out: Uint8Array;
      if (window && start >= at && end <= at + window.length) out = window.subarray(start - at, end - at);
      else if (end - start >= readAhead) out = readNow(start, end);
      else {
        window = readNow(start, Math.min(size, start + readAhead));
        at = start;
        out = window.subarray(0, end - start);
      }
      if (end === size) window = undefined;
      return out;
    },
  };
}
