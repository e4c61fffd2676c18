/**
 * The colours behind the named scales of chart specs. Categorical colours are Okabe–Ito (shared with
 * the codebook palette), ordered so the first few separate best on white; the sequential scale is a
 * single blue hue. Every colour pairs with text on or beside the mark, so colour is never the only cue.
 */
import { CODE_PALETTE } from '../coding/palette';

const OKABE_ITO = CODE_PALETTE.slice(0, 8);

/** Series colours: blue, orange, bluish green, vermilion, reddish purple, sky blue, grey, yellow. */
export const SERIES_COLOURS: readonly string[] = [4, 0, 2, 5, 6, 1, 7, 3].map((i) => OKABE_ITO[i]!);

/** Dash patterns paired with series colours, so lines differ without colour. */
export const SERIES_DASHES: readonly string[] = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 2 1 2'];

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

/** Sequential single-hue scale, light to dark (ColorBrewer Blues steps chosen so black or white text on each has ≥ 4.5:1 contrast). */
export const BLUES: readonly string[] = ['#eff3ff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** Categorical fills for named scales. */
export const CATEGORY_COLOURS: Record<'corroboration' | 'sentiment', Record<string, string>> = {
  corroboration: {
    corroborated: '#0072B2',
    'single-source': '#E69F00',
    divergent: '#CC79A7',
    'not found': '#FFFFFF',
  },
  sentiment: {
    negative: '#D55E00',
    neutral: '#D9D9D9',
    positive: '#0072B2',
  },
};

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
