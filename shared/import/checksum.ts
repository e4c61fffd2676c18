/**
 * FNV-1a 64-bit hash of a file's bytes as 16 hex digits: fast, non-cryptographic, for
 * noticing that the same file is imported again (not for security). Computed on two 32-bit
 * halves: the prime 2^40 + 435 multiplies as x·435 + (x << 40).
 */
export function checksum(bytes: Uint8Array): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i]!;
    const l = (lo >>> 0) * 435;
    const carry = Math.floor(l / 0x100000000);
    hi = (Math.imul(hi, 435) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = l >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
