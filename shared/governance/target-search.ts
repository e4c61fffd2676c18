/**
 * Finding the one participant, document or source to retract among very many (a 500,000-response
 * survey makes 875,000 documents): the label holds what was typed, ignoring case, or the id starts
 * with it. Pure; the retraction picker (renderer/features/governance) runs it on each (deferred)
 * query over the lists as they are: nothing is built per item, so there is nothing to rebuild
 * when a list changes. A scan of 875,000 titles takes some 15–25 ms.
 */
import { plural } from '../plural';

/** How the picker (and the list of retractions awaiting confirmation) names a participant: "pseudonym (source name)". */
export function participantLabel(pseudonym: string, sourceName: string | undefined): string {
  return `${pseudonym} (${sourceName ?? 'source'})`;
}

/** Matches shown at most. */
export const TARGET_MATCH_LIMIT = 50;

/**
 * An id matches from its start once this many characters of it are typed (an id typed whole
 * always matches). Fewer would match ids at random: one id in 16 starts with any given hex digit.
 */
export const ID_PREFIX_MIN = 4;

/** Regular-expression syntax characters (escaped so the query is matched literally; all a `u` pattern may escape). */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A-Z lower-cased, nothing else (ids are GUIDs: ASCII). */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** What was typed, ready to test items against. */
export interface TargetQuery {
  /** Trimmed; '' matches everything. */
  readonly text: string;
  /** The text as a literal, case-insensitive pattern (Unicode case folding); null for ''. */
  readonly label: RegExp | null;
  /** The text with A-Z lower-cased, as ids are compared. */
  readonly id: string;
}

export function targetQuery(query: string): TargetQuery {
  const text = query.trim();
  return { text, label: text ? new RegExp(text.replace(SYNTAX, '\\$&'), 'iu') : null, id: asciiLower(text) };
}

/**
 * Whether `id` matches: it starts with q (A-Z compared without case) and is either exactly q or q
 * is ID_PREFIX_MIN characters or more. Makes no string (it is run on every id of a list).
 */
function idMatches(id: string, q: string): boolean {
  if (id.length < q.length) return false;
  for (let k = 0; k < q.length; k++) {
    let c = id.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== q.charCodeAt(k)) return false;
  }
  return id.length === q.length || q.length >= ID_PREFIX_MIN;
}

/**
 * Whether an item matches: the query is empty; or its label holds the query, ignoring case (as a
 * JavaScript /…/iu pattern does: Unicode case folding); or its id is the query, or starts with it
 * once the query is ID_PREFIX_MIN characters long (ignoring the case of A-Z).
 */
export function targetMatches(q: TargetQuery, label: string, id: string): boolean {
  return q.label === null || q.label.test(label) || idMatches(id, q.id);
}

/** The matches to show (at most the limit, in list order) and how many match in all. */
export interface TargetSearch<T> {
  matches: T[];
  total: number;
}

/**
 * The items matching `query` (see targetMatches), in list order: the first `limit` of them, and
 * how many there are. An empty query gives the first `limit` items.
 */
export function searchTargets<T>(
  items: readonly T[],
  query: string,
  label: (item: T, index: number) => string,
  id: (item: T) => string,
  limit = TARGET_MATCH_LIMIT,
): TargetSearch<T> {
  const q = targetQuery(query);
  if (q.label === null) return { matches: items.slice(0, limit), total: items.length };
  const matches: T[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (q.label.test(label(item, i)) || idMatches(id(item), q.id)) {
      total++;
      if (matches.length < limit) matches.push(item);
    }
  }
  return { matches, total };
}

/** "50 of 12,345 match — type more to narrow" while some are not shown; else "3 matches", "1 match", "No matches". */
export function matchCountLine(shown: number, total: number): string {
  if (total === 0) return 'No matches';
  if (shown < total) return `${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} match — type more to narrow`;
  return plural(total, 'match', 'matches');
}
