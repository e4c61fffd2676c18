/** The safeguarding detector: current risk found, past events, police process and negations set aside, offsets exact. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSafeguarding, detectSafeguarding, normaliseForCues, sentenceSpans, type SafeguardCategory } from '../../../shared/safeguarding/detect';

const categories = (text: string) => [...new Set(detectSafeguarding(text).map((f) => f.category))].sort();
const why = (text: string) => analyseSafeguarding(text).suppressed.map((s) => s.why);

describe('current risk versus the past', () => {
  it.each<[string, string, SafeguardCategory[]]>([
    ['closed case', 'He used to hit me but the case is closed and he lives abroad.', []],
    ['still coming', 'He used to hit me, and he is still coming to my house.', ['ongoing-abuse']],
    ['years ago', 'Years ago he threatened to kill me.', []],
    ['last night', 'He threatened to kill me last night.', ['threat-to-life']],
    ['prison', 'He threatened to kill me in 2018 and he is now in prison.', []],
    ['released', 'Since he was released he has been threatening to kill me.', ['ongoing-abuse', 'threat-to-life']],
    ['suicidal then', 'I was suicidal back then but I am doing better now.', []],
    ['suicidal now', "I'm feeling suicidal again and nobody has called me.", ['self-harm']],
    ['child past', 'He abused my daughter when she was little and he was convicted.', []],
    ['child now', 'He is still hurting my son when he has him at weekends.', ['child-at-risk']],
  ])('%s', (_, text, expected) => {
    expect(categories(text)).toEqual(expected);
  });

  it('says which marker placed a cue in the past', () => {
    const a = analyseSafeguarding('Years ago he threatened to kill me.');
    expect(a.suppressed).toContainEqual(expect.objectContaining({ cue: 'threatened-to-kill', why: 'past', marker: 'ago' }));
  });

  it('a past-tense threat counts when the next sentence says it goes on', () => {
    expect(categories('He threatened to kill me. He is still out there and I have been told nothing.')).toEqual(['threat-to-life']);
    // a threat to kill told in the past tense, with nothing saying it is over, is still shown (less sure)
    const told = detectSafeguarding('He threatened to kill me. The officer still has not called me back.');
    expect(told.map((f) => f.category)).toEqual(['threat-to-life']);
    expect(told[0]!.reason).toContain('nothing saying it is over');
    expect(told[0]!.confidence).toBeLessThan(detectSafeguarding('He threatened to kill me last night.')[0]!.confidence);
  });

  it('a grave act told in the past is set aside when this sentence or the next places it in the past', () => {
    expect(categories('He threatened to burn the house down. That was in 2015 and he died in 2020.')).toEqual([]);
    expect(categories('I took an overdose when I was nineteen, long before any of this, and I am well now.')).toEqual([]);
    expect(categories('He threatened to burn the house down with us in it and the officer just wrote it down.')).toEqual(['threat-to-life']);
    expect(categories('I took too many tablets last week and ended up in A&E.')).toEqual(['self-harm']);
  });

  it('reads ordinary phrasings, each with its cue named', () => {
    const cases: [string, string, string][] = [
      ['He said hed finish me if I went to the police. Now I dont sleep.', 'threat-to-life', 'would-kill'],
      ["Some days there is no point being here.", 'self-harm', 'no-point-being-here'],
      ['My daughter sees him hit me.', 'child-at-risk', 'child-witnesses'],
      ['He still has the kids every weekend and they come back with bruises.', 'child-at-risk', 'child-injured'],
      ['He tracks my phone and reads all my emails.', 'ongoing-abuse', 'monitoring'],
      ['He controls all my money.', 'ongoing-abuse', 'money-control'],
      ['my ex wont stop txting me', 'ongoing-abuse', 'still-does-it'],
    ];
    for (const [text, category, cue] of cases) {
      const f = detectSafeguarding(text).filter((x) => x.category === category);
      expect(f.map((x) => x.cue), text).toContain(cue);
      expect(f[0]!.reason, text).toContain(`“${cue}”`);
    }
    // everyday uses of the same words
    for (const text of ['My mum controls all the money in our house and always has.', 'I could not go on holiday because of the bail dates.', 'He got my daughter a bike for her birthday.', 'My kids were a great support to me during the trial.']) {
      expect(detectSafeguarding(text), text).toEqual([]);
    }
  });
});

describe('police process, negation and idiom', () => {
  it.each([
    'The officer asked whether I was suicidal, which I appreciated.',
    'He was charged with threats to kill me and the trial is next year.',
    'They asked if he is still contacting me.',
  ])('process: %s', (text) => {
    expect(detectSafeguarding(text)).toEqual([]);
    expect(why(text)).toContain('process');
  });

  it.each(["I'm not suicidal, I just want answers.", 'He never threatened to kill me.'])('negated: %s', (text) => {
    expect(detectSafeguarding(text)).toEqual([]);
    expect(why(text)).toContain('negated');
  });

  it.each(['It was killing me waiting for news.', "I'm dying to know the outcome.", 'Great communication skills.', 'He is following up with a referral.'])('idiom: %s', (text) => {
    expect(detectSafeguarding(text)).toEqual([]);
  });
});

describe('findings', () => {
  it('point at the sentence and the cue, with the cue named in the reason', () => {
    const text = 'The call handler was kind. My ex is still messaging me every night. Thanks.';
    const [f, ...rest] = detectSafeguarding(text);
    expect(rest).toEqual([]);
    expect(f!.category).toBe('ongoing-abuse');
    expect(text.slice(f!.start, f!.end)).toBe('My ex is still messaging me every night.');
    expect(text.slice(f!.cueStart, f!.cueEnd)).toBe('My ex is still messaging');
    expect(f!.reason).toContain('still-contacting');
    expect(f!.confidence).toBeGreaterThan(0.5);
  });

  it('one finding per category per sentence, several categories where several apply', () => {
    const text = 'He broke the restraining order again last week, I am scared he will kill me and I worry for my children.';
    expect(categories(text)).toEqual(['child-at-risk', 'ongoing-abuse', 'threat-to-life']);
    expect(detectSafeguarding(text)).toHaveLength(3);
  });

  it('read curly apostrophes and apostrophes exported as spaces', () => {
    expect(categories('I don’t want to be here anymore.')).toEqual(['self-harm']);
    expect(categories('I don t want to be here anymore')).toEqual(['self-harm']);
  });

  it('keep offsets in text whose characters change length when lower-cased', () => {
    const text = 'İİ He is still turning up at my flat.';
    const [f] = detectSafeguarding(text);
    expect(text.slice(f!.cueStart, f!.cueEnd)).toBe('He is still turning up');
  });
});

describe('properties', () => {
  const risky = fc.constantFrom('He is still coming to my house.', 'I want to die.', 'The kids are not safe with him.', 'He says he will kill me.', 'It went well.', 'He used to hit me.');
  const filler = fc.stringMatching(/^[A-Za-z ,.'\n]{0,40}$/);
  it('every finding lies within the text, its cue inside its sentence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(risky, filler), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        for (const f of detectSafeguarding(text)) {
          expect(0 <= f.start && f.start <= f.cueStart && f.cueStart < f.cueEnd && f.cueEnd <= f.end && f.end <= text.length).toBe(true);
        }
      }),
    );
  });
  it('normalising keeps the length; sentences are ordered and disjoint', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(normaliseForCues(text)).toHaveLength(text.length);
        const spans = sentenceSpans(text);
        spans.forEach((s, i) => expect(s.end > s.start && (i === 0 || spans[i - 1]!.end <= s.start)).toBe(true));
      }),
    );
  });
  it('a disclosure is found wherever it sits among other sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<string>('The officer was kind.', 'I waited an hour.', 'Nobody rang back.'), { maxLength: 5 }), fc.nat(5), (others, at) => {
        const parts = [...others];
        parts.splice(Math.min(at, parts.length), 0, 'My ex keeps turning up at my work.');
        expect(categories(parts.join(' '))).toEqual(['ongoing-abuse']);
      }),
    );
  });
});
