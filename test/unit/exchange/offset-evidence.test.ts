import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQdpxWithWarnings } from '../../../shared/exchange/qdpx';
import { onWordBoundary, selectionMapper } from '../../../shared/exchange/text-offsets';
import { EMOJI_FEEDBACK, refiProject, wordSpans, type Convention, type IntendedSpan } from './offset-fixtures';

const landed = (r: ReturnType<typeof readQdpxWithWarnings>) => {
  const doc = r.bundle.documents[0]!;
  return r.bundle.codings.map((c) => doc.text.slice(c.start, c.end));
};

describe('offset convention decided per source from evidence', () => {
  const words = wordSpans(EMOJI_FEEDBACK);
  const intended = words.map((s) => EMOJI_FEEDBACK.slice(s.start, s.end));

  it('the fixture text is LF-only, has astral characters, and most words sit after one', () => {
    expect(EMOJI_FEEDBACK).not.toMatch(/\r/);
    expect([...EMOJI_FEEDBACK].length).toBeLessThan(EMOJI_FEEDBACK.length - 20);
    expect(words.length).toBeGreaterThan(60);
  });

  it('UTF-16 offsets on LF text (NVivo 12 for Mac): every coding lands on its word, and the report says UTF-16', () => {
    const r = readQdpxWithWarnings(refiProject(EMOJI_FEEDBACK, words, 'UTF-16 units', 'NVivo 12.7 (Mac)'));
    expect(landed(r)).toEqual(intended);
    expect(r.warnings).toEqual([expect.stringMatching(new RegExp(`read as UTF-16 units: ${words.length} of ${words.length} selections start and end on word boundaries, against \\d+ .*as code points`))]);
  });

  it('the same UTF-16 offsets from a tool that does not say it is NVivo are recovered too', () => {
    const r = readQdpxWithWarnings(refiProject(EMOJI_FEEDBACK, words, 'UTF-16 units'));
    expect(landed(r)).toEqual(intended);
    expect(r.warnings.join('\n')).toMatch(/read as UTF-16 units/);
  });

  it('code-point offsets (the standard) over the same text land on their words, noted with the evidence', () => {
    for (const origin of ['ATLAS.ti', 'NVivo 14']) {
      const r = readQdpxWithWarnings(refiProject(EMOJI_FEEDBACK, words, 'code points', origin));
      expect(landed(r), origin).toEqual(intended);
      expect(r.warnings, origin).toEqual([]);
      expect(r.notes, origin).toEqual([expect.stringMatching(new RegExp(`read as code points \\(the REFI-QDA standard\\): ${words.length} of ${words.length} selections`))]);
    }
  });

  it('phrases across emoji, and a CRLF copy of the text counted either way, land right', () => {
    const phrases: IntendedSpan[] = [];
    for (let i = 0; i + 2 < words.length; i += 3) phrases.push({ start: words[i]!.start, end: words[i + 2]!.end });
    for (const conv of ['UTF-16 units', 'code points'] as Convention[]) {
      const r = readQdpxWithWarnings(refiProject(EMOJI_FEEDBACK, phrases, conv));
      expect(landed(r), conv).toEqual(phrases.map((p) => EMOJI_FEEDBACK.slice(p.start, p.end)));
    }
    const crlf = EMOJI_FEEDBACK.replace(/\n/g, '\r\n');
    const crlfWords = wordSpans(crlf);
    for (const conv of ['UTF-16 units', 'code points'] as Convention[]) {
      const r = readQdpxWithWarnings(refiProject(crlf, crlfWords, conv));
      expect(landed(r), conv).toEqual(crlfWords.map((s) => crlf.slice(s.start, s.end)));
    }
  });

  it('text without astral characters or CRLF: one reading, nothing to report', () => {
    const text = 'Plain words only\nsecond line';
    const r = readQdpxWithWarnings(refiProject(text, wordSpans(text), 'UTF-16 units'));
    expect(landed(r)).toEqual(['Plain', 'words', 'only', 'second', 'line']);
    expect([...r.warnings, ...r.notes]).toEqual([]);
  });

  it('a tie on word boundaries goes to the reading whose selections have no white space at either end', () => {
    // (found by the property below) only the third selection tells the readings apart: as code
    // points it would end after the final space, and both readings end it on a boundary
    const text = 'aaa aaa aaa aaa aaa aaa aaa 𠀋aaa ';
    const sels = [{ start: 0, end: 3 }, { start: 0, end: 3 }, { start: 24, end: 33 }, { start: 0, end: 3 }];
    const r = readQdpxWithWarnings(refiProject(text, sels, 'UTF-16 units'));
    expect(landed(r)).toEqual(['aaa', 'aaa', 'aaa 𠀋aaa', 'aaa']);
    expect(r.warnings.join(' ')).toMatch(/read as UTF-16 units: 4 of 4 selections start and end on word boundaries, against 4 as code points[^;]*; of those, 4 neither begin nor end with white space, against 3 as code points/);
  });

  it('onWordBoundary: inside a word or a surrogate pair is not a boundary', () => {
    const t = 'ab 😀c';
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => onWordBoundary(t, p))).toEqual([true, false, true, true, false, true, true]);
  });

  // Random feedback: words of 3–9 letters (some with astral letters), separated by spaces,
  // punctuation, emoji and LF; selections are random runs of whole words.
  const word = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé', '𝐀', '𠀋'), { minLength: 3, maxLength: 9 })
    .map((cs) => cs.join(''));
  const sep = fc.constantFrom(' ', ' ', ', ', '. ', '\n', ' 😀 ', '🙏', ' 👩‍👧 ', '🇬🇧 ', ' 🤷🏽‍♀️, ');
  const feedback = fc
    .array(fc.tuple(word, sep), { minLength: 8, maxLength: 60 })
    .map((parts) => parts.map(([w, s]) => w + s).join('').normalize('NFC'))
    .chain((text) => {
      const ws = wordSpans(text);
      const sel = fc
        .tuple(fc.nat(ws.length - 1), fc.nat(3))
        .map(([i, n]) => ({ start: ws[i]!.start, end: ws[Math.min(ws.length - 1, i + n)]!.end }));
      return fc.tuple(fc.constant(text), fc.array(sel, { minLength: 4, maxLength: 40 }));
    });

  it('property: the convention is recovered for random astral-rich texts and word-aligned selections', () => {
    fc.assert(
      fc.property(feedback, fc.constantFrom<Convention>('UTF-16 units', 'code points'), ([text, sels], conv) => {
        const r = readQdpxWithWarnings(refiProject(text, sels, conv));
        expect(landed(r)).toEqual(sels.map((s) => text.slice(s.start, s.end)));
        // when the two readings differ for some selection, the report names the right one
        const m = selectionMapper(text, sels.map((s): [number, number] => (conv === 'UTF-16 units' ? [s.start, s.end] : [cp(text, s.start), cp(text, s.end)])));
        if (m.evidence.length > 0) expect(m.mode).toBe(conv === 'UTF-16 units' ? 'normalised UTF-16 units' : 'normalised code points');
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

const cp = (text: string, o: number) => [...text.slice(0, o)].length;
