export { paletteColour } from '../coding/palette';

/** `#RGB` or `#RRGGBB` (any case) as `#RRGGBB`; undefined for anything else. */
export function normaliseColour(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s;
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return ('#' + s[1]! + s[1]! + s[2]! + s[2]! + s[3]! + s[3]!).toUpperCase();
  return undefined;
}
