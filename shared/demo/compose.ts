/** Choosing and wording fragments for the demo texts. */
import { CODEBOOK_TEMPLATES, type TemplateCode } from '../coding/templates';
import { OFFENCE_AFFINITY, SPOKEN_PREFIXES, type Contact, type Fragment, type Offence, type Tone } from './fragments';
import { expand, lowerFirst, pick, pickWeighted, type Rng } from './text';

export type Mood = 'pos' | 'neg' | 'mixed';

const STARTER = CODEBOOK_TEMPLATES[0]!;

/** Theme name of every code name in the starter codebook (a theme maps to itself). */
export const THEME_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const walk = (codes: TemplateCode[], theme: string | undefined) => {
    for (const c of codes) {
      const t = theme ?? c.name;
      m.set(c.name, t);
      if (c.children) walk(c.children, t);
    }
  };
  walk(STARTER.codes, undefined);
  return m;
})();

export function themeOf(codeName: string): string {
  const t = THEME_OF.get(codeName);
  if (!t) throw new Error(`demo text refers to unknown code "${codeName}"`);
  return t;
}

const FRAGMENT_THEME = new WeakMap<Fragment, string>();
/** The theme of a fragment's first code (cached). */
export function fragmentTheme(fr: Fragment): string {
  let t = FRAGMENT_THEME.get(fr);
  if (t === undefined) {
    t = themeOf(fr.codes[0]!);
    FRAGMENT_THEME.set(fr, t);
  }
  return t;
}

const TONE_WEIGHTS: Record<Mood, Record<Tone, number>> = {
  pos: { p: 3, m: 1, n: 0.25 },
  neg: { p: 0.25, m: 1, n: 3 },
  mixed: { p: 1, m: 1.5, n: 1 },
};

export function toneWeight(s: Tone, mood: Mood): number {
  return TONE_WEIGHTS[mood][s];
}

export function fits(fr: Fragment, offence: Offence, contact?: Contact): boolean {
  if (fr.only && !fr.only.includes(offence)) return false;
  if (fr.via && (!contact || !fr.via.includes(contact))) return false;
  return true;
}

/**
 * Choose an unused spoken fragment for a theme and mood; undefined when the theme has none left.
 * A speaker stays consistent: a positive or negative mood never picks the opposite tone, and
 * `stance` (per speaker) stops a positive and a negative remark on the same code.
 */
export function chooseForTheme(
  bank: readonly Fragment[],
  theme: string,
  mood: Mood,
  offence: Offence,
  used: Set<Fragment>,
  stance: Map<string, Tone>,
  needs: readonly string[],
  rnd: Rng,
): Fragment | undefined {
  const affinity = OFFENCE_AFFINITY[offence];
  const opposite = (t: Tone): Tone | undefined => (t === 'p' ? 'n' : t === 'n' ? 'p' : undefined);
  const fr = pickWeighted(
    bank.filter(
      (x) =>
        !used.has(x) &&
        !x.written &&
        (!x.needs || needs.includes(x.needs)) &&
        fits(x, offence) &&
        fragmentTheme(x) === theme &&
        !(mood === 'pos' && x.s === 'n') &&
        !(mood === 'neg' && x.s === 'p') &&
        !x.codes.some((c) => stance.get(c) === opposite(x.s)),
    ),
    (x) => toneWeight(x.s, mood) * (x.w ?? 1) * (affinity.includes(x.codes[0]!) ? 2 : 1),
    rnd,
  );
  if (fr) {
    used.add(fr);
    if (fr.s !== 'm') for (const c of fr.codes) stance.set(c, fr.s);
  }
  return fr;
}

/** A fragment worded as speech: sometimes with a discourse marker in front. */
export function spoken(fr: Fragment, rnd: Rng): string {
  const s = expand(fr.t, rnd);
  const p = pick(SPOKEN_PREFIXES[fr.s], rnd);
  return p ? p + lowerFirst(s) : s;
}
