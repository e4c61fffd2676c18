/** String hashes (pure). */

/** FNV-1a (32-bit) over text[from, to), by UTF-16 code unit. */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a with its high bits folded into its low ones: the slot of a string in a table indexed by the low bits. */
export function slotHash(text: string, from = 0, to = text.length): number {
  const h = fnv1a(text, from, to);
  return (h ^ (h >>> 16)) >>> 0;
}
