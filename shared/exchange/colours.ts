/** Okabe–Ito colour-blind-safe palette (black left out), for codes and coders a file gives no colour. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

export function paletteColour(i: number): string {
  return OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length]!;
}

/** `#RGB` or `#RRGGBB` (any case) as `#RRGGBB`; undefined for anything else. */
export function normaliseColour(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s;
  if (/^#[0-9a-fA-F]{3}$/.test(s)) return ('#' + s[1]! + s[1]! + s[2]! + s[2]! + s[3]! + s[3]!).toUpperCase();
  return undefined;
}
