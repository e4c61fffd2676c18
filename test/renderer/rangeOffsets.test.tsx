import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { render } from '@testing-library/react';
import { TextPane } from '../../renderer/features/coding/TextPane';
import { layoutBlocks } from '../../renderer/features/coding/blocks';
import { offsetToPoint, pointToOffset, rangeToOffsets } from '../../renderer/features/coding/rangeOffsets';
import type { ShownCoding } from '../../renderer/features/coding/types';
import type { SpeakerTurn } from '../../shared/model';

function coding(id: string, start: number, end: number): ShownCoding {
  return { id, start, end, codeId: 'code-' + id, codeName: 'Code ' + id, colour: '#0072B2', coderName: 'You', coderInitials: 'Y' };
}

function renderPane(text: string, turns: SpeakerTurn[], codings: ShownCoding[]) {
  const { container } = render(
    <TextPane text={text} turns={turns} codings={codings} selection={null} onSelect={() => {}} onRequestCode={() => {}} />,
  );
  return container.querySelector('.text-pane')!;
}

/** A transcript of `Name: words` lines with exact turns, from random utterances. */
const transcript = fc
  .array(
    fc.tuple(
      fc.constantFrom('Interviewer', 'P1', 'Ana'),
      fc.string({ unit: fc.constantFrom('a', 'é', ' ', '😀', '<', '\n', '’', 'x'), minLength: 1, maxLength: 30 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => {
    let text = '';
    const turns: SpeakerTurn[] = [];
    for (const [speaker, said] of lines) {
      if (text) text += '\n';
      const start = text.length;
      text += `${speaker}: ${said}`;
      turns.push({ speaker, start, end: text.length });
    }
    return { text, turns };
  });

describe('DOM range → text offsets', () => {
  it('maps any selection inside the rendered turns back to the same substring (property)', () => {
    fc.assert(
      fc.property(transcript, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), fc.nat(), fc.nat(), ({ text, turns }, raw, x, y) => {
        const codings = raw.flatMap(([a, b], i) => {
          const s = a % (text.length + 1);
          const e = b % (text.length + 1);
          return s === e ? [] : [coding(String(i), Math.min(s, e), Math.max(s, e))];
        });
        const root = renderPane(text, turns, codings);
        // Offsets that are actually rendered (utterances, not the labels moved to the speaker column).
        const shown = layoutBlocks(text, turns).filter((b) => b.end > b.start).flatMap((b) => Array.from({ length: b.end - b.start + 1 }, (_, k) => b.start + k));
        if (shown.length === 0) return true;
        const p = shown[x % shown.length]!;
        const q = shown[y % shown.length]!;
        const [lo, hi] = [Math.min(p, q), Math.max(p, q)];
        const a = offsetToPoint(root, lo)!;
        const b = offsetToPoint(root, hi)!;
        const range = document.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        const mapped = rangeToOffsets(root, range);
        if (lo === hi) expect(mapped).toBeNull();
        else {
          expect(mapped).toEqual({ start: lo, end: hi });
          expect(text.slice(mapped!.start, mapped!.end)).toBe(text.slice(lo, hi));
          // Within one turn, what the browser would copy is exactly that substring.
          const sameBlock = layoutBlocks(text, turns).some((bl) => bl.start <= lo && hi <= bl.end);
          if (sameBlock) expect(range.toString()).toBe(text.slice(lo, hi));
        }
        root.parentElement!.remove();
        return true;
      }),
      { numRuns: 150 },
    );
  }, 30_000); // 150 renders under jsdom: seconds on a loaded machine

  it('maps points outside text segments (speaker label, block element) to the next text', () => {
    const text = 'Alex: hello there\nSam: bye';
    const root = renderPane(text, [
      { speaker: 'Alex', start: 0, end: 17 },
      { speaker: 'Sam', start: 18, end: 26 },
    ], []);
    const labels = root.querySelectorAll('.turn__speaker');
    expect(labels[1]!.textContent).toBe('Sam');
    expect(pointToOffset(root, labels[1]!.firstChild!, 1)).toBe(text.indexOf('bye'));
    expect(pointToOffset(root, root, root.childNodes.length)).toBe(text.length);
    const range = document.createRange();
    range.setStart(labels[0]!, 0);
    range.setEnd(root.querySelectorAll('.turn')[1]!, 0);
    expect(rangeToOffsets(root, range)).toEqual({ start: text.indexOf('hello'), end: text.indexOf('bye') });
    expect(pointToOffset(root, document.body, 0)).toBeNull();
  });
});
