/**
 * The BLIND measure: the detector on a labelled set written by someone who did not build it, at
 * test/fixtures/safeguarding/labelled-holdout.ts (`export const LABELLED`). Skipped until that file
 * exists. Only aggregate figures are printed (never which texts were missed), so the set stays unseen.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSafeguarding, SAFEGUARD_CATEGORIES } from '../../../shared/safeguarding/detect';
import type { LabelledSafeguardText } from '../../fixtures/safeguarding/types';
import { formatScores, scoreSafeguarding } from './score';

const file = path.resolve(import.meta.dirname, '../../fixtures/safeguarding/labelled-holdout.ts');

describe.skipIf(!existsSync(file))('safeguarding detector on the independent labelled hold-out (blind)', () => {
  it('scores every text and prints text-level precision and recall per category', async () => {
    const { LABELLED } = (await import(/* @vite-ignore */ file)) as { LABELLED: LabelledSafeguardText[] };
    expect(LABELLED.length).toBeGreaterThan(0);
    for (const t of LABELLED) for (const l of t.labels) expect(SAFEGUARD_CATEGORIES).toContain(l.category);
    const score = scoreSafeguarding(LABELLED, detectSafeguarding);
    console.log(formatScores('safeguarding hold-out (independent labeller, blind)', score));
    const any = score.perCategory.find((c) => c.category === 'any')!;
    expect(any.tp + any.fp + any.fn).toBeGreaterThan(0);
  });
});
