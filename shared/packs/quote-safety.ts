/**
 * Whether a quote may go into a pack. For the public pack a quote must (1) have been confirmed safe
 * to publish by a person, (2) pass the import gate's personal-data detector again (the text may
 * have changed, and the detector may have learnt more since), and (3) not come from a participant
 * whose combination of attributes is shared by fewer than N participants — unless a person
 * confirmed it having seen that warning. Internal packs need (2) only.
 */
import type { AttributeValue, PiiType, Variable } from '../model/entities';
import { detectPii } from '../privacy/detect';
import { fewerThan } from '../privacy/suppress';
import type { PackQuoteInput } from './input';

const PII_WORDS: Record<PiiType, string> = {
  email: 'an email address',
  url: 'a web address',
  handle: 'a social media handle',
  phone: 'a phone number',
  postcode: 'a postcode',
  nino: 'a National Insurance number',
  nhs: 'an NHS number',
  dob: 'a date of birth',
  vehicle: 'a vehicle registration',
  reference: 'a reference number',
  address: 'an address',
  person: 'a person’s name',
};

/** Plain-English names of the personal data the detector finds in `text` (empty when none). */
export function personalDataIn(text: string): string[] {
  return [...new Set(detectPii(text).map((f) => PII_WORDS[f.type]))];
}

const same = (a: AttributeValue | undefined, b: AttributeValue | undefined) => (a ?? null) === (b ?? null);

/** How many participants share every one of `attrs` (the participant included). */
export function sharedBy(attrs: Record<string, AttributeValue>, population: ReadonlyArray<Record<string, AttributeValue>>): number {
  const keys = Object.keys(attrs).filter((k) => attrs[k] !== null && attrs[k] !== '');
  if (keys.length === 0) return population.length;
  return population.filter((p) => keys.every((k) => same(p[k], attrs[k]))).length;
}

/** Why this quote cannot go into the pack (empty: it can). */
export function quoteRefusals(q: PackQuoteInput, opts: { public: boolean; threshold: number; population: ReadonlyArray<Record<string, AttributeValue>> }): string[] {
  const reasons: string[] = [];
  const pii = personalDataIn(q.text);
  if (pii.length > 0) reasons.push(`it seems to contain personal data (${pii.join(', ')})`);
  if (!opts.public) return reasons;
  if (!q.confirmed) reasons.push('no one has confirmed it is safe to publish');
  const n = sharedBy(q.attributes, opts.population);
  if (!q.confirmed && n < opts.threshold) reasons.push(`the speaker’s combination of attributes is shared by ${fewerThan(opts.threshold)} participants`);
  return reasons;
}

/**
 * A participant's category attributes (participant level) by variable name: what the
 * rare-combination check compares. The pack and the confirm dialog both use it, so they agree.
 */
export function categoryAttributes(variables: readonly Variable[]): (attrs: Record<string, AttributeValue>) => Record<string, AttributeValue> {
  const vars = variables.filter((v) => v.type === 'category' && (v.level ?? 'participant') === 'participant');
  return (attrs) => Object.fromEntries(vars.map((v) => [v.name, attrs[v.id] ?? null]));
}

/** What a person is shown before confirming a quote for publication. */
export interface QuoteSafety {
  /** Plain-English names of the personal data the import gate's detector finds in it (empty: none). */
  personalData: string[];
  /** How many participants share the speaker's combination of category attributes. */
  sharedBy: number;
  /** True when fewer than the threshold share it: publishing could point to the person. */
  rareCombination: boolean;
}

/** The quote-safety result for one quote's text and its speaker's attributes. */
export function quoteSafety(text: string, attributes: Record<string, AttributeValue>, population: ReadonlyArray<Record<string, AttributeValue>>, threshold: number): QuoteSafety {
  const n = sharedBy(attributes, population);
  return { personalData: personalDataIn(text), sharedBy: n, rareCombination: n < threshold };
}
