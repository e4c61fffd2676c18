/**
 * The detector on its SECOND development set (dev2.ts: written by the detector's author to widen
 * the phrasings after the blind hold-out showed recall far too low; tuned on, so NOT blind).
 * Before the lexicon was widened, this set scored (text level): any category precision 97.6%, recall
 * 31.3% (41/131); threat to life 11/34, self-harm 11/33, child at risk 4/27, ongoing abuse 14/45
 * with 5 false alarms (precision 73.7%). The guard below keeps what the widening reached.
 */
import { describe, expect, it } from 'vitest';
import { detectSafeguarding } from '../../../shared/safeguarding/detect';
import { DEV2 } from '../../fixtures/safeguarding/dev2';
import { formatScores, scoreSafeguarding } from './score';

describe('safeguarding detector on the second dev set (not blind)', () => {
  const score = scoreSafeguarding(DEV2, detectSafeguarding);
  console.log(formatScores('safeguarding dev2 set (author-written, tuned on: NOT blind)', score));
  if (process.env.DEV2_ERRORS) console.log(score.errors.map((e) => `${e.kind} ${e.category} ${e.id}: ${DEV2.find((d) => d.id === e.id)!.text}`).join('\n'));

  it('has at least 200 texts, every category, and many texts with no current risk', () => {
    expect(DEV2.length).toBeGreaterThanOrEqual(200);
    for (const c of score.perCategory) expect(c.tp + c.fn, c.category).toBeGreaterThanOrEqual(25);
    expect(DEV2.filter((d) => d.labels.length === 0).length).toBeGreaterThan(DEV2.length / 3);
  });

  it('keeps text-level precision at or above 0.9 and recall at or above the floor per category', () => {
    for (const c of score.perCategory) {
      expect(c.precision, c.category).toBeGreaterThanOrEqual(0.9);
      expect(c.recall, c.category).toBeGreaterThanOrEqual(RECALL_FLOOR);
    }
  });
});

const RECALL_FLOOR = 0.9;
