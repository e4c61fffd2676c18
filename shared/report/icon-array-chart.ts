/**
 * Plain-language proportions as an icon array: "About 3 in 10 participants mentioned delays", with
 * 10 (or 100) person icons, that many shaded. Small numbers and small bases are never shown.
 */
import type { AnalysisTable, Row } from '../analysis/types';
import { disclosureThreshold, expectKind, isSuppressed, type TitleOption } from './chart-builders';
import { fewerThan } from '../privacy/suppress';
import type { IconArraySpec } from './chart-spec';

const fmt = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

export interface ProportionInput extends TitleOption {
  /** How many have it (null when suppressed). */
  count: number | null;
  /** Out of how many. */
  base: number;
  /** Who is counted, plural: "participants". */
  people: string;
  /** What they did, past tense: "mentioned “Delay”". */
  what: string;
  /** Disclosure threshold; counts or bases below it are withheld. */
  threshold: number | null;
  /** Icons to draw (10 or 100; default 10, or 100 when the share is under 1 in 20 and would show as no icons). */
  of?: 10 | 100;
}

export function proportionIconArray(input: ProportionInput): IconArraySpec {
  const { count, base, people, what, threshold } = input;
  // 10 icons read most plainly; a share under 1 in 10 needs 100 to show at all
  const of = input.of ?? (count !== null && count > 0 && base > 0 && Math.round((count / base) * 10) === 0 ? 100 : 10);
  if (!Number.isInteger(base) || base < 0) throw new RangeError(`the base must be a whole number ≥ 0, got ${base}`);
  if (count !== null && (!Number.isInteger(count) || count < 0 || count > base)) throw new RangeError(`the count must be a whole number from 0 to the base (${base}), got ${count}`);
  const hidden = count === null || (threshold !== null && ((count > 0 && count < threshold) || base < threshold));
  const common = { kind: 'icon-array' as const, colour: 'okabe-ito' as const, of, unitLabel: `Each icon is 1 in ${of} ${people}`, filledLabel: `${people[0]!.toUpperCase()}${people.slice(1)} who ${what}`, emptyLabel: 'Everyone else', notes: [] as string[] };
  if (hidden) {
    const t = threshold ?? 0;
    const statement = base < t ? `The group is smaller than ${t}, so the share of ${people} who ${what} is not shown.` : `${fewerThan(t)[0]!.toUpperCase()}${fewerThan(t).slice(1)} ${people} ${what}, so the share is not shown.`;
    return { ...common, title: input.title ?? statement, statement, description: `${statement} All icons are drawn hatched grey.`, filled: null, value: { value: null, text: base < t ? `base ${fewerThan(t)}` : fewerThan(t), suppressed: true }, notes: [`Counts below ${t} are suppressed for publication.`] };
  }
  const share = base === 0 ? 0 : count! / base;
  const filled = Math.round(share * of);
  const pct = Math.round(share * 1000) / 10;
  const about = filled === 0 && count! > 0 ? `Fewer than 1 in ${of}` : filled === of && count! < base ? `Nearly all ${of} in ${of}` : `About ${filled} in ${of}`;
  const exact = `${fmt(count!)} of ${fmt(base)} ${people} (${fmt(pct)}%)`;
  const statement = base === 0 ? `No ${people} in scope.` : `${about} ${people} ${what}.`;
  return {
    ...common,
    title: input.title ?? statement,
    statement,
    description: `${statement} ${filled} of ${of} person icons are shaded. Exactly ${exact}.`,
    filled,
    value: { value: count!, text: exact },
    notes: [`Exactly ${exact}; icons are rounded to the nearest 1 in ${of}.`],
  };
}

export interface CodeIconArrayOptions extends TitleOption {
  /** The code to show; default the one mentioned by most participants. */
  codeId?: string;
  of?: 10 | 100;
}

/** The share of participants who mentioned one code, from a code frequencies result. */
export function codeIconArray(result: AnalysisTable, options: CodeIconArrayOptions = {}): IconArraySpec {
  expectKind(result, 'frequencies', 'codeIconArray');
  const threshold = disclosureThreshold(result);
  const base = result.stats?.participantsInScope;
  if (typeof base !== 'number') throw new Error('codeIconArray needs the number of participants in scope (stats.participantsInScope)');
  const score = (r: Row) => (typeof r.participants === 'number' ? r.participants : -1);
  const row = options.codeId !== undefined ? result.rows.find((r) => r.codeId === options.codeId) : result.rows.reduce<Row | undefined>((b, r) => (b === undefined || score(r) > score(b) ? r : b), undefined);
  if (!row) throw new Error(options.codeId !== undefined ? `no code "${options.codeId}" in the frequencies` : 'there are no codes to show');
  const count = isSuppressed(row.participants, threshold) ? null : typeof row.participants === 'number' ? row.participants : 0;
  return proportionIconArray({ count, base, people: 'participants', what: `mentioned “${String(row.path ?? row.code)}”`, threshold, of: options.of, title: options.title });
}
