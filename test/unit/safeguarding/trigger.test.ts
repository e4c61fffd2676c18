/**
 * The safeguarding detector's first pass (TRIGGER, one boundary before one alternation of every
 * anchor's words) must let through exactly the texts some cue's own anchor matches: a text it
 * wrongly skipped would lose a flag, one it wrongly passed would only cost time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUES, TRIGGER } from '../../../shared/safeguarding/lexicon';

/** Words from the anchors themselves (cut from their sources), so random texts often hit or nearly hit one. */
const WORDS = [...new Set(CUES.flatMap((c) => c.anchor.source.replace(/^\\b\(\?:|\)$/g, '').split(/[|()?:\\]+/)).filter((w) => /^[a-z' ]{2,}$/.test(w)))];

const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', '.', ',', "'", '-', 'x', 'un', 'ing', 's', '\n'), fc.string({ maxLength: 4 })), { maxLength: 24 }).map((parts) => parts.join(''));

describe('the safeguarding trigger', () => {
  it('matches exactly where some cue anchor matches', () => {
    expect(WORDS.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(text, (s) => {
        expect(TRIGGER.test(s)).toBe(CUES.some((c) => c.anchor.test(s)));
      }),
      { numRuns: 3000 },
    );
  });

  it('passes a text with a cue word and skips one without', () => {
    expect(TRIGGER.test('he said he would kill me')).toBe(true);
    expect(TRIGGER.test('the officer was kind and the update came on time')).toBe(false);
    // a boundary is needed before the word: "skill" is not "kill"
    expect(TRIGGER.test('a skill')).toBe(CUES.some((c) => c.anchor.test('a skill')));
  });
});
