/**
 * Random access to a file's bytes in slices, so a large file is never whole in memory: a
 * Uint8Array already in memory (bytesSource), a Blob read with FileReaderSync in a worker
 * (renderer/workers/blob-source.ts), or a file descriptor read with fs.readSync in Node.
 * Synchronous on purpose: streamed imports run inside an IndexedDB transaction, which must not
 * yield to the event loop.
 */
export interface ByteSource {
  /** Length of the file in bytes. */
  readonly size: number;
  /** Bytes [start, end), with 0 ≤ start ≤ end ≤ size. The result may be a view; callers do not keep it. */
  read(start: number, end: number): Uint8Array;
}

/** Slice size the streaming readers use unless told otherwise (1 MiB). */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** A source over bytes in memory: slices are views (subarray), never copies. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** The source's bytes from `from` to the end, in slices of `chunkBytes` (at least 1). */
export function* byteSlices(src: ByteSource, chunkBytes = DEFAULT_CHUNK_BYTES, from = 0): Generator<Uint8Array> {
  const step = Math.max(1, Math.floor(chunkBytes));
  for (let pos = from; pos < src.size; pos += step) yield src.read(pos, Math.min(src.size, pos + step));
}
