import { describe, expect, it } from 'vitest';
import { prepareIndex, sentimentScore, shortQuote, triangulation } from '../../../shared/analysis';
import { byKey, smallProject } from './fixture';

describe('triangulation', () => {
  const { bundle, ids } = smallProject();
  const index = prepareIndex(bundle);

  it('shows presence and % of participants per theme and kind of source', () => {
    const t = triangulation(index);
    const r = byKey(t.rows, 'theme');
    // survey: P1–P3 (3 people); interview: P4 and D5 (2)
    expect(r.Contact).toMatchObject({ 'survey:present': true, 'survey:participants': 3, 'survey:pct': 100, 'interview:participants': 1, 'interview:pct': 50, kinds: 2 });
    expect(r.Delay).toMatchObject({ 'survey:participants': 1, 'survey:pct': 33.3, 'interview:participants': 2, 'interview:pct': 100 });
    expect(t.columns.some((c) => c.key.startsWith('complaint:'))).toBe(false);
  });

  it('marks corroborated, divergent and single-source themes', () => {
    const r = byKey(triangulation(index).rows, 'theme');
    // Contact is positive in both kinds; Delay: "fine, great" in the survey, "terrible" in interviews
    expect(r.Contact!.status).toBe('corroborated');
    expect(r.Delay!['survey:tone']).toBeGreaterThan(0);
    expect(r.Delay!['interview:tone']).toBeLessThan(0);
    expect(r.Delay!.status).toBe('divergent');
    const k1 = byKey(triangulation(index, { coderIds: [ids.K1] }).rows, 'theme');
    expect(k1.Delay).toMatchObject({ status: 'single-source', kinds: 1, 'interview:present': false });
  });

  it('gives the mean tone of the theme’s segments per kind', () => {
    const r = byKey(triangulation(index).rows, 'theme');
    const mean = (xs: string[]) => xs.reduce((s, x) => s + sentimentScore(x)!, 0) / xs.length;
    expect(r.Delay!['interview:tone']).toBeCloseTo(mean(['the wait was terrible', 'Terrible wait']), 3);
    expect(r.Delay!['interview:tone']).toBeCloseTo((-3 / 4 + -3 / 2) / 2, 3);
  });

  it('gives short example quotes from the coded segments of each cell', () => {
    const r = byKey(triangulation(index, { quotes: 2 }).rows, 'theme');
    const q = r.Delay!['interview:quotes'] as string[];
    expect([...q].sort()).toEqual(['Terrible wait', 'the wait was terrible']);
    expect(r.Contact!['survey:quotes']).toHaveLength(2);
    expect(shortQuote('one two three four five six', 12)).toBe('one two…');
    expect(shortQuote('  a\n b ', 12)).toBe('a b');
  });
});
