import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedactionLog } from '../../../shared/model';
import { detectPii, type PiiFinding } from '../../../shared/privacy/detect';
import { Pseudonymiser, redactText, redactWithOffsetMap, redactionCounts } from '../../../shared/privacy/redact';

const text = 'PC Sarah Jones rang 07700 900123. Later Sarah Jones emailed sj@example.com; Gary Thompson did not.';

describe('redactText', () => {
  it('replaces every finding with a typed placeholder', () => {
    expect(redactText(text, detectPii(text))).toBe('PC [PERSON] rang [PHONE]. Later [PERSON] emailed [EMAIL]; [PERSON] did not.');
  });
  it('pseudonymises people consistently across a batch, ignoring case and spacing', () => {
    const p = new Pseudonymiser();
    const out = redactText(text, detectPii(text), p);
    expect(out).toBe('PC [PERSON 1] rang [PHONE]. Later [PERSON 1] emailed [EMAIL]; [PERSON 2] did not.');
    expect(redactText('Gary Thompson again', detectPii('Gary Thompson again'), p)).toBe('[PERSON 2] again');
    expect(p.size).toBe(2);
  });
  it('treats case and spacing variants of one name as the same person', () => {
    const p = new Pseudonymiser();
    const t = 'SARAH  JONES met Sarah Jones';
    const found: PiiFinding[] = [
      { type: 'person', start: 0, end: 12, confidence: 1 },
      { type: 'person', start: 17, end: 28, confidence: 1 },
    ];
    expect(redactText(t, found, p)).toBe('[PERSON 1] met [PERSON 1]');
  });
  it('keeps no original value where it can be read back', () => {
    const p = new Pseudonymiser();
    redactText(text, detectPii(text), p);
    const visible = JSON.stringify(p) + Object.keys(p).join() + String(p);
    expect(visible).not.toMatch(/sarah|gary|thompson/i);
  });
  it('rejects overlapping or out-of-range findings with a clear message that quotes no text', () => {
    const bad: PiiFinding[] = [
      { type: 'person', start: 3, end: 14, confidence: 1 },
      { type: 'person', start: 9, end: 14, confidence: 1 },
    ];
    expect(() => redactText(text, bad)).toThrow(/finding 2 \(person\) at 9 overlaps/);
    expect(() => redactText('abc', [{ type: 'email', start: 1, end: 9, confidence: 1 }])).toThrow(/outside a text of length 3/);
    try {
      redactText(text, bad);
    } catch (e) {
      expect(String(e)).not.toMatch(/Sarah/);
    }
  });
});

describe('redactWithOffsetMap', () => {
  it('moves speaker-turn offsets with the text', () => {
    const t = 'A: call 07700 900123 now\nB: ok';
    const r = redactWithOffsetMap(t, detectPii(t));
    const turnB = t.indexOf('B:');
    expect(r.text.slice(r.mapOffset(turnB))).toBe('B: ok');
    expect(r.mapOffset(t.length)).toBe(r.text.length);
    expect(r.mapOffset(0)).toBe(0);
  });
  it('is monotone and keeps unredacted characters in place (property)', () => {
    const pieces = fc.constantFrom('Sarah Jones ', 'call 07700 900123 ', 'ok ', 'LS6 2AB ', 'x', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (ps) => {
        const t = ps.join('');
        const found = detectPii(t);
        const r = redactWithOffsetMap(t, found);
        let prev = -1;
        for (let o = 0; o <= t.length; o++) {
          const m = r.mapOffset(o);
          expect(m).toBeGreaterThanOrEqual(prev);
          prev = m;
          const inside = found.some((f) => o >= f.start && o < f.end);
          if (!inside && o < t.length) expect(r.text[m]).toBe(t[o]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('redactionCounts', () => {
  it('counts per type with zeros, fitting RedactionLog.counts', () => {
    const counts = redactionCounts(detectPii(text));
    expect(counts.person).toBe(3);
    expect(counts.phone).toBe(1);
    expect(counts.nhs).toBe(0);
    expect(RedactionLog.shape.counts.safeParse(counts).success).toBe(true);
  });
});
