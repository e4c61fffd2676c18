import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secondCoder } from '../../../shared/demo/coders';
import { THEME_OF } from '../../../shared/demo/compose';
import { PARTNER_FRAGMENTS, SUGGESTIONS, SURVEY_FRAGMENTS } from '../../../shared/demo/fragments';
import { expand, lowerFirst, pickWeighted, TextBuilder, wordCount } from '../../../shared/demo/text';
import { seededRandom } from '../../../shared/model';

const word = fc.stringMatching(/^[a-zA-Z']{1,8}$/);
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('.', '?', '!', ' 🙏')).map(([ws, end]) => ws.join(' ') + end);

describe('expand', () => {
  it('replaces every {a|b} group with one of its options', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.integer(), (groups, seed) => {
        const template = groups.map((g) => `{${g.join('|')}}`).join(' ');
        const out = expand(template, seededRandom(seed));
        expect(out).not.toMatch(/[{}|]/);
        const parts = out.split(' ');
        expect(parts).toHaveLength(groups.length);
        parts.forEach((p, i) => expect(groups[i]).toContain(p));
      }),
    );
  });

  it('supports an empty option to make text optional', () => {
    const seen = new Set<string>();
    const rnd = seededRandom(7);
    for (let i = 0; i < 50; i++) seen.add(expand('a{| b}.', rnd));
    expect(seen).toEqual(new Set(['a.', 'a b.']));
  });
});

describe('TextBuilder', () => {
  it('records each sentence exactly where it lands, in order, and counts words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sentence, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 12 }), (items) => {
        const b = new TextBuilder();
        items.forEach(([s, coded, newLine], i) => {
          if (newLine && i > 0) b.raw('\nP1: ');
          b.sentence(s, coded ? ['Named contact'] : []);
        });
        const text = b.text();
        expect(b.length).toBe(text.length);
        expect(b.words).toBe(wordCount(text));
        expect(b.segments).toHaveLength(items.length);
        b.segments.forEach((seg, i) => {
          expect(text.slice(seg.start, seg.end)).toBe(items[i]![0]);
          if (i > 0) expect(seg.start).toBeGreaterThan(b.segments[i - 1]!.end);
        });
      }),
    );
  });
});

describe('helpers', () => {
  it('lowerFirst keeps "I", acronyms and numbers', () => {
    expect(lowerFirst('My ISVA helped.')).toBe('my ISVA helped.');
    expect(lowerFirst("I'm fine.")).toBe("I'm fine.");
    expect(lowerFirst('I was there.')).toBe('I was there.');
    expect(lowerFirst('ISVA support was good.')).toBe('ISVA support was good.');
    expect(lowerFirst('101 was slow.')).toBe('101 was slow.');
  });

  it('pickWeighted never picks a zero-weight item and gives undefined when nothing can be picked', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 1, maxLength: 10 }), fc.integer(), (ws, seed) => {
        const i = pickWeighted(ws.map((_, k) => k), (k) => ws[k]!, seededRandom(seed));
        if (ws.every((w) => w === 0)) expect(i).toBeUndefined();
        else expect(ws[i!]).toBeGreaterThan(0);
      }),
    );
  });
});

describe('fragment bank', () => {
  it('tags every fragment only with codes from the starter codebook', () => {
    for (const f of [...SURVEY_FRAGMENTS, ...PARTNER_FRAGMENTS, ...SUGGESTIONS]) {
      expect(f.codes.length, f.t).toBeGreaterThan(0);
      for (const c of f.codes) expect(THEME_OF.has(c), `${c} in ${f.t}`).toBe(true);
      expect(f.t.split('{').length, f.t).toBe(f.t.split('}').length);
    }
  });

  it('covers every code of the starter codebook', () => {
    const used = new Set(SURVEY_FRAGMENTS.flatMap((f) => f.codes));
    for (const code of THEME_OF.keys()) expect(used.has(code), code).toBe(true);
  });
});

describe('secondCoder', () => {
  it('only codes inside the text, with known codes, never across a line break it did not start in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sentence, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 10 }), fc.integer(), (items, seed) => {
        const b = new TextBuilder();
        items.forEach(([s, coded, newLine], i) => {
          if (newLine && i > 0) b.raw('\nP1: ');
          b.sentence(s, coded ? ['Chasing for news'] : []);
        });
        const text = b.text();
        for (const s of secondCoder(text, b.segments, seededRandom(seed))) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.start).toBeLessThan(s.end);
          expect(THEME_OF.has(s.code)).toBe(true);
          expect(text.slice(s.start, s.end)).not.toContain('\n');
        }
      }),
    );
  });
});
