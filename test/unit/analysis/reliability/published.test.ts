/**
 * Published examples reproduced on real projects with the DEFAULT settings (no options): a coder's
 * silence in a response means "not coded", so every "one applied it, the other did not" counts.
 */
import { describe, expect, it } from 'vitest';
import { cohenKappa, computeAgreement, krippendorffAlphaNominal, listDisagreements } from '../../../../shared/analysis/reliability';
import { binaryProject, KRIPPENDORFF_BINARY, WIKIPEDIA_COHEN } from '../../../fixtures/agreement/published';

describe('Wikipedia’s Cohen’s kappa example (50 units, 20/15/5/10) as a two-coder survey project', () => {
  const bundle = binaryProject(WIKIPEDIA_COHEN.a, WIKIPEDIA_COHEN.b);

  for (const unit of ['response', 'character'] as const) {
    it(`gives p_o 0.70 and κ 0.40 at ${unit} level`, () => {
      const r = computeAgreement(bundle, { unit });
      expect(r.absent).toBe('uncoded');
      expect(r.overall.percentAgreement).toBeCloseTo(WIKIPEDIA_COHEN.percentAgreement, 9);
      expect(r.overall.kappa).toBeCloseTo(WIKIPEDIA_COHEN.kappa, 9);
      // alpha cross-checked against the reference implementation on the raw data (per response, or
      // per character: each response's value repeated over its characters)
      const L = unit === 'response' ? 1 : bundle.documents[0]!.text.length;
      const expand = (v: number[]) => v.flatMap((x) => Array<number>(L).fill(x));
      expect(r.overall.alpha).toBeCloseTo(krippendorffAlphaNominal([expand(WIKIPEDIA_COHEN.a), expand(WIKIPEDIA_COHEN.b)])!, 9);
      expect(r.codes[0]!.kappa).toBeCloseTo(cohenKappa([[20, 5], [10, 15]])!, 9);
      expect(r.codes[0]!.units).toBe(unit === 'response' ? 50 : 50 * bundle.documents[0]!.text.length);
      // 15 responses neither coder coded, 15 more that only B coded, 10 that only A coded
      const [a, b] = bundle.coders.map((c) => c.id);
      expect(r.untouched).toEqual({ [a!]: 25, [b!]: 20 });
    });
  }

  it('lists the 15 responses where one coder applied the code and the other did not', () => {
    expect(listDisagreements(bundle, { unit: 'response' })).toHaveLength(15);
  });

  it('treating silence as missing (the old default) drops every one-sided disagreement: 100% and κ 1', () => {
    const r = computeAgreement(bundle, { unit: 'response', absentCoder: 'missing' });
    expect(r.overall.percentAgreement).toBe(100);
    expect(r.overall.units).toBe(20);
  });
});

describe('Krippendorff (2011) binary example as a project, default settings', () => {
  it('gives α 0.095, κ 0.091 and 60% agreement', () => {
    const r = computeAgreement(binaryProject(KRIPPENDORFF_BINARY.a, KRIPPENDORFF_BINARY.b), { unit: 'response' });
    expect(r.overall.alpha!).toBeCloseTo(KRIPPENDORFF_BINARY.alpha, 3);
    expect(r.overall.kappa!).toBeCloseTo(KRIPPENDORFF_BINARY.kappa, 3);
    expect(r.overall.percentAgreement).toBeCloseTo(KRIPPENDORFF_BINARY.percentAgreement, 9);
  });
});
