/**
 * The detector on its DEVELOPMENT set (written by its author and tuned on: NOT blind) and on real
 * GP feedback holding risk-like words. The printed table is the dev figure; the blind figure comes
 * from the independent hold-out (holdout.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { detectSafeguarding } from '../../../shared/safeguarding/detect';
import { DEV, DEV_SECOND } from '../../fixtures/safeguarding/dev';
import { REAL_GP_NO_RISK } from '../../fixtures/safeguarding/real-gp';
import { formatScores, scoreSafeguarding } from './score';

describe('safeguarding detector on the dev set (not blind)', () => {
  const score = scoreSafeguarding(DEV, detectSafeguarding);
  console.log(formatScores('safeguarding dev set (author-written, tuned on: NOT blind)', score));
  console.log(formatScores('of which the second batch (scored once before tuning on it; see the report for that first run)', scoreSafeguarding(DEV_SECOND, detectSafeguarding)));

  it('holds every category, and texts with no current risk', () => {
    for (const c of score.perCategory) expect(c.tp + c.fn, c.category).toBeGreaterThanOrEqual(9);
    expect(DEV.filter((d) => d.labels.length === 0).length).toBeGreaterThan(DEV.length / 3);
  });

  it('keeps text-level recall and precision at or above 0.9 per category (a regression guard on the set it was tuned on)', () => {
    for (const c of score.perCategory) {
      expect(c.recall, c.category).toBeGreaterThanOrEqual(0.9);
      expect(c.precision, c.category).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('flags nothing in real GP feedback that holds risk-like words but no disclosure', () => {
    const flagged = REAL_GP_NO_RISK.filter((t) => detectSafeguarding(t.text).length > 0).map((t) => t.id);
    console.log(`real GP feedback with risk-like words: ${flagged.length} of ${REAL_GP_NO_RISK.length} flagged`);
    expect(flagged).toEqual([]);
  });
});
