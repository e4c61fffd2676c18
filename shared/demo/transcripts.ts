/** Interview and focus-group transcripts: "Speaker: utterance" lines with exact speaker turns. */
import type { SpeakerTurn } from '../model';
import { chooseForTheme, spoken, type Mood } from './compose';
import {
  AGREEMENTS,
  CONTACT_OPENERS,
  OPENERS,
  PROBES,
  QUESTIONS,
  SPOKEN_FILLERS,
  SUGGESTIONS,
  SURVEY_FRAGMENTS,
  type Contact,
  type Fragment,
  type Offence,
  type Tone,
} from './fragments';
import { expand, pick, TextBuilder, type Rng, type Segment } from './text';

export interface Persona {
  speaker: string;
  offence: Offence;
  contact: Contact;
  /** Themes to talk about, in order, with how this person feels about each. */
  moods: [theme: string, mood: Mood][];
  /** Needs the person has ('disability', 'interpreter'): fragments about them are only said by such people. */
  needs?: string[];
}

/** What each speaker has already said positively or negatively, per code. */
type Stances = Map<Persona, Map<string, Tone>>;
function stanceOf(stances: Stances, p: Persona): Map<string, Tone> {
  let m = stances.get(p);
  if (!m) stances.set(p, (m = new Map()));
  return m;
}

export interface Transcript {
  text: string;
  turns: SpeakerTurn[];
  segments: Segment[];
}

interface Piece {
  text: string;
  codes: string[];
}

/** Writes "Speaker: …" lines; each turn runs from its line start to the next line start. */
class TranscriptWriter {
  readonly b = new TextBuilder();
  private starts: { speaker: string; start: number }[] = [];

  line(speaker: string, pieces: Piece[]): void {
    if (pieces.length === 0) return;
    if (this.b.length > 0) this.b.raw('\n');
    this.starts.push({ speaker, start: this.b.length });
    this.b.raw(`${speaker}: `);
    for (const p of pieces) this.b.sentence(p.text, p.codes);
  }

  words(): number {
    return this.b.words;
  }

  finish(): Transcript {
    const text = this.b.text();
    const turns = this.starts.map((s, i) => ({ speaker: s.speaker, start: s.start, end: this.starts[i + 1]?.start ?? text.length }));
    return { text, turns, segments: this.b.segments };
  }
}

const plain = (text: string): Piece => ({ text, codes: [] });

/** An answer of `n` coded sentences on a theme, with the occasional uncoded aside. */
function answer(p: Persona, theme: string, mood: Mood, n: number, used: Set<Fragment>, stances: Stances, rnd: Rng): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const fr = chooseForTheme(SURVEY_FRAGMENTS, theme, mood, p.offence, used, stanceOf(stances, p), p.needs ?? [], rnd);
    if (!fr) break;
    out.push({ text: spoken(fr, rnd), codes: fr.codes });
  }
  if (rnd() < 0.45) {
    const aside = plain(pick(SPOKEN_FILLERS, rnd));
    if (rnd() < 0.5) out.unshift(aside);
    else out.push(aside);
  }
  return out;
}

function intro(p: Persona, rnd: Rng): Piece[] {
  return [plain(expand(pick(OPENERS[p.offence], rnd), rnd)), plain(expand(CONTACT_OPENERS[p.contact], rnd)), plain(pick(SPOKEN_FILLERS, rnd))];
}

function suggestion(rnd: Rng, used: Set<Fragment>): Piece {
  const fresh = SUGGESTIONS.filter((s) => !used.has(s));
  const fr = pick(fresh.length ? fresh : SUGGESTIONS, rnd);
  used.add(fr);
  return { text: expand(fr.t, rnd), codes: fr.codes };
}

/** A one-to-one interview of roughly `targetWords` words. */
export function buildInterview(p: Persona, targetWords: number, rnd: Rng): Transcript {
  const w = new TranscriptWriter();
  const used = new Set<Fragment>();
  const stances: Stances = new Map();
  const I = 'Interviewer';
  w.line(I, [
    plain('Thanks for agreeing to talk to me today.'),
    plain('As we said before, you can stop or take a break at any time, and nothing you say will identify you.'),
    plain('Could you start by telling me, in your own words, a little about what happened and how you came to be in touch with the police?'),
  ]);
  w.line(p.speaker, intro(p, rnd));
  const perTheme = targetWords / (p.moods.length + 1);
  for (const [theme, mood] of p.moods) {
    const before = w.words();
    w.line(I, [plain(expand(pick(QUESTIONS[theme] ?? [], rnd), rnd))]);
    w.line(p.speaker, answer(p, theme, mood, 3 + Math.floor(rnd() * 3), used, stances, rnd));
    for (let probes = 0; w.words() - before < perTheme && probes < 4; probes++) {
      const more = answer(p, theme, mood, 2 + Math.floor(rnd() * 2), used, stances, rnd);
      if (!more.some((x) => x.codes.length)) break;
      w.line(I, [plain(pick(PROBES, rnd))]);
      w.line(p.speaker, more);
    }
  }
  w.line(I, [plain('If you could change one thing about how the police dealt with it, what would it be?')]);
  w.line(p.speaker, [suggestion(rnd, used), plain(pick(SPOKEN_FILLERS, rnd))]);
  w.line(I, [plain('Thank you. That\'s really helpful, and thank you for being so open with me.')]);
  w.line(p.speaker, [plain('That\'s okay. I hope it helps someone else.')]);
  return w.finish();
}

const GROUP_PROBES = [
  'Does anyone else want to come in on that?',
  'Is that something others recognise?',
  'Did anyone have a different experience?',
  'What would have made a difference there?',
];

/** A focus group of roughly `targetWords` words; every participant shares the same themes. */
export function buildFocusGroup(people: Persona[], themes: string[], targetWords: number, rnd: Rng): Transcript {
  const w = new TranscriptWriter();
  const used = new Set<Fragment>();
  const stances: Stances = new Map();
  const F = 'Facilitator';
  w.line(F, [
    plain('Welcome, everyone, and thank you for coming.'),
    plain('Just to remind you, nothing said today will identify anyone in what we write up, and you don\'t have to answer anything you\'d rather not.'),
    plain('Let\'s start by going round and saying briefly what brought you into contact with the police.'),
  ]);
  for (const p of people) w.line(p.speaker, [plain(expand(pick(OPENERS[p.offence], rnd), rnd))]);
  const perTheme = targetWords / (themes.length + 1);
  const moodOf = (p: Persona, theme: string): Mood => p.moods.find(([t]) => t === theme)?.[1] ?? 'mixed';
  for (const theme of themes) {
    const before = w.words();
    w.line(F, [plain(expand(pick(QUESTIONS[theme] ?? [], rnd), rnd))]);
    let last: Persona | undefined;
    for (let round = 0; w.words() - before < perTheme && round < 8; round++) {
      if (round > 0 && round % 3 === 0) w.line(F, [plain(pick(GROUP_PROBES, rnd))]);
      const candidates = people.filter((p) => p !== last);
      const p = pick(candidates, rnd);
      const pieces = answer(p, theme, moodOf(p, theme), 2 + Math.floor(rnd() * 2), used, stances, rnd);
      if (!pieces.some((x) => x.codes.length)) continue;
      if (round > 0 && rnd() < 0.5) pieces.unshift(plain(pick(AGREEMENTS, rnd)));
      w.line(p.speaker, pieces);
      last = p;
    }
  }
  w.line(F, [plain('If you could give the force one message from today, what would it be?')]);
  for (const p of people.slice(0, 3)) w.line(p.speaker, [suggestion(rnd, used)]);
  w.line(F, [plain('Thank you all. That has been really valuable, and please do stay for a cup of tea if you\'d like to.')]);
  return w.finish();
}
