import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockIndexAt, chunkBlocks, layoutBlocks, type TextBlock } from '../../../renderer/features/coding/blocks';
import { bucketByBlock, reuseBuckets } from '../../../renderer/features/coding/segments';
import { buildWordIndex } from '../../../renderer/features/coding/useKeyboardSelection';
import { findWords } from '../../../renderer/features/coding/words';

const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n', '😀', 'é'), minLength: 0, maxLength: 400 });

describe('chunking long blocks for the virtualised text pane', () => {
  it('covers each block exactly with chunks no longer than the limit, never splitting a surrogate pair (property)', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 2, max: 60 }), (text, max) => {
        const blocks = layoutBlocks(text, []);
        const chunks = chunkBlocks(text, blocks, max);
        expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(blocks.map((b) => text.slice(b.start, b.end)).join(''));
        for (const c of chunks) {
          expect(c.end - c.start).toBeGreaterThan(0);
          expect(c.end - c.start).toBeLessThanOrEqual(max);
          const before = text.charCodeAt(c.end - 1);
          if (c.end < text.length) expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
        }
        chunks.forEach((c, i) => expect(blockIndexAt(chunks, c.start)).toBe(i));
      }),
    );
  });

  it('prefers line breaks and sentence ends, and marks later chunks as continued', () => {
    const text = 'First sentence here. Second one follows. ' + 'x'.repeat(10) + '\nNext line of words goes on';
    const chunks = chunkBlocks(text, [{ start: 0, end: text.length, speaker: 'Ana' }], 45);
    expect(text.slice(chunks[0]!.start, chunks[0]!.end)).toBe('First sentence here. Second one follows. ');
    expect(chunks[0]!.continued).toBeUndefined();
    expect(chunks.slice(1).every((c) => c.continued && c.speaker === 'Ana')).toBe(true);
    expect(() => chunkBlocks(text, [], 1)).toThrow(/at least 2/);
  });
});

describe('codings indexed by block', () => {
  it('gives each block exactly the spans overlapping it, sorted by start (property)', () => {
    const arb = fc.record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 199 }), { maxLength: 12 }),
      spans: fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ cuts, spans }) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), 200];
        const blocks: TextBlock[] = points.slice(1).map((end, i) => ({ start: points[i]!, end, speaker: null }));
        const list = spans.map(([a, b], i) => ({ id: i, start: Math.min(a, b), end: Math.max(a, b) }));
        const buckets = bucketByBlock(blocks, list);
        blocks.forEach((b, i) => {
          const naive = list.filter((s) => s.end > s.start && s.end > b.start && s.start < b.end);
          expect(new Set(buckets[i]!.map((s) => s.id))).toEqual(new Set(naive.map((s) => s.id)));
          expect(buckets[i]).toHaveLength(naive.length);
          for (let k = 1; k < buckets[i]!.length; k++) expect(buckets[i]![k - 1]!.start).toBeLessThanOrEqual(buckets[i]![k]!.start);
        });
      }),
    );
  });

  it('keeps unchanged buckets identical so memoised blocks skip re-rendering', () => {
    const a = [[{ id: 1 }], [{ id: 2 }]];
    const b = [[{ id: 1 }], [{ id: 2 }, { id: 3 }]];
    const out = reuseBuckets(a, b, (x, y) => x.id === y.id);
    expect(out[0]).toBe(a[0]);
    expect(out[1]).toBe(b[1]);
  });
});

describe('keyboard word index', () => {
  it('finds the same words as findWords, block by block (property)', () => {
    const wordy = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', "'", '.', '\n', '😀', 'é'), maxLength: 200 });
    fc.assert(
      fc.property(wordy, fc.integer({ min: 2, max: 50 }), (text, max) => {
        const blocks = chunkBlocks(text, layoutBlocks(text, []), max);
        const w = buildWordIndex(text, blocks);
        const expected = blocks.flatMap((b) => findWords(text, b.start, b.end));
        expect(w.count).toBe(expected.length);
        expected.forEach((e, i) => {
          expect(w.starts[i]).toBe(e.start);
          expect(w.ends[i]).toBe(e.end);
        });
      }),
    );
  });
});
