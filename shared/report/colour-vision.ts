/**
 * Colour checks for chart palettes: lightness in greyscale (CIELAB L*), and how a colour looks to
 * people with protanopia or deuteranopia (Viénot, Brettel & Mollon 1999, applied to linear sRGB).
 * Used by the palette tests; pure maths, no DOM.
 */

export type ColourVision = 'normal' | 'protanopia' | 'deuteranopia';

type Vec3 = [number, number, number];

/** Viénot et al. (1999) dichromat simulation matrices in linear sRGB. */
const SIMULATION: Record<Exclude<ColourVision, 'normal'>, [Vec3, Vec3, Vec3]> = {
  protanopia: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deuteranopia: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
};

/** `#RRGGBB` → linear sRGB in 0–1. */
export function linearRgb(hex: string): Vec3 {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`expected a colour as #RRGGBB, got "${hex}"`);
  return [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Vec3;
}

/** Linear sRGB as seen with `vision`. */
export function simulate(rgb: Vec3, vision: ColourVision): Vec3 {
  if (vision === 'normal') return rgb;
  const m = SIMULATION[vision];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Vec3;
}

/** CIELAB (D65) of linear sRGB. */
export function lab([r, g, b]: Vec3): Vec3 {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** Lightness L* (0 black – 100 white): what survives greyscale printing. */
export function greyLightness(hex: string, vision: ColourVision = 'normal'): number {
  return lab(simulate(linearRgb(hex), vision))[0];
}

/** CIE76 colour difference between two colours as seen with `vision` (about 2.3 is just noticeable). */
export function colourDifference(a: string, b: string, vision: ColourVision = 'normal'): number {
  const [p, q] = [lab(simulate(linearRgb(a), vision)), lab(simulate(linearRgb(b), vision))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The closest pair in `colours` by `distance`, with the distance. */
export function closestPair(colours: readonly string[], distance: (a: string, b: string) => number): { a: string; b: string; distance: number } {
  let best = { a: '', b: '', distance: Infinity };
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++) {
      const d = distance(colours[i]!, colours[j]!);
      if (d < best.distance) best = { a: colours[i]!, b: colours[j]!, distance: d };
    }
  return best;
}
