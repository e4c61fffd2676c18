/** GUID helpers for exchange: normalising the forms REFI-QDA allows, and stable derived GUIDs. */
import { Guid } from '../model';

/** A REFI-QDA GUID as Chorus keeps it: braces removed, case kept. Undefined when not a GUID. */
export function cleanGuid(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().replace(/^\{(.*)\}$/, '$1');
  return Guid.safeParse(s).success ? s : undefined;
}

/**
 * A GUID derived deterministically from a string (two 64-bit FNV-1a style hashes), shaped as
 * a version-4 GUID. Used where REFI-QDA needs an id that Chorus does not keep (a selection
 * around a coding) or Chorus needs one the file lacks (the Source behind a foreign document).
 */
export function deriveGuid(seed: string): string {
  let h1 = 0xcbf29ce484222325n;
  let h2 = 0x84222325cbf29ce4n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < seed.length; i++) {
    const c = BigInt(seed.charCodeAt(i));
    h1 = ((h1 ^ c) * 0x100000001b3n) & mask;
    h2 = ((h2 ^ (c + 0x9en)) * 0x100000001b3n) & mask;
    h2 ^= h2 >> 29n;
  }
  const hex = (h1.toString(16).padStart(16, '0') + h2.toString(16).padStart(16, '0')).split('');
  hex[12] = '4';
  hex[16] = '89ab'[parseInt(hex[16]!, 16) & 3]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
