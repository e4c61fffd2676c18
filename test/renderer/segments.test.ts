import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentRange } from '../../renderer/features/coding/segments';
import { layoutBlocks } from '../../renderer/features/coding/blocks';

describe('segmentRange', () => {
  it('splits overlapping codings into stacked segments', () => {
    const a = { id: 'a', start: 2, end: 8 };
    const b = { id: 'b', start: 5, end: 12 };
    const segs = segmentRange(0, 15, [a, b]);
    expect(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.id).join('')])).toEqual([
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 8, 'ab'],
      [8, 12, 'b'],
      [12, 15, ''],
    ]);
  });

  it('tiles the range exactly and each segment carries exactly the spans that cover it (property)', () => {
    const span = fc.tuple(fc.nat(60), fc.nat(60)).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), fc.nat(30), fc.nat(40), (spans, from, width) => {
        const to = from + width;
        const segs = segmentRange(from, to, spans);
        if (width === 0) return segs.length === 0;
        expect(segs[0]!.start).toBe(from);
        expect(segs[segs.length - 1]!.end).toBe(to);
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i]!;
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBe(segs[i - 1]!.end);
          for (let p = s.start; p < s.end; p++) {
            const covering = spans.filter((x) => x.start <= p && p < x.end);
            expect(new Set(s.spans)).toEqual(new Set(covering));
          }
        }
        return true;
      }),
    );
  });
});

describe('layoutBlocks', () => {
  it('moves speaker labels to the speaker column and keeps non-blank text between turns', () => {
    const text = 'Intro\nAlex: hello there\n**Sam**: bye\n[00:01:02] Alex – fine\n';
    const turns = [
      { speaker: 'Sam', start: 24, end: 36 },
      { speaker: 'Alex', start: 6, end: 23 },
      { speaker: 'Alex', start: 37, end: text.length - 1 },
    ];
    const shown = layoutBlocks(text, turns).map((b) => [b.speaker, text.slice(b.start, b.end)]);
    expect(shown).toEqual([
      [null, 'Intro'],
      ['Alex', 'hello there'],
      ['Sam', 'bye'],
      ['Alex', 'fine'],
    ]);
  });
  it('shows the whole turn when its label is not at its start', () => {
    const text = 'I said: no';
    expect(layoutBlocks(text, [{ speaker: 'Alex', start: 0, end: 10 }])).toEqual([{ start: 0, end: 10, speaker: 'Alex' }]);
  });
  it('shows a response without turns as one block, and clamps bad turns', () => {
    expect(layoutBlocks('Just text', [])).toEqual([{ start: 0, end: 9, speaker: null }]);
    expect(layoutBlocks('abc', [{ speaker: 'X', start: 1, end: 99 }])).toEqual([
      { start: 0, end: 1, speaker: null },
      { start: 1, end: 3, speaker: 'X' },
    ]);
  });
});
