/** Whitespace only (what String.prototype.trim removes), without a trimmed copy in the common case (a cell starting with a visible ASCII character). */
export function isBlankCell(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 > 32 && c0 < 127) return false;
  return s.trim() === '';
}
