/**
 * A picked file as the import worker reads it, for tests in Node: a stand-in Blob over `bytes`
 * and a stand-in FileReaderSync (installed globally) that records each read's [start, end).
 * Remove the reader after each test with forgetPickedFiles().
 */
export function pickedFile(bytes: Uint8Array): { file: Blob; reads: [number, number][] } {
  const reads: [number, number][] = [];
  const file = { size: bytes.length, slice: (start: number, end: number) => ({ start, end }) } as unknown as Blob;
  (globalThis as { FileReaderSync?: unknown }).FileReaderSync = class {
    readAsArrayBuffer(b: { start: number; end: number }): ArrayBuffer {
      reads.push([b.start, b.end]);
      return bytes.slice(b.start, b.end).buffer;
    }
  };
  return { file, reads };
}

export function forgetPickedFiles(): void {
  delete (globalThis as { FileReaderSync?: unknown }).FileReaderSync;
}
