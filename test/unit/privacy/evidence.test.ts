/**
 * A name needs evidence (issue #9, real data): a title, a person's role or verb, or a known first
 * name where a name fits. Category values, wards, courses, job titles, departments, organisations
 * and ordinary words are not names. Cases written for these rules (not taken from any labelled set).
 */
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../shared/privacy/detect';
import { speakerLabelNames, nameMentions } from '../../../shared/privacy/speakers';

const people = (text: string): string[] => detectPii(text).filter((f) => f.type === 'person').map((f) => text.slice(f.start, f.end));

describe('not names', () => {
  it.each([
    'PTS - Patient Transport',
    'Client Services - Housing',
    'I was moved from Maple Ward to Aspen Ward after two nights.',
    'Ward 7 and the Discharge Lounge were both short of staff.',
    'She worked as Healthcare Assistant on Ward 7 before the Preceptorship Programme.',
    'Booked onto the Moving and Handling course and the Care Certificate.',
    'Our Ward Manager and the Clinical Lead both signed it off.',
    'The Chelsea Practice is always friendly.',
    'I had my bloods taken at Kensington Park Medical Centre.',
    'Had a scan at the hospital in Chelsea last week.',
    'Waited ages to see the nurse Dressing was changed without any pain.',
    'THE LADY CHECKED MY HAND AND SAID TO COME BACK',
    'Top Marks for the reception team, Access Request forms were easy.',
  ])('%s', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('names with evidence', () => {
  it.each([
    ['MS ANNA-LOUISE MARSH-REESE (affirmed)', ['ANNA-LOUISE MARSH-REESE']],
    ['MR JONES: No further questions.', ['JONES']],
    ['THANK YOU DR OKONKWO FOR EVERYTHING', ['OKONKWO']],
    ['Dr Younger listened and explained the results.', ['Younger']],
    ['The receptionist Tamsin sorted it out in minutes.', ['Tamsin']],
    ['the nurse Myra was kind and quick', ['Myra']],
    ['Thanks to Lucy Knight, Lead Nurse, for the follow-up.', ['Lucy Knight']],
    ['Client is Sioned Morgan-Hughes, please call back.', ['Sioned Morgan-Hughes']],
    ['Saw Sarah at the front desk and she booked me in.', ['Sarah']],
  ])('%s', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });
});

describe('words in capitals', () => {
  it('a hyphenated word of single capitals ends (it once recursed forever)', () => {
    expect(people('A-A B-B-B MR A-A')).toEqual([]);
  });
});

describe('tuned on the real-feedback dev set (patterns, not its names)', () => {
  it.each([
    ['My doctors dr Okonjo and dr tembe are both excellent', ['Okonjo', 'tembe']],
    ['Stuff doctor kamvori and the nurses always helpful', ['kamvori']],
    ['The doctor wasn t there and the doctor prodemonstrated nothing', []],
    ['Drs Adeyemi and Castellanos are very thorough', ['Adeyemi', 'Castellanos']],
    ['The doctor Baker I saw was very professional', ['Baker']],
    ['Thankfully Sunny fixed the problem', ['Sunny']],
    ['Appointment in May was very quick', []],
    ['Great care from Roxanna Din in the clinic', ['Roxanna Din']],
    ['Reception smiled Physiotherapist Tobenna engaged helpful', ['Tobenna']],
    ['He was referred to Chelsea and Westminster for a scan', []],
    ['Still waiting on Parkinson s medicines review', []],
  ])('%s', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });
});

describe('speaker labels', () => {
  it('a label is a name slot: bare names count, roles and ids do not', () => {
    const names = (l: string) => speakerLabelNames(l).filter((f) => f.type === 'person').map((f) => l.slice(f.start, f.end));
    expect(names('Ms Nield')).toEqual(['Nield']);
    expect(names('Nield')).toEqual(['Nield']);
    expect(names('MR JONES')).toEqual(['JONES']);
    expect(names('Tariq Okafor-Bell')).toEqual(['Tariq Okafor-Bell']);
    expect(names('Sister Bernadette')).toEqual(['Bernadette']);
    for (const role of ['Interviewer', 'Interviewer 1', 'Participant 3', 'P3', 'INT', 'Facilitator', 'The Chair', 'Chair', 'Q', 'RESPONDENT', 'Unknown Speaker']) expect(names(role), role).toEqual([]);
  });

  it('mentions: the name as written, in capitals or title case, and its surname after a title', () => {
    const text = 'Anna-Louise Marsh-Reese spoke. MS ANNA-LOUISE MARSH-REESE (affirmed). Thank you, Ms Marsh-Reese. Marsh-Reeses are not her.';
    expect(nameMentions(text, 'Anna-Louise Marsh-Reese').map((m) => text.slice(m.start, m.end))).toEqual(['Anna-Louise Marsh-Reese', 'ANNA-LOUISE MARSH-REESE', 'Marsh-Reese']);
    expect(nameMentions('Nield said; NIELD; Nielding', 'Nield')).toHaveLength(2);
    // never in lower case: a speaker called Will does not take every "will"
    expect(nameMentions('Will: I will ring. WILL said so.', 'Will').map((m) => m.start)).toEqual([0, 19]);
  });
});
