import { describe, expect, it } from 'vitest';
import { cooccurrence, prepareIndex } from '../../../shared/analysis';
import { smallProject } from './fixture';

const pairs = (rows: Array<Record<string, unknown>>) =>
  Object.fromEntries(rows.map((r) => [[String(r.codeA).split(' › ').pop(), String(r.codeB).split(' › ').pop()].sort().join(' + '), [r.both, r.jaccard]]));

describe('cooccurrence', () => {
  const { bundle } = smallProject();
  const index = prepareIndex(bundle);

  it('counts documents with both codes and the Jaccard index', () => {
    // D1 {Contact, Kindness}, D2 {Kept informed, Waiting}, D3 {Contact, Kindness, Kept informed},
    // D4 {Kept informed, Kindness, Waiting}, D5 {Waiting}
    const t = cooccurrence(index, { unit: 'document' });
    expect(t.stats).toMatchObject({ unit: 'document', units: 5 });
    expect(pairs(t.rows)).toEqual({
      'Contact + Kindness': [2, 0.667], // 2 / (2 + 3 - 2)
      'Kept informed + Kindness': [2, 0.5],
      'Kept informed + Waiting': [2, 0.5],
      'Contact + Kept informed': [1, 0.25],
      'Kindness + Waiting': [1, 0.2],
    });
  });

  it('splits transcripts into speaker turns for the response unit', () => {
    // D4: question turn {Kept informed}, answer turn {Kindness, Waiting}
    const t = cooccurrence(index, { unit: 'response' });
    expect(t.stats?.units).toBe(6);
    expect(pairs(t.rows)).toEqual({
      'Contact + Kindness': [2, 0.667],
      'Contact + Kept informed': [1, 0.25],
      'Kept informed + Kindness': [1, 0.2],
      'Kept informed + Waiting': [1, 0.2],
      'Kindness + Waiting': [1, 0.2],
    });
  });

  it('uses overlapping coded segments as units', () => {
    // Only D3's "Nobody kept me informed" (Kept informed) and "Nobody kept me" (Contact) overlap.
    const t = cooccurrence(index, { unit: 'segment' });
    expect(t.stats?.units).toBe(10);
    // Contact: 2 units, Kept informed: 3 (D2, the D3 cluster, D4) → 1 / (2 + 3 - 1)
    expect(pairs(t.rows)).toEqual({ 'Contact + Kept informed': [1, 0.25] });
  });

  it('uses sentences from the text', () => {
    const t = cooccurrence(index, { unit: 'sentence' });
    expect(t.stats?.units).toBe(9);
    // D3 second sentence {Kept informed, Contact}; D4 answer sentence {Kindness, Waiting}
    expect(pairs(t.rows)).toEqual({ 'Contact + Kept informed': [1, 0.25], 'Kindness + Waiting': [1, 0.2] });
  });

  it('rejects an unknown unit', () => {
    expect(() => cooccurrence(index, { unit: 'word' as never })).toThrow(/unknown unit "word"/);
  });
});
