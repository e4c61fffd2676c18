/**
 * Whether a quote may go into a pack. For the public pack a quote must (1) have been confirmed safe
 * to publish by a person, (2) pass the import gate's personal-data detector again (the text may
 * have changed, and the detector may have learnt more since), and (3) not come from a speaker
 * whose published attributes are shared by fewer than N people — unless a person confirmed it
 * having seen that warning. Internal packs need (2) only.
 *
 * "Published attributes" are what a pack prints about a quote's speaker, and nothing more: today
 * the attribution, the kind of source ("— someone who answered the survey"). Attributes a pack
 * never prints beside a quote (age band, area, …) cannot point a reader to its speaker from the
 * pack, so they are not compared; comparing every attribute made nearly every participant's
 * combination unique and the warning fire on most quotes. If a pack ever prints more with a quote,
 * add it to publishedAttributes and the check follows.
 */
import type { AttributeValue, DocumentMeta, Participant, PiiType, Source } from '../model/entities';
import { detectPii } from '../privacy/detect';
import { fewerThan } from '../privacy/suppress';
import type { PackQuoteInput } from './input';
import { held } from '../held';

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

/** Per set of attribute names (joined), the population counted by their values (JSON of the values in that order). */
const countsByValues = held<ReadonlyArray<Record<string, AttributeValue>>, Map<string, Map<string, number>>>('population counts');

/**
 * How many participants share every one of `attrs` (the participant included). The population is
 * counted once per set of attribute names and the count looked up: a pack asks for each quote,
 * and a survey's population is up to 875,000 people.
 */
export function sharedBy(attrs: Record<string, AttributeValue>, population: ReadonlyArray<Record<string, AttributeValue>>): number {
  const keys = Object.keys(attrs).filter((k) => attrs[k] !== null && attrs[k] !== '');
  if (keys.length === 0) return population.length;
  // (NaN equals nothing, not even itself: counted as the comparison would)
  if (keys.some((k) => Number.isNaN(attrs[k]))) return 0;
  keys.sort();
  const byKeys = countsByValues.get(population) ?? countsByValues.set(population, new Map());
  const name = JSON.stringify(keys);
  let counts = byKeys.get(name);
  if (!counts) {
    counts = new Map();
    for (const p of population) {
      const values = JSON.stringify(keys.map((k) => p[k] ?? null));
      counts.set(values, (counts.get(values) ?? 0) + 1);
    }
    byKeys.set(name, counts);
  }
  return counts.get(JSON.stringify(keys.map((k) => attrs[k] ?? null))) ?? 0;
}

/** Why this quote cannot go into the pack (empty: it can). */
export function quoteRefusals(q: PackQuoteInput, opts: { public: boolean; threshold: number; population: ReadonlyArray<Record<string, AttributeValue>> }): string[] {
  const reasons: string[] = [];
  const pii = personalDataIn(q.text);
  if (pii.length > 0) reasons.push(`it seems to contain personal data (${pii.join(', ')})`);
  if (!opts.public) return reasons;
  if (!q.confirmed) reasons.push('no one has confirmed it is safe to publish');
  const n = sharedBy(q.attributes, opts.population);
  if (!q.confirmed && n < opts.threshold) reasons.push(`what the pack says about the speaker (${Object.values(q.attributes).join(', ')}) is shared by ${fewerThan(opts.threshold)} people`);
  return reasons;
}

const ATTRIBUTION = 'kind of source';

/** What a pack publishes about a quote's speaker (its attribution): what the rare-combination check compares. */
export function publishedAttributes(sourceKind: string): Record<string, AttributeValue> {
  return { [ATTRIBUTION]: sourceKind };
}

/**
 * Everyone a quote could be from, by their published attributes: each participant (by the kind of
 * their source) and each anonymous respondent (a record, or else a document, of a source with no
 * participant). The pack and the confirm dialog both use it, so they agree.
 */
export function speakerPopulation(b: {
  sources: ReadonlyArray<Pick<Source, 'id' | 'kind'>>;
  participants: ReadonlyArray<Pick<Participant, 'sourceId'>>;
  documents: ReadonlyArray<Pick<DocumentMeta, 'id' | 'sourceId' | 'participantId' | 'recordId'>>;
}): Array<Record<string, AttributeValue>> {
  const kind = new Map(b.sources.map((s) => [s.id, s.kind]));
  const kindOf = (sourceId: string) => kind.get(sourceId) ?? 'other';
  const out = b.participants.map((p) => publishedAttributes(kindOf(p.sourceId)));
  const anonymous = new Set<string>();
  for (const d of b.documents) {
    if (d.participantId !== null) continue;
    const who = `${d.sourceId}\u0000${d.recordId ?? `document ${d.id}`}`;
    if (anonymous.has(who)) continue;
    anonymous.add(who);
    out.push(publishedAttributes(kindOf(d.sourceId)));
  }
  return out;
}

/** A quote's speaker's published attributes, from the document it was taken from. */
export function speakerAttributes(b: { sources: ReadonlyArray<Pick<Source, 'id' | 'kind'>> }, document: Pick<DocumentMeta, 'sourceId'>): Record<string, AttributeValue> {
  return publishedAttributes(b.sources.find((s) => s.id === document.sourceId)?.kind ?? 'other');
}

/** What a person is shown before confirming a quote for publication. */
export interface QuoteSafety {
  /** Plain-English names of the personal data the import gate's detector finds in it (empty: none). */
  personalData: string[];
  /** How many people share the speaker's published attributes (the speaker included). */
  sharedBy: number;
  /** True when fewer than the threshold share it: publishing could point to the person. */
  rareCombination: boolean;
}

/** The quote-safety result for one quote's text and its speaker's attributes. */
export function quoteSafety(text: string, attributes: Record<string, AttributeValue>, population: ReadonlyArray<Record<string, AttributeValue>>, threshold: number): QuoteSafety {
  const n = sharedBy(attributes, population);
  return { personalData: personalDataIn(text), sharedBy: n, rareCombination: n < threshold };
}
