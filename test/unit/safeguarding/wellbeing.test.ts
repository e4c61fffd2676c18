/** Wellbeing: the break reminder on an injected clock, and which passages content notes fold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreakReminder, DEFAULT_BREAK_SETTINGS, validBreakSettings } from '../../../shared/safeguarding/break-reminder';
import { contentNoteRanges } from '../../../shared/safeguarding/content-notes';

const MIN = 60_000;

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (minutes: number) => (t += minutes * MIN) };
}

/** Activity every `every` minutes for `minutes` minutes. */
function work(r: BreakReminder, c: ReturnType<typeof clock>, minutes: number, every = 1) {
  for (let m = 0; m < minutes; m += every) {
    r.activity();
    c.advance(every);
  }
  r.activity();
}

describe('break reminder', () => {
  it('is due after 50 minutes of continuous activity, not before', () => {
    const c = clock();
    const r = new BreakReminder(DEFAULT_BREAK_SETTINGS, c.now);
    work(r, c, 49);
    expect(r.due()).toBe(false);
    work(r, c, 1);
    expect(r.due()).toBe(true);
  });

  it('a pause of the idle limit counts as a break and starts the count again', () => {
    const c = clock();
    const r = new BreakReminder(DEFAULT_BREAK_SETTINGS, c.now);
    work(r, c, 40);
    c.advance(10);
    work(r, c, 30);
    expect(r.due()).toBe(false);
    work(r, c, 20);
    expect(r.due()).toBe(true);
  });

  it('dismissing it counts a new stretch from then; it is never due when turned off', () => {
    const c = clock();
    const r = new BreakReminder(DEFAULT_BREAK_SETTINGS, c.now);
    work(r, c, 55);
    expect(r.due()).toBe(true);
    r.dismiss();
    expect(r.due()).toBe(false);
    work(r, c, 49);
    expect(r.due()).toBe(false);
    work(r, c, 2);
    expect(r.due()).toBe(true);
    r.configure({ ...DEFAULT_BREAK_SETTINGS, enabled: false });
    expect(r.due()).toBe(false);
  });

  it('follows a configured interval, kept within its allowed range', () => {
    expect(validBreakSettings({ afterMinutes: 2 }).afterMinutes).toBe(10);
    expect(validBreakSettings({ afterMinutes: 1e6 }).afterMinutes).toBe(240);
    expect(validBreakSettings({ afterMinutes: Number.NaN }).afterMinutes).toBe(50);
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 240 }), (after) => {
        const c = clock();
        const r = new BreakReminder(validBreakSettings({ afterMinutes: after }), c.now);
        work(r, c, after - 1);
        const early = r.due();
        work(r, c, 1);
        return !early && r.due();
      }),
      { numRuns: 40 },
    );
  });
});

describe('content notes', () => {
  it('fold a current disclosure and a distressing past account, not ordinary feedback', () => {
    const text = 'The officer was kind. He raped me in 2015. He is still messaging me every day. The station was cold.';
    const folds = contentNoteRanges(text);
    expect(folds.map((f) => text.slice(f.start, f.end))).toEqual(['He raped me in 2015. He is still messaging me every day.']);
    expect(folds[0]!.note).toBe('possible disclosure (ongoing abuse)');
    expect(contentNoteRanges('He raped me in 2015.')[0]!.note).toBe('distressing content');
  });

  it('fold the passage of a stored flag even where the detector finds nothing now', () => {
    const text = 'First part. Second part that a reviewer flagged.';
    const folds = contentNoteRanges(text, [{ start: 12, end: text.length, category: 'child-at-risk' }]);
    expect(folds).toEqual([{ start: 12, end: text.length, note: 'possible disclosure (a child at risk)' }]);
  });

  it('fold nothing in text with no such passage', () => {
    expect(contentNoteRanges('Nobody called me back for three weeks. The website was confusing.')).toEqual([]);
  });

  it('folds are disjoint, ordered and inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('He hit me.', 'I want to die.', 'All fine.', 'He is still coming round.', 'Thanks.'), { maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const folds = contentNoteRanges(text);
        folds.forEach((f, i) => {
          expect(f.start >= 0 && f.end <= text.length && f.end > f.start).toBe(true);
          if (i > 0) expect(folds[i - 1]!.end).toBeLessThan(f.start);
        });
      }),
    );
  });
});
