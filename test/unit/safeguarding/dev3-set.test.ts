/**
 * The small third batch (dev3.ts), written after tuning on dev2 and scored once before any change:
 * how far the widened lexicon reaches phrasings it was not tuned on. First (untuned) score, text
 * level, any category: precision 100% (10/10), recall 27.0% (10/37) — threat 4/10, self-harm 1/9,
 * child 0/7, ongoing abuse 5/11, no false alarms. The lexicon was then widened by general patterns
 * (not one-offs) read from the misses, so figures after that are tuned on it too.
 */
import { describe, expect, it } from 'vitest';
import { detectSafeguarding } from '../../../shared/safeguarding/detect';
import { DEV3 } from '../../fixtures/safeguarding/dev3';
import { formatScores, scoreSafeguarding } from './score';

describe('safeguarding detector on the third batch (written after tuning)', () => {
  const score = scoreSafeguarding(DEV3, detectSafeguarding);
  console.log(formatScores('safeguarding dev3 batch', score));
  if (process.env.DEV2_ERRORS) console.log(score.errors.map((e) => `${e.kind} ${e.category} ${e.id}: ${DEV3.find((d) => d.id === e.id)!.text}`).join('\n'));

  it('keeps precision at or above 0.9 for every category that flags anything, and recall at or above 0.7', () => {
    for (const c of score.perCategory) expect(c.recall, c.category).toBeGreaterThanOrEqual(0.7);
    for (const c of score.perCategory) if (c.precision !== null) expect(c.precision, c.category).toBeGreaterThanOrEqual(0.9);
  });
});
