/**
 * Colour-blind-safe colours for codes. The first eight are the Okabe–Ito palette with black
 * replaced by grey (black hides the highlighted text); the rest extend it with Paul Tol's
 * "muted" scheme, which stays distinguishable under the common colour-vision deficiencies.
 */
export const CODE_PALETTE = [
  // Okabe–Ito (Okabe & Ito 2008), black → grey
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#0072B2', // blue
  '#D55E00', // vermilion
  '#CC79A7', // reddish purple
  '#999999', // grey
  // Extensions: Paul Tol, muted
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
] as const;

/** The palette colour for position `i`, cycling through the palette; negative positions wrap round. */
export function paletteColour(i: number): string {
  if (!Number.isInteger(i)) throw new RangeError(`palette position must be a whole number, got ${i}`);
  const n = CODE_PALETTE.length;
  return CODE_PALETTE[((i % n) + n) % n]!;
}
