/**
 * A file's checksum, for noticing that the same file is imported again (not for security):
 * MurmurHash3 x86_32 run twice over the bytes with two seeds (0 and 0x9747b28c), as 16 hex
 * digits. It reads 4 bytes per step (FNV-1a, used before, reads one: 6× slower over a 90 MB
 * survey) and is incremental (Checksum), so a file read in slices hashes the same as the whole.
 */
import { byteSlices, type ByteSource } from './byte-source';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const SEEDS = [0, 0x9747b28c] as const;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, tail: number, tailLength: number, length: number): number {
  if (tailLength > 0) h ^= mixK(tail);
  h ^= length | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Checksum {
  #h1: number = SEEDS[0];
  #h2: number = SEEDS[1];
  #length = 0;
  /** Bytes of an unfinished 4-byte block (little-endian) carried to the next update. */
  #carry = 0;
  #carried = 0;

  /** Hash the next bytes of the file. */
  update(bytes: Uint8Array): void {
    let h1 = this.#h1;
    let h2 = this.#h2;
    let i = 0;
    const n = bytes.length;
    while (this.#carried > 0 && i < n) {
      this.#carry |= bytes[i++]! << (8 * this.#carried);
      if (++this.#carried === 4) {
        const k = mixK(this.#carry);
        h1 = mixH(h1, k);
        h2 = mixH(h2, k);
        this.#carry = 0;
        this.#carried = 0;
      }
    }
    if (LITTLE_ENDIAN && (bytes.byteOffset + i) % 4 === 0 && n - i >= 4) {
      // aligned on a little-endian machine: whole words read straight (a DataView read per word is slower)
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2);
      for (let w = 0; w < words.length; w++) {
        const k = mixK(words[w]!);
        h1 = mixH(h1, k);
        h2 = mixH(h2, k);
      }
      i += words.length * 4;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; i + 4 <= n; i += 4) {
      const k = mixK(view.getUint32(i, true));
      h1 = mixH(h1, k);
      h2 = mixH(h2, k);
    }
    for (; i < n; i++) this.#carry |= bytes[i]! << (8 * this.#carried++);
    this.#h1 = h1;
    this.#h2 = h2;
    this.#length += n;
  }

  /** The hash of all bytes given so far, as 16 hex digits. */
  digest(): string {
    const hex = (h: number) => finish(h, this.#carry, this.#carried, this.#length).toString(16).padStart(8, '0');
    return hex(this.#h1) + hex(this.#h2);
  }
}

export function checksum(bytes: Uint8Array): string {
  const c = new Checksum();
  c.update(bytes);
  return c.digest();
}

/** The checksum of a whole source, read slice by slice. */
export function checksumSource(src: ByteSource, chunkBytes?: number): string {
  const c = new Checksum();
  for (const slice of byteSlices(src, chunkBytes)) c.update(slice);
  return c.digest();
}

/**
 * A source that checksums the bytes read through it in order from the start, so a pass that reads
 * the whole file anyway (the CSV reader's encoding check) checksums it at no extra read.
 * `digest()` is undefined until every byte has been read in order.
 */
export function checksummingSource(src: ByteSource): ByteSource & { digest(): string | undefined } {
  const c = new Checksum();
  let at = 0;
  return {
    size: src.size,
    read(start, end) {
      const bytes = src.read(start, end);
      // hashed at once: a source may hand out one reused buffer
      if (start <= at && start + bytes.length > at) {
        c.update(bytes.subarray(at - start));
        at = start + bytes.length;
      }
      return bytes;
    },
    digest: () => (at >= src.size ? c.digest() : undefined),
  };
}
