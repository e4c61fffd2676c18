import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID_PREFIX_MIN, matchCountLine, searchTargets, TARGET_MATCH_LIMIT, targetMatches, targetQuery } from '../../../shared/governance/target-search';

interface Item {
  id: string;
  label: string;
}
const search = (items: readonly Item[], query: string, limit?: number) =>
  searchTargets(
    items,
    query,
    (x) => x.label,
    (x) => x.id,
    limit,
  );

/**
 * The matching rule written plainly (lower-case both and look), for the property tests' brute
 * force. It agrees with the /…/iu pattern searchTargets uses on the characters generated below
 * (not on every character: /iu folds ſ to s, for one).
 */
function plainMatch(item: Item, query: string): boolean {
  const q = query.trim();
  if (q === '') return true;
  if (item.label.toLowerCase().includes(q.toLowerCase())) return true;
  const id = item.id.toLowerCase();
  const qid = q.toLowerCase();
  return id === qid || (qid.length >= ID_PREFIX_MIN && id.startsWith(qid));
}

// Few characters, so queries often occur in labels; case pairs, an accented pair, a dash, an
// emoji (two UTF-16 units) and regular-expression syntax, which must be taken literally.
const labelChar = fc.constantFrom('a', 'A', 'b', 'B', 'é', 'É', ' ', '–', '(', ')', '.', '*', '1', '😀');
const idChar = fc.constantFrom('a', 'B', 'c', '0', '1', '-');
const itemArb = fc.record({ id: fc.string({ unit: idChar, minLength: 1, maxLength: 8 }), label: fc.string({ unit: labelChar, maxLength: 12 }) });
const itemsArb = fc.array(itemArb, { maxLength: 120 });
/** A query: made up, or cut from one of the items' labels or ids (so many queries match), with case changed and spaces around. */
const queryArb = (items: readonly Item[]) =>
  fc.oneof(
    fc.string({ unit: fc.oneof(labelChar, idChar), maxLength: 5 }),
    items.length === 0
      ? fc.constant('')
      : fc
          .tuple(fc.nat({ max: items.length - 1 }), fc.boolean(), fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom('', ' ', '  '))
          .map(([i, fromId, a, b, upper, pad]) => {
            // (cut by code point: no one types half an emoji)
            const s = Array.from(fromId ? items[i]!.id : items[i]!.label);
            const from = s.length ? a % s.length : 0;
            const cut = s.slice(from, from + 1 + (b % 6)).join('');
            return pad + (upper ? cut.toUpperCase() : cut) + pad;
          }),
  );

describe('searchTargets', () => {
  it('(property) returns only real matches, at most the limit, in list order, with the brute-force total', () => {
    fc.assert(
      fc.property(
        itemsArb.chain((items) => fc.tuple(fc.constant(items), queryArb(items), fc.integer({ min: 1, max: 60 }))),
        ([items, query, limit]) => {
          const { matches, total } = search(items, query, limit);
          const brute = items.filter((x) => plainMatch(x, query));
          // every match really holds the query (label) or starts with it (id)
          for (const m of matches) expect(plainMatch(m, query), `${JSON.stringify(m)} for ${JSON.stringify(query)}`).toBe(true);
          expect(matches.length).toBeLessThanOrEqual(limit);
          expect(total).toBe(brute.length);
          // the first matches in the list's order (the same objects)
          expect(matches).toEqual(brute.slice(0, limit));
          matches.forEach((m, k) => expect(m).toBe(brute[k]));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('(property) agrees with targetMatches, item by item', () => {
    fc.assert(
      fc.property(
        itemsArb.chain((items) => fc.tuple(fc.constant(items), queryArb(items))),
        ([items, query]) => {
          const q = targetQuery(query);
          const { matches, total } = search(items, query, items.length + 1);
          expect(matches).toEqual(items.filter((x) => targetMatches(q, x.label, x.id)));
          expect(total).toBe(matches.length);
        },
      ),
    );
  });

  it('gives the first 50 items and the count of all for an empty (or blank) query', () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ id: `id-${i}`, label: `Person ${i}` }));
    for (const q of ['', '   ']) {
      const r = search(items, q);
      expect(r.total).toBe(120);
      expect(r.matches).toEqual(items.slice(0, TARGET_MATCH_LIMIT));
    }
    expect(TARGET_MATCH_LIMIT).toBe(50);
  });

  it('matches labels in any case, and takes regular-expression characters literally', () => {
    const items = [
      { id: '1', label: 'R12 – What could be better? (Q2)' },
      { id: '2', label: 'Respondent 12 (survey.csv)' },
      { id: '3', label: 'ÉLODIE [x] a.b' },
      { id: '4', label: 'axb' },
    ];
    const ids = (q: string) => search(items, q).matches.map((x) => x.id);
    expect(ids('r12')).toEqual(['1']);
    expect(ids('  RESPONDENT 12 (SURVEY  ')).toEqual(['2']);
    expect(ids('better? (q2)')).toEqual(['1']);
    expect(ids('élodie')).toEqual(['3']);
    expect(ids('[x]')).toEqual(['3']);
    expect(ids('a.b')).toEqual(['3']);
    expect(ids('.*')).toEqual([]);
    expect(ids('\\')).toEqual([]);
  });

  it('matches ids exactly, or from their start once enough is typed, ignoring case', () => {
    const items = [
      { id: '3F2504E0-4F89-41D3-9A0C-0305E82C3301', label: 'Transcript one' },
      { id: '3f25aaaa-0000-4000-8000-000000000000', label: 'Transcript two' },
      { id: '0a1b2c3d4e5f6a7b8c9d0e1f-000000010000', label: 'R1 – Q1' },
      { id: 'ab', label: 'Short id' },
    ];
    const ids = (q: string) => search(items, q).matches.map((x) => x.label);
    expect(ids('3f2504e0')).toEqual(['Transcript one']);
    expect(ids('3F25')).toEqual(['Transcript one', 'Transcript two']);
    expect(ids('3f2')).toEqual([]); // too short to match from the start…
    expect(ids('AB')).toEqual(['Short id']); // …unless it is the whole id
    expect(ids('0a1b2c3d4e5f6a7b8c9d0e1f-000000010000')).toEqual(['R1 – Q1']);
    expect(ids('2504e0')).toEqual([]); // ids match from their start only
  });

  it('counts every match however many there are, and shows only the limit', () => {
    const items = Array.from({ length: 87_500 }, (_, i) => ({ id: `0a1b2c3d4e5f6a7b8c9d0e1f-${i.toString(16).padStart(8, '0')}0000`, label: `R${i} – How were you treated?` }));
    const r = search(items, 'r1');
    expect(r.total).toBe(items.filter((x) => x.label.startsWith('R1')).length);
    expect(r.matches).toHaveLength(50);
    expect(r.matches[0]!.label).toBe('R1 – How were you treated?');
    expect(r.matches[1]!.label).toBe('R10 – How were you treated?');
  });
});

describe('matchCountLine', () => {
  it('says how many match, in British number format, and to type more when some are not shown', () => {
    expect(matchCountLine(50, 12_345)).toBe('50 of 12,345 match — type more to narrow');
    expect(matchCountLine(50, 875_000)).toBe('50 of 875,000 match — type more to narrow');
    expect(matchCountLine(3, 3)).toBe('3 matches');
    expect(matchCountLine(1, 1)).toBe('1 match');
    expect(matchCountLine(0, 0)).toBe('No matches');
  });
});
