import { describe, expect, it } from 'vitest';
import {
  distinctiveTable,
  distinctiveTerms,
  keywordInContext,
  ngramFrequencies,
  prepareIndex,
  sentimentScore,
  sentimentTable,
  termCounts,
  tokenise,
  wordFrequencies,
  wordTable,
} from '../../../shared/analysis';
import { byKey, smallProject } from './fixture';

describe('termCounts and tokenise', () => {
  it('counts lower-cased words, keeping inner apostrophes and straightening curly ones', () => {
    expect(Object.fromEntries(termCounts('Don’t  stop, don\'t STOP. 42 café-bar'))).toEqual({ "don't": 2, stop: 2, '42': 1, café: 1, bar: 1 });
    expect(tokenise("It's the officer's job")).toEqual(["it's", 'the', "officer's", 'job']);
  });
});

describe('wordFrequencies (from cached counts)', () => {
  const docs = [termCounts('The police were waiting. Waiting and waiting!'), termCounts('Police waited; the police waits.')];
  it('drops stop words and counts documents', () => {
    const r = byKey(wordFrequencies(docs), 'term');
    expect(r.police).toMatchObject({ count: 3, documents: 2, documentsPct: 100 });
    expect(r.waiting).toMatchObject({ count: 3, documents: 1, documentsPct: 50 });
    expect(r.the).toBeUndefined();
    expect(byKey(wordFrequencies(docs, { stopWords: false }), 'term').the!.count).toBe(2);
  });
  it('merges words with the same Porter stem, labelled by the commonest form', () => {
    const rows = wordFrequencies(docs, { stem: true });
    expect(rows[0]).toMatchObject({ term: 'waiting', stem: 'wait', count: 5, documents: 2 });
  });
});

describe('ngramFrequencies', () => {
  it('counts phrases within sentences that neither begin nor end with a stop word', () => {
    const rows = ngramFrequencies(['Kept me informed. Kept me informed, thank you.', 'Nobody kept me informed'], 3);
    expect(byKey(rows, 'term')['kept me informed']).toMatchObject({ count: 3, documents: 2 });
    const bigrams = byKey(ngramFrequencies(['informed. kept'], 2), 'term');
    expect(bigrams['informed kept']).toBeUndefined();
    expect(() => ngramFrequencies([], 4 as never)).toThrow(/1, 2 or 3 words/);
  });
});

describe('distinctiveTerms', () => {
  it('scores tf-idf against the other groups', () => {
    const rows = distinctiveTerms([
      { group: 'A', counts: [new Map([['police', 2], ['wait', 3]])] },
      { group: 'B', counts: [new Map([['police', 2], ['kind', 2]])] },
    ]);
    // wait: tf 3/5, idf ln(2/1); police is in every group (idf 0)
    expect(rows).toEqual([
      { group: 'A', term: 'wait', count: 3, tfidf: Math.round((3 / 5) * Math.log(2) * 1e5) / 1e5 },
      { group: 'B', term: 'kind', count: 2, tfidf: Math.round((2 / 4) * Math.log(2) * 1e5) / 1e5 },
    ]);
  });
  it('works per code from coded segments and per subgroup from documents', () => {
    const index = prepareIndex(smallProject().bundle);
    const byCode = distinctiveTable(index, { by: 'code', minCount: 1 });
    expect(byCode.rows.some((r) => r.group === 'Waiting' && r.term === 'wait')).toBe(true);
    const byKind = distinctiveTable(index, { by: 'source kind', minCount: 1 });
    expect(byKind.rows.some((r) => r.group === 'interview' && r.term === 'terrible')).toBe(true);
    expect(byKind.rows.some((r) => r.term === 'officer')).toBe(false); // used in both kinds
  });
});

describe('keywordInContext', () => {
  it('finds whole words case-insensitively with context either side', () => {
    const rows = keywordInContext([{ id: 'd', title: 'Doc', text: 'The wait was long.\nWaiting is not a wait-list. Await.' }], 'wait', { width: 8 });
    expect(rows.map((r) => [r.left, r.keyword, r.right])).toEqual([
      ['The ', 'wait', ' was lon'],
      ['s not a ', 'wait', '-list. A'],
    ]);
    expect(() => keywordInContext([], '  ')).toThrow(/needs a word or phrase/);
  });
  it('treats regular-expression characters literally', () => {
    expect(keywordInContext([{ id: 'd', title: 'D', text: 'a (b) c b' }], '(b)')).toHaveLength(1);
    expect(keywordInContext([{ id: 'd', title: 'D', text: 'x.y xzy' }], 'x.y')).toHaveLength(1);
  });
});

describe('wordTable', () => {
  it('uses the cached counts it is given instead of tokenising', () => {
    const index = prepareIndex(smallProject().bundle);
    const seen: string[] = [];
    const t = wordTable(index, { termCountsOf: (id) => (seen.push(id), new Map([['cached', 1]])) });
    expect(seen).toHaveLength(5);
    expect(t.rows).toEqual([{ term: 'cached', stem: null, count: 5, documents: 5, documentsPct: 100 }]);
    expect(byKey(wordTable(index).rows, 'term').officer).toMatchObject({ count: 3, documents: 3 });
  });
});

describe('sentiment', () => {
  it('scores with AFINN: sum of word scores ÷ words, negation flipping what follows', () => {
    expect(sentimentScore('kind and helpful')).toBeCloseTo(4 / 3, 10);
    expect(sentimentScore('not helpful')).toBeCloseTo(-1, 10);
    expect(sentimentScore('...')).toBeNull();
  });
  it('averages per code and per subgroup, labelled indicative', () => {
    const index = prepareIndex(smallProject().bundle);
    const t = sentimentTable(index, { attribute: 'source kind' });
    const r = byKey(t.rows, 'code');
    // Waiting: "The wait was fine, great even" (5/6), "the wait was terrible" (-3/4), "Terrible wait" (-3/2)
    expect(r['Delay › Waiting']!.segments).toBe(3);
    expect(r['Delay › Waiting']!.mean).toBeCloseTo((5 / 6 - 3 / 4 - 3 / 2) / 3, 3);
    expect(r['Delay › Waiting']).toMatchObject({ 'n:0': 2, 'n:1': 1, positivePct: 33.3, negativePct: 66.7 });
    expect(r['Delay › Waiting']!['mean:0']).toBeCloseTo((-3 / 4 - 3 / 2) / 2, 3);
    expect(t.title).toMatch(/indicative/);
    expect(t.columns.find((c) => c.key === 'mean')!.label).toMatch(/indicative/);
  });
});
