/** Flag proposals from detector findings: ids and offsets only, kept within a transcript's speaker turn. */
import { describe, expect, it } from 'vitest';
import { detectSafeguarding } from '../../../shared/safeguarding/detect';
import { flagKey, proposalsFor, SafeguardFlag } from '../../../shared/safeguarding/flags';

describe('proposalsFor', () => {
  it('keeps a transcript finding inside the turn holding its cue (the speaker label is not the passage)', () => {
    const text = 'Interviewer: How are things?\nSam: He is still coming to my house.';
    const turns = [
      { start: 13, end: 28 },
      { start: 34, end: text.length },
    ];
    const [p] = proposalsFor('d', detectSafeguarding(text), turns);
    expect(text.slice(p!.start, p!.end)).toBe('He is still coming to my house.');
    const [plain] = proposalsFor('d', detectSafeguarding(text));
    expect(text.slice(plain!.start, plain!.end)).toBe('Sam: He is still coming to my house.');
  });

  it('hold no words of the text, and the same passage has one key', () => {
    const text = 'I want to die.';
    const [p] = proposalsFor('d', detectSafeguarding(text));
    expect(Object.keys(p!).sort()).toEqual(['category', 'cue', 'documentId', 'end', 'start']);
    expect(flagKey(p!)).toBe(flagKey({ ...p!, cue: 'another' } as typeof p & object));
    expect(() => SafeguardFlag.parse({ ...p, id: 'x', projectId: 'y', origin: 'import', status: 'open', createdAt: '2026-01-01', reviewedBy: null, reviewedAt: null })).toThrow();
  });
});
