/**
 * Chart colours survive greyscale printing and the common colour-vision deficiencies: pairs of
 * colours that carry meaning on their own differ in lightness (CIELAB L*) and, under simulated
 * protanopia and deuteranopia (Viénot, Brettel & Mollon 1999), in colour (CIE76 ΔE).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLUES,
  CATEGORY_COLOURS,
  DISTINCT_SERIES,
  ICON_EMPTY,
  ICON_FILLED,
  SERIES_COLOURS,
  seriesPattern,
  SUPPRESSED_FILL,
} from '../../../shared/report/chart-colours';
import { closestPair, colourDifference, greyLightness, linearRgb, simulate, type ColourVision } from '../../../shared/report/colour-vision';

/** Minimum lightness gap (L*, 0–100) between colours that must tell apart when printed in grey. */
const MIN_GREY_GAP = 10;
/** Minimum CIE76 ΔE under simulated dichromacy (about 2.3 is just noticeable; 10+ is clearly different). */
const MIN_CVD_DIFFERENCE = 15;

const greyGap = (a: string, b: string) => Math.abs(greyLightness(a) - greyLightness(b));

const SCALES: Record<string, readonly string[]> = {
  'series (lightness-distinct)': SERIES_COLOURS.slice(0, DISTINCT_SERIES),
  corroboration: Object.values(CATEGORY_COLOURS.corroboration),
  sentiment: Object.values(CATEGORY_COLOURS.sentiment),
  'icon array': [ICON_FILLED, ICON_EMPTY],
};

describe('colour-vision maths', () => {
  it('white is L* 100, black 0; simulation keeps greys grey', () => {
    expect(greyLightness('#FFFFFF')).toBeCloseTo(100, 1);
    expect(greyLightness('#000000')).toBeCloseTo(0, 5);
    for (const v of ['protanopia', 'deuteranopia'] as ColourVision[]) {
      const [r, g, b] = simulate(linearRgb('#808080'), v);
      expect(Math.abs(r - g)).toBeLessThan(1e-3);
      expect(Math.abs(g - b)).toBeLessThan(1e-3);
    }
  });

  it('red and green, far apart normally, collapse under deuteranopia (the simulation does something)', () => {
    expect(colourDifference('#D55E00', '#009E73')).toBeGreaterThan(80);
    expect(colourDifference('#FF0000', '#7F7F00', 'deuteranopia')).toBeLessThan(colourDifference('#FF0000', '#7F7F00') / 2);
  });

  it('colour difference is symmetric and zero only for the same colour (property)', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
    fc.assert(
      fc.property(hex, hex, fc.constantFrom<ColourVision>('normal', 'protanopia', 'deuteranopia'), (a, b, v) => {
        expect(colourDifference(a, b, v)).toBeCloseTo(colourDifference(b, a, v), 9);
        expect(colourDifference(a, a, v)).toBe(0);
      }),
    );
  });
});

describe('chart palettes', () => {
  for (const [name, colours] of Object.entries(SCALES)) {
    it(`${name}: every pair differs by ≥ ${MIN_GREY_GAP} L* in greyscale`, () => {
      const worst = closestPair(colours, greyGap);
      expect(worst.distance, `${worst.a} and ${worst.b}`).toBeGreaterThanOrEqual(MIN_GREY_GAP);
    });
    for (const vision of ['normal', 'protanopia', 'deuteranopia'] as ColourVision[])
      it(`${name}: every pair differs by ≥ ${MIN_CVD_DIFFERENCE} ΔE with ${vision} colour vision`, () => {
        const worst = closestPair(colours, (a, b) => colourDifference(a, b, vision));
        expect(worst.distance, `${worst.a} and ${worst.b}`).toBeGreaterThanOrEqual(MIN_CVD_DIFFERENCE);
      });
  }

  it('series colours are the Okabe–Ito set, each once', () => {
    expect(new Set(SERIES_COLOURS).size).toBe(8);
    expect([...SERIES_COLOURS].sort()).toEqual(['#000000', '#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#D55E00', '#E69F00', '#F0E442']);
  });

  it('series past the lightness-distinct ones carry a pattern, so no two series look alike in grey', () => {
    for (let i = 0; i < DISTINCT_SERIES; i++) expect(seriesPattern(i)).toBe('none');
    const looks = (i: number) => `${Math.round(greyLightness(SERIES_COLOURS[i % SERIES_COLOURS.length]!) / MIN_GREY_GAP)}:${seriesPattern(i)}`;
    // within the first 8 series, a colour that is close in grey to an earlier one has a pattern it does not
    for (let i = DISTINCT_SERIES; i < SERIES_COLOURS.length; i++) {
      expect(seriesPattern(i)).not.toBe('none');
      for (let j = 0; j < i; j++) if (greyGap(SERIES_COLOURS[i]!, SERIES_COLOURS[j]!) < MIN_GREY_GAP) expect(looks(i)).not.toBe(looks(j));
    }
  });

  it('the sequential scale gets darker step by step, each step ≥ 10 L*', () => {
    const l = BLUES.map((c) => greyLightness(c));
    for (let i = 1; i < l.length; i++) expect(l[i - 1]! - l[i]!).toBeGreaterThanOrEqual(MIN_GREY_GAP);
  });

  it('the suppressed fill stands apart from white', () => {
    expect(greyGap(SUPPRESSED_FILL, '#FFFFFF')).toBeGreaterThanOrEqual(MIN_GREY_GAP);
  });

  it('figures for the report', () => {
    const rows = Object.entries(SCALES).map(([name, colours]) => ({
      name,
      grey: closestPair(colours, greyGap).distance.toFixed(1),
      protanopia: closestPair(colours, (a, b) => colourDifference(a, b, 'protanopia')).distance.toFixed(1),
      deuteranopia: closestPair(colours, (a, b) => colourDifference(a, b, 'deuteranopia')).distance.toFixed(1),
    }));
    console.log(JSON.stringify(rows));
    expect(rows).toHaveLength(4);
  });
});
