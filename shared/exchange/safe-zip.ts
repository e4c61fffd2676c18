/**
 * The one way Chorus opens a zip archive it did not write (.qdpx, .docx, .xlsx/.ods), with limits
 * for hostile files: every entry's size is read from the central directory and checked against a
 * per-entry and a TOTAL cap before anything is unpacked; each entry is then inflated in small
 * slices into a buffer of exactly its declared size (an entry that unpacks to more is stopped at
 * once, so a lying header costs neither memory nor time), and its CRC-32 is checked.
 *
 * Errors are `ZipError`s with a one-line message that does not name the file: the caller wraps it
 * into its own error type, which the CLI and the app prefix with the file name.
 */
import { Inflate, inflateSync } from 'fflate';

export interface ZipLimits {
  /** Largest unpacked entry. Below V8's longest string (2^29 − 24 UTF-16 units) with room to spare. */
  maxEntryBytes: number;
  /** Largest sum of unpacked entries read from one archive. */
  maxTotalBytes: number;
  /** Most entries in one archive. */
  maxEntries: number;
}

/**
 * A zip without ZIP64 holds at most 65,535 entries (past that its entry count wraps and readers
 * silently see a fraction of the files). Chorus writes no more (shared/exchange/qdpx-write.ts) and
 * reads no more: a lower limit here once refused Chorus's own .qdpx of 50,000 to 65,533 documents.
 */
export const MAX_ZIP_ENTRIES = 65_535;

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: MAX_ZIP_ENTRIES,
};

/** Entry name → unpacked bytes (the shape fflate's unzipSync returns). */
export type Unzipped = Record<string, Uint8Array>;

export class ZipError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The name's bytes as stored. */
  rawName: Uint8Array;
}

const MiB = 1024 * 1024;
const mb = (n: number) => (n >= MiB ? `${Math.round(n / MiB).toLocaleString('en-GB')} MiB` : `${n.toLocaleString('en-GB')} bytes`);
/** A name safe to put in a one-line message: clipped, with control and bidi characters made visible. */
const shown = (name: string) => JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** CRC-32 tables for slicing-by-8 (T[0] is the classic byte table). */
const CRC_TABLES = (() => {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0]![n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[0]![n]!;
    for (let k = 1; k < 8; k++) {
      c = t[0]![c & 0xff]! ^ (c >>> 8);
      t[k]![n] = c;
    }
  }
  return t;
})();

/** CRC-32 (IEEE, as zip uses) of the bytes. */
export function crc32(b: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  let c = -1;
  let i = 0;
  for (const n = b.length - 8; i <= n; i += 8) {
    c ^= b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    c = t7[c & 0xff]! ^ t6[(c >>> 8) & 0xff]! ^ t5[(c >>> 16) & 0xff]! ^ t4[c >>> 24]! ^ t3[b[i + 4]!]! ^ t2[b[i + 5]!]! ^ t1[b[i + 6]!]! ^ t0[b[i + 7]!]!;
  }
  for (; i < b.length; i++) c = t0[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function reader(b: Uint8Array) {
  const u16 = (o: number) => {
    if (o < 0 || o + 2 > b.length) throw new ZipError('corrupt zip archive (a header runs past the end of the file)');
    return b[o]! | (b[o + 1]! << 8);
  };
  const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
  const u64 = (o: number) => u32(o) + u32(o + 4) * 2 ** 32;
  return { u16, u32, u64 };
}

/** The archive's entries as its central directory lists them (nothing is unpacked). */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (!isZip(bytes)) throw new ZipError('not a zip archive');
  const { u16, u32, u64 } = reader(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt zip archive (no central directory; the file may be cut short)');
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = u64(eocd - 12);
    if (u32(z64) !== 0x06064b50) throw new ZipError('corrupt zip archive (bad zip64 directory)');
    count = u64(z64 + 32);
    offset = u64(z64 + 48);
  }
  if (count > limits.maxEntries) throw new ZipError(`zip archive has ${count.toLocaleString('en-GB')} entries, more than the ${limits.maxEntries.toLocaleString('en-GB')} Chorus reads`);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (u32(p) !== 0x02014b50) throw new ZipError('corrupt zip archive (bad central directory entry)');
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let localOffset = u32(p + 42);
    if (p + 46 + nameLen > bytes.length) throw new ZipError('corrupt zip archive (an entry name runs past the end of the file)');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder('utf-8').decode(nameBytes) : String.fromCharCode(...nameBytes);
    // zip64: the real values follow in extra field 0x0001, in this order, for each field saturated above
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, rawName: nameBytes });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const SLICE = 64 * 1024;

/** Inflate `data` into exactly `size` bytes, stopping as soon as it would unpack to more. */
function inflateExactly(data: Uint8Array, size: number, name: string): Uint8Array {
  if (data.length <= SLICE) {
    // one slice can unpack to at most ~1,032 times its size: into a buffer one byte longer than declared, so more shows
    let small: Uint8Array;
    try {
      small = inflateSync(data, { out: new Uint8Array(size + 1) });
    } catch (e) {
      throw new ZipError(`corrupt zip archive (entry ${shown(name)} cannot be unpacked: ${e instanceof Error ? e.message : String(e)})`);
    }
    if (small.length > size) throw new ZipError(`corrupt zip archive (entry ${shown(name)} unpacks to more than the ${mb(size)} its header declares)`);
    if (small.length !== size) throw new ZipError(`corrupt zip archive (entry ${shown(name)} unpacks to ${mb(small.length)}, not the ${mb(size)} its header declares)`);
    return small;
  }
  const out = new Uint8Array(size);
  let n = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (over) return;
    if (n + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length && !over; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (e) {
    if (!over) throw new ZipError(`corrupt zip archive (entry ${shown(name)} cannot be unpacked: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (over) throw new ZipError(`corrupt zip archive (entry ${shown(name)} unpacks to more than the ${mb(size)} its header declares)`);
  if (n !== size) throw new ZipError(`corrupt zip archive (entry ${shown(name)} unpacks to ${mb(n)}, not the ${mb(size)} its header declares)`);
  return out;
}

export interface SafeUnzipOptions {
  /** Which entries to unpack (default: all but folders). Sizes of skipped entries do not count. */
  filter?: (entry: ZipEntry) => boolean;
  limits?: ZipLimits;
}

function checkSizes(entries: ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipError(`zip entry ${shown(e.name)} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipError(`zip entry ${shown(e.name)} uses compression method ${e.method}, which Chorus cannot read`);
    if (e.size > limits.maxEntryBytes) throw new ZipError(`zip entry ${shown(e.name)} unpacks to ${mb(e.size)}, more than the ${mb(limits.maxEntryBytes)} Chorus reads from one entry`);
    total += e.size;
    if (total > limits.maxTotalBytes) throw new ZipError(`zip archive unpacks to more than ${mb(limits.maxTotalBytes)} in all, the limit Chorus reads`);
  }
}

function unpack(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const { u16, u32 } = reader(bytes);
  if (u32(e.localOffset) !== 0x04034b50) throw new ZipError(`corrupt zip archive (entry ${shown(e.name)} has no local header)`);
  const nameLen = u16(e.localOffset + 26);
  const start = e.localOffset + 30 + nameLen + u16(e.localOffset + 28);
  // other readers (mammoth's JSZip, xlsx's own zip code) may trust the local header: it must agree with the directory
  const lo = e.localOffset;
  const sized = (local: number, central: number) => local === central || local === 0xffffffff;
  const agrees =
    nameLen === e.rawName.length &&
    bytes.subarray(lo + 30, lo + 30 + nameLen).every((b, i) => b === e.rawName[i]) &&
    u16(lo + 8) === e.method &&
    (u16(lo + 6) & 8 ? true : u32(lo + 14) === e.crc && sized(u32(lo + 18), e.compressedSize) && sized(u32(lo + 22), e.size));
  if (!agrees) throw new ZipError(`corrupt zip archive (entry ${shown(e.name)}: its local header disagrees with the central directory)`);
  if (start + e.compressedSize > bytes.length) throw new ZipError(`corrupt zip archive (entry ${shown(e.name)} runs past the end of the file)`);
  const data = bytes.subarray(start, start + e.compressedSize);
  let content: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError(`corrupt zip archive (stored entry ${shown(e.name)} has mismatched sizes)`);
    content = data;
  } else content = inflateExactly(data, e.size, e.name);
  if (crc32(content) !== e.crc) throw new ZipError(`corrupt zip archive (entry ${shown(e.name)} fails its CRC check: the file is damaged)`);
  return content;
}

/** Unpack the archive's entries within the limits, each CRC-checked. Throws ZipError. */
export function safeUnzip(bytes: Uint8Array, options: SafeUnzipOptions = {}): Unzipped {
  const limits = options.limits ?? ZIP_LIMITS;
  const filter = options.filter ?? ((e: ZipEntry) => !e.name.endsWith('/'));
  const entries = listZip(bytes, limits).filter(filter);
  checkSizes(entries, limits);
  const out: Unzipped = {};
  for (const e of entries) out[e.name] = unpack(bytes, e);
  return out;
}

/** Check a whole archive (sizes within the limits, every entry unpacks to its size and CRC) without keeping it. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): void {
  const entries = listZip(bytes, limits).filter((e) => !e.name.endsWith('/'));
  checkSizes(entries, limits);
  for (const e of entries) unpack(bytes, e); // one at a time: only the largest is ever held
}
