import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlphaNominal,
  percentAgreement,
  type Label,
} from '../../../../shared/analysis/reliability';

const rep = <T>(v: T, n: number): T[] => new Array<T>(n).fill(v);

describe('Krippendorff’s alpha (nominal)', () => {
  it('matches the 4-coder × 12-unit example with missing data', () => {
    // Krippendorff, K. (2011) "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    // Communication, §C "Nominal data, any number of observers, missing data": alpha = 0.743.
    // The same matrix is R irr's `nmm` dataset; kripp.alpha(nmm, "nominal") gives 0.743.
    const _ = null;
    const data: Label[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    expect(krippendorffAlphaNominal(data)!).toBeCloseTo(0.743, 3);
  });

  it('matches the two-observer binary example', () => {
    // Krippendorff (2011), §A "Binary or dichotomous data, two observers, no missing data": alpha = 0.095.
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlphaNominal(data)!).toBeCloseTo(0.095, 3);
    // Same data: the coders agree on 6 of 10 units.
    expect(percentAgreement(data)).toBeCloseTo(60, 10);
  });

  it('is null without variation or without pairable values', () => {
    expect(krippendorffAlphaNominal([[1, 1, 1], [1, 1, 1]])).toBeNull();
    expect(krippendorffAlphaNominal([[1, null], [null, 2]])).toBeNull();
    expect(percentAgreement([[1, null], [null, 2]])).toBeNull();
  });

  it('rejects ragged data with a clear message', () => {
    expect(() => krippendorffAlphaNominal([[1, 2], [1]])).toThrow(/ragged: coder 1 has 2 units but coder 2 has 1/);
  });
});

describe('Cohen’s kappa', () => {
  it('matches the Wikipedia worked example (20/5/10/15 → 0.4)', () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa, "Simple example": 50 proposals,
    // both yes 20, A yes/B no 5, A no/B yes 10, both no 15: po = 0.7, pe = 0.5, kappa = 0.4.
    expect(cohenKappa([[20, 5], [10, 15]])!).toBeCloseTo(0.4, 3);
  });

  it('matches scikit-learn test_cohen_kappa (Artstein & Poesio 2008, Tables 1 and 4)', () => {
    // sklearn/metrics/tests/test_classification.py::test_cohen_kappa: 0.348 and 0.8013.
    const y1 = [...rep(0, 40), ...rep(1, 60)];
    const y2 = [...rep(0, 20), ...rep(1, 20), ...rep(0, 10), ...rep(1, 50)];
    expect(cohenKappa(y1, y2)!).toBeCloseTo(0.348, 3);
    expect(cohenKappa(y2, y1)).toBe(cohenKappa(y1, y2));
    expect(cohenKappa(y1, y1)!).toBeCloseTo(1, 10);
    const m1 = [...rep(0, 46), ...rep(1, 44), ...rep(2, 10)];
    const m2 = [...rep(0, 52), ...rep(1, 32), ...rep(2, 16)];
    expect(cohenKappa(m1, m2)!).toBeCloseTo(0.8013, 4);
    // sklearn's unweighted value for its weighting example: 0.9315.
    const w2 = [...rep(0, 50), ...rep(1, 40), ...rep(2, 10)];
    expect(cohenKappa(m1, w2)!).toBeCloseTo(0.9315, 4);
  });

  it('matches Krippendorff’s (2011) binary data read as Cohen’s kappa (po 0.6, pe 0.56 → 0.091)', () => {
    // Same data as the alpha = 0.095 example; Cohen's pe uses each coder's own margins.
    expect(cohenKappa([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0])!).toBeCloseTo(0.091, 3);
  });

  it('drops units with a missing label, and is null when chance agreement is 1', () => {
    expect(cohenKappa([1, 0, null, 1], [1, 0, 0, null])).toBeCloseTo(1, 10);
    expect(cohenKappa([[5, 0], [0, 0]])).toBeNull();
    expect(() => cohenKappa([[1, 2, 3], [1, 2]])).toThrow(/square/);
    expect(() => cohenKappa([1, 2], [1])).toThrow(/different numbers of units: 2 and 1/);
  });
});

describe('Fleiss’ kappa', () => {
  it('matches Fleiss (1971) as worked on Wikipedia and in statsmodels test_inter_rater (0.210)', () => {
    // 10 subjects, 14 raters, 5 categories: P̄ = 0.378, P̄e = 0.213, kappa = 0.210
    // (https://en.wikipedia.org/wiki/Fleiss%27_kappa; statsmodels/stats/tests/test_inter_rater.py table1).
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)!).toBeCloseTo(0.21, 3);
    expect(() => fleissKappa([[1, 1], [3, 0]])).toThrow(/row 1 has 2, row 2 has 3/);
  });
});

/** Coders × units with a few categories and some missing values. */
const reliabilityData = (coders: number) =>
  fc.integer({ min: 1, max: 25 }).chain((units) =>
    fc.array(fc.array(fc.oneof(fc.constantFrom<Label>('a', 'b', 'c'), fc.constant<Label>(null)), { minLength: units, maxLength: units }), {
      minLength: coders,
      maxLength: coders,
    }),
  );

describe('properties', () => {
  it('a coder who copies another agrees perfectly (alpha 1 where defined)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 2, maxLength: 40 }), (row) => {
        const data = [row, [...row]];
        expect(percentAgreement(data)).toBe(100);
        const alpha = krippendorffAlphaNominal(data);
        const kappa = cohenKappa(row, [...row]);
        if (new Set(row).size > 1) {
          expect(alpha).toBeCloseTo(1, 12);
          expect(kappa).toBeCloseTo(1, 12);
        } else {
          expect(alpha).toBeNull();
          expect(kappa).toBeNull();
        }
      }),
    );
  });

  it('permuting units changes no statistic', () => {
    fc.assert(
      fc.property(reliabilityData(3), fc.integer(), (data, seed) => {
        const units = data[0]!.length;
        const perm = [...Array(units).keys()].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const permuted = data.map((row) => perm.map((i) => row[i]!));
        const same = (x: number | null, y: number | null) => (x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 10));
        same(krippendorffAlphaNominal(data), krippendorffAlphaNominal(permuted));
        same(percentAgreement(data), percentAgreement(permuted));
        same(cohenKappa(data[0]!, data[1]!), cohenKappa(permuted[0]!, permuted[1]!));
      }),
    );
  });

  it('kappa, alpha and percent agreement are symmetric in the coders', () => {
    fc.assert(
      fc.property(reliabilityData(2), ([a, b]) => {
        const k1 = cohenKappa(a!, b!);
        const k2 = cohenKappa(b!, a!);
        if (k1 === null) expect(k2).toBeNull();
        else expect(k2).toBeCloseTo(k1, 12);
        const same = (x: number | null, y: number | null) => (x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 12));
        same(krippendorffAlphaNominal([a!, b!]), krippendorffAlphaNominal([b!, a!]));
        same(percentAgreement([a!, b!]), percentAgreement([b!, a!]));
      }),
    );
  });
});
