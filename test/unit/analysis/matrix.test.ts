import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, pearsonChiSquare, prepareIndex, regularisedGammaQ, subcategoryMatrix } from '../../../shared/analysis';
import { byKey, smallProject } from './fixture';

describe('chi-square survival function', () => {
  it('matches published critical values', () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(11.07, 5)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(6.635, 1)).toBeCloseTo(0.01, 4);
    expect(chiSquareSurvival(18.307, 10)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(124.342, 100)).toBeCloseTo(0.05, 4);
  });
  it('matches closed forms: df = 2 gives exp(-x/2); Q(1, x) = exp(-x)', () => {
    for (const x of [0.1, 1, 4.5, 9.21, 30]) expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
    for (const x of [0.5, 2, 20]) expect(regularisedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
  it('rejects impossible arguments', () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(/degrees of freedom must be positive/);
    expect(() => regularisedGammaQ(1, -1)).toThrow(/non-negative/);
  });
  it('computes Pearson chi-square on a 2 × 2 table by hand', () => {
    // [[2,2],[0,2]]: expected [[4/3, 8/3], [2/3, 4/3]] → 1/3 + 1/6 + 2/3 + 1/3 = 1.5
    const r = pearsonChiSquare([[2, 2], [0, 2]])!;
    expect(r.chi2).toBeCloseTo(1.5, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.220671, 5);
    expect(r.cochranWarning).toBe(true);
    expect(pearsonChiSquare([[50, 50], [50, 50]])!.cochranWarning).toBe(false);
    expect(pearsonChiSquare([[1, 2], [0, 0]])).toBeNull();
  });
});

describe('subcategoryMatrix', () => {
  const { bundle, ids } = smallProject();
  const index = prepareIndex(bundle);

  it('counts participants per code and attribute value with row and column percentages', () => {
    const t = subcategoryMatrix(index, { attribute: 'age group' });
    const labels = t.columns.filter((c) => c.key.startsWith('n:')).map((c) => c.label);
    expect(labels).toEqual(['18-24: participants', '25-34: participants']);
    const r = byKey(t.rows, 'code');
    expect(r.Kindness).toMatchObject({ total: 3, 'n:0': 2, 'n:1': 1, 'row:0': 66.7, 'row:1': 33.3, 'col:0': 100, 'col:1': 50 });
    expect(r.Contact).toMatchObject({ total: 4, 'n:0': 2, 'n:1': 2 });
    expect(r['All participants in group']).toMatchObject({ 'n:0': 2, 'n:1': 2 });
    // Kindness, has/has not × group: [[2,1],[0,1]] → chi2 = 4/3, df 1
    expect(r.Kindness!.chi2).toBeCloseTo(1.333, 3);
    expect(r.Kindness!.df).toBe(1);
    expect(r.Kindness!.p).toBeCloseTo(chiSquareSurvival(4 / 3, 1), 4);
    // Delay: [[0,2],[2,0]] → chi2 = 4
    expect(r.Delay).toMatchObject({ chi2: 4, df: 1, cochran: true });
    // Contact: everyone in both groups has it → no test possible
    expect(r.Contact!.chi2).toBeNull();
  });

  it('runs the whole-table test on the themes and warns under Cochran’s rule', () => {
    const t = subcategoryMatrix(index, { attribute: 'Age group' });
    expect(t.stats).toMatchObject({ chi2: 1.5, df: 1, p: 0.2207, cochranWarning: true, participantsWithoutValue: 1 });
    expect(t.warnings.join(' ')).toMatch(/Cochran’s rule: 100% of expected counts .* below 5/);
    expect(t.warnings.join(' ')).toMatch(/1 participant\(s\) have no value for "Age group"/);
  });

  it('accepts source kind and restricts rows to a theme’s subcategories', () => {
    const t = subcategoryMatrix(index, { attribute: 'source kind', parentCodeId: ids.T1 });
    expect(t.rows.map((r) => r.code)).toEqual(['Kindness', 'Kept informed', 'All participants in group']);
    expect(t.columns.find((c) => c.key === 'n:0')!.label).toBe('interview: participants');
    const r = byKey(t.rows, 'code');
    // interview: P4 and D5 (2 people); survey: P1–P3
    expect(r['All participants in group']).toMatchObject({ 'n:0': 2, 'n:1': 3 });
    expect(r.Kindness).toMatchObject({ 'n:0': 1, 'n:1': 2, 'col:0': 50, 'col:1': 66.7 });
  });

  it('names the available attributes when one is unknown', () => {
    expect(() => subcategoryMatrix(index, { attribute: 'Postcode' })).toThrow(/available: Age group, Contact date, source kind, source/);
  });
});
