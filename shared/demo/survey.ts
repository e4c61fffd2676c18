/** Free-text survey responses with respondent attributes, composed from the fragment bank. */
import { fits, fragmentTheme, toneWeight, type Mood } from './compose';
import { CLOSERS, CONTACT_OPENERS, OFFENCE_AFFINITY, OPENERS, SURVEY_FRAGMENTS, type Contact, type Fragment, type Offence } from './fragments';
import { expand, pick, pickWeighted, TextBuilder, wordCount, type Rng, type Segment } from './text';

export const AGE_BANDS = ['16–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const;
export const GENDERS = ['Female', 'Male', 'Non-binary', 'Prefer not to say'] as const;
export const DISABILITY = ['Yes', 'No', 'Prefer not to say'] as const;
export const AREAS = ['Northshire North', 'Northshire South', 'Riverside', 'Eastmoor', 'Coastal'] as const;

export const SURVEY_QUESTION = 'What could we have done better?';
export const MIN_WORDS = 20;
export const MAX_WORDS = 120;

export interface SurveyResponse {
  recordId: string;
  date: string;
  quarter: 'Q4' | 'Q1';
  offence: Offence;
  contact: Contact;
  ageBand: string;
  gender: string;
  disability: string;
  area: string;
  text: string;
  segments: Segment[];
}

function weighted<T extends string>(entries: [T, number][], rnd: Rng): T {
  return pickWeighted(entries, (e) => e[1], rnd)![0];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const Q4_START = Date.UTC(2025, 9, 1);
const Q1_START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function respondent(rnd: Rng) {
  const offence = weighted<Offence>([['da', 28], ['rasso', 18], ['stalk', 14], ['cse', 5], ['burg', 15], ['hate', 10], ['assault', 10]], rnd);
  const cw: Record<Contact, number> = { '999': 2, '101': 3, online: 2, person: 1, third: 0.7 };
  if (offence === 'da') Object.assign(cw, { '999': 4, third: 1.5 });
  if (offence === 'burg') Object.assign(cw, { online: 4, '999': 0.6 });
  if (offence === 'rasso') Object.assign(cw, { person: 2, third: 1.5, '999': 1 });
  if (offence === 'cse') Object.assign(cw, { third: 3, '999': 0.5 });
  const contact = weighted(Object.entries(cw) as [Contact, number][], rnd);
  const ageW = offence === 'cse' ? [4, 2, 0.3, 0.2, 0, 0] : offence === 'burg' ? [0.5, 1.5, 2, 2, 2.5, 2.5] : [1.5, 2.5, 2.2, 1.8, 1.2, 1];
  const ageBand = weighted(AGE_BANDS.map((a, i): [string, number] => [a, ageW[i]!]), rnd);
  const gendered = offence === 'da' || offence === 'rasso' || offence === 'stalk' || offence === 'cse';
  const gender = weighted<string>(gendered ? [['Female', 80], ['Male', 14], ['Non-binary', 3], ['Prefer not to say', 3]] : [['Female', 45], ['Male', 50], ['Non-binary', 2], ['Prefer not to say', 3]], rnd);
  const disability = weighted<string>([['Yes', 22], ['No', 70], ['Prefer not to say', 8]], rnd);
  const area = weighted<string>([['Northshire North', 25], ['Northshire South', 20], ['Riverside', 25], ['Eastmoor', 18], ['Coastal', 12]], rnd);
  const quarter: 'Q4' | 'Q1' = rnd() < 0.5 ? 'Q4' : 'Q1';
  const ms = quarter === 'Q4' ? Q4_START + Math.floor(rnd() * 92) * DAY : Q1_START + Math.floor(rnd() * 90) * DAY;
  const mood = weighted<Mood>([['pos', 30], ['neg', 40], ['mixed', 30]], rnd);
  return { offence, contact, ageBand, gender, disability, area, quarter, date: isoDay(ms), mood };
}

const INDICES = SURVEY_FRAGMENTS.map((_, i) => i);
const UPDATE_CODES = ['Proactive updates', 'Named contact'];

/** How likely a fragment is for this respondent: tone, offence, disability and (for change over time) quarter. */
function weightFor(fr: Fragment, r: ReturnType<typeof respondent>): number {
  if (!fits(fr, r.offence, r.contact)) return 0;
  let w = toneWeight(fr.s, r.mood) * (fr.w ?? 1);
  if (OFFENCE_AFFINITY[r.offence].includes(fr.codes[0]!)) w *= 3;
  if (fr.needs === 'disability') w *= r.disability === 'Yes' ? 10 : r.disability === 'No' ? 0 : 0.5;
  const updates = fr.codes.some((c) => UPDATE_CODES.includes(c));
  if (updates && fr.s === 'p') w *= r.quarter === 'Q1' ? 3 : 0.5;
  if (fr.codes.includes('Chasing for news')) w *= r.quarter === 'Q1' ? 0.5 : 1.5;
  return w;
}

function compose(r: ReturnType<typeof respondent>, rnd: Rng): { text: string; segments: Segment[] } {
  const lead: string[] = [];
  if (r.mood === 'pos' && rnd() < 0.3) lead.push(expand('{Nothing really|Honestly, not much|Very little}.', rnd));
  if (rnd() < 0.55) lead.push(expand(pick(OPENERS[r.offence], rnd), rnd));
  if (rnd() < 0.35) lead.push(expand(CONTACT_OPENERS[r.contact], rnd));
  const tail = rnd() < 0.25 ? [expand(pick(CLOSERS, rnd), rnd)] : [];

  const coded: { text: string; codes: string[]; words: number }[] = [];
  const usedCodes = new Set<string>();
  // unless the respondent is in two minds, no praise and complaint about the same theme
  const themeTone = new Map<string, string>();
  const clashes = (x: Fragment) => r.mood !== 'mixed' && x.s !== 'm' && (themeTone.get(fragmentTheme(x)) ?? x.s) !== x.s;
  const leadWords = () => lead.reduce((n, s) => n + wordCount(s), 0);
  let fixed = leadWords() + tail.reduce((n, s) => n + wordCount(s), 0);
  let codedWords = 0;
  const want = 3 + Math.floor(rnd() * 5);
  const base = SURVEY_FRAGMENTS.map((x) => weightFor(x, r));
  for (let guard = 0; guard < 40 && (coded.length < want || fixed + codedWords < MIN_WORDS); guard++) {
    const i = pickWeighted(INDICES, (k) => (usedCodes.has(SURVEY_FRAGMENTS[k]!.codes[0]!) || clashes(SURVEY_FRAGMENTS[k]!) ? 0 : base[k]!), rnd);
    const fr = i === undefined ? undefined : SURVEY_FRAGMENTS[i];
    if (!fr) break;
    usedCodes.add(fr.codes[0]!);
    if (fr.s !== 'm') themeTone.set(fragmentTheme(fr), fr.s);
    const text = expand(fr.t, rnd);
    const words = wordCount(text);
    coded.push({ text, codes: fr.codes, words });
    codedWords += words;
  }
  while (fixed + codedWords > MAX_WORDS && (coded.length > 1 || lead.length > 0)) {
    if (lead.length > 0) fixed -= wordCount(lead.shift()!);
    else codedWords -= coded.pop()!.words;
  }
  const b = new TextBuilder();
  for (const s of lead) b.sentence(s, []);
  for (const c of coded) b.sentence(c.text, c.codes);
  for (const s of tail) b.sentence(s, []);
  return { text: b.text(), segments: b.segments };
}

/** `n` responses, numbered 0001… in date order. */
export function buildSurveyResponses(n: number, rnd: Rng): SurveyResponse[] {
  const people = Array.from({ length: n }, () => respondent(rnd));
  people.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return people.map((r, i) => {
    const { text, segments } = compose(r, rnd);
    return {
      recordId: String(i + 1).padStart(4, '0'),
      date: r.date,
      quarter: r.quarter,
      offence: r.offence,
      contact: r.contact,
      ageBand: r.ageBand,
      gender: r.gender,
      disability: r.disability,
      area: r.area,
      text,
      segments,
    };
  });
}
