/**
 * The colours behind the named scales of chart specs. Categorical colours are Okabe–Ito, ordered so
 * the first DISTINCT_SERIES differ in lightness (they stay apart when printed in greyscale and under
 * protanopia or deuteranopia: test/unit/report/palette.test.ts); series beyond them also carry a
 * hatch pattern (SERIES_PATTERNS). The sequential scale is a single blue hue. Every colour pairs with
 * text on or beside the mark, so colour is never the only cue.
 */

/** Series colours (Okabe–Ito): blue, orange, black, yellow, bluish green, then vermilion, sky blue, reddish purple. */
export const SERIES_COLOURS: readonly string[] = ['#0072B2', '#E69F00', '#000000', '#F0E442', '#009E73', '#D55E00', '#56B4E9', '#CC79A7'];

/** How many series colours are told apart by lightness alone; later series are also patterned. */
export const DISTINCT_SERIES = 5;

/** The pattern a series carries over its colour (none for the first DISTINCT_SERIES). */
export type SeriesPattern = 'none' | 'stripes' | 'dots' | 'crosshatch';
const PATTERN_CYCLE: SeriesPattern[] = ['stripes', 'dots', 'crosshatch'];

export function seriesPattern(i: number): SeriesPattern {
  return i < DISTINCT_SERIES ? 'none' : PATTERN_CYCLE[(i - DISTINCT_SERIES) % PATTERN_CYCLE.length]!;
}

/** Dash patterns paired with series colours, so lines differ without colour. */
export const SERIES_DASHES: readonly string[] = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 2 1 2'];

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

/** Sequential single-hue scale, light to dark (ColorBrewer Blues steps chosen so black or white text on each has ≥ 4.5:1 contrast and each step is ≥ 10 L* darker). */
export const BLUES: readonly string[] = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5', '#08306b'];

/** Categorical fills for named scales. */
export const CATEGORY_COLOURS: Record<'corroboration' | 'sentiment', Record<string, string>> = {
  corroboration: {
    corroborated: '#0072B2',
    'single-source': '#F0E442',
    divergent: '#E69F00',
    'not found': '#FFFFFF',
  },
  sentiment: {
    negative: '#E69F00',
    neutral: '#D9D9D9',
    positive: '#0072B2',
  },
};

/** Icon arrays: the counted share and the rest (far apart in lightness). */
export const ICON_FILLED = '#0072B2';
export const ICON_EMPTY = '#FFFFFF';

/** Fill of suppressed (disclosure-controlled) marks, under a hatch pattern. */
export const SUPPRESSED_FILL = '#E0E0E0';
export const SUPPRESSED_HATCH = '#B3B3B3';

/** Relative luminance (WCAG 2) of `#RRGGBB`. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`expected a colour as #RRGGBB, got "${hex}"`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Black or white, whichever reads better on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#FFFFFF') ? '#000000' : '#FFFFFF';
}
