import { describe, expect, it } from 'vitest';
import { changeByWave, changeOverTime, parseYearMonth, prepareIndex, saturation } from '../../../shared/analysis';
import { byKey, smallProject } from './fixture';

describe('changeOverTime', () => {
  const { bundle, ids } = smallProject();
  const index = prepareIndex(bundle);

  it('reads ISO and UK day-first dates', () => {
    expect(parseYearMonth('2024-02-29')).toEqual([2024, 2]);
    expect(parseYearMonth('15/02/2024')).toEqual([2024, 2]);
    expect(parseYearMonth('2024-13-01')).toBeNull();
    expect(parseYearMonth('soon')).toBeNull();
  });

  it('gives prevalence by month with the change from first to last period', () => {
    const t = changeOverTime(index, { attribute: 'Contact date', period: 'month' });
    const labels = t.columns.filter((c) => c.key.startsWith('pp:')).map((c) => c.label.split(':')[0]);
    expect(labels).toEqual(['2024-01', '2024-02', '2024-04']);
    const r = byKey(t.rows, 'code');
    // Kept informed: Jan P1 no (0/1); Feb P2, P4 (2/2); Apr P3 (1/1)
    expect(r['Contact › Kept informed']).toMatchObject({ 'p:0': 0, 'pp:0': 0, 'p:1': 2, 'pp:1': 100, 'r:1': 2, 'rp:1': 100, 'pp:2': 100, change: 100 });
    expect(r['All in period']).toMatchObject({ 'p:0': 1, 'p:1': 2, 'p:2': 1 });
    expect(t.warnings[0]).toMatch(/1 participant\(s\) have no readable date/);
  });

  it('groups by quarter', () => {
    const r = byKey(changeOverTime(index, { attribute: 'Contact date', period: 'quarter' }).rows, 'code');
    // Q1: P1, P2, P4; Q2: P3. Kindness: P1, P4 of 3; P3 of 1
    expect(r['Contact › Kindness']).toMatchObject({ 'p:0': 2, 'pp:0': 66.7, 'p:1': 1, 'pp:1': 100, change: 33.3 });
  });

  it('refuses an attribute without dates', () => {
    expect(() => changeOverTime(index, { attribute: 'Age group' })).toThrow(/attribute "Age group" has no date values/);
    expect(() => changeOverTime(index, { attribute: 'source kind' })).toThrow(/not a date attribute/);
  });

  it('compares waves (sources)', () => {
    const t = changeByWave(index, { waves: [ids.S1, ids.S2] });
    const r = byKey(t.rows, 'code');
    expect(r.Delay).toMatchObject({ 'p:0': 1, 'pp:0': 33.3, 'p:1': 2, 'pp:1': 100, change: 66.7 });
    expect(() => changeByWave(index, { waves: [ids.S1] })).toThrow(/at least two sources/);
  });
});

describe('saturation', () => {
  it('counts new codes per document in order of first coding, cumulatively', () => {
    const { bundle } = smallProject();
    const t = saturation(prepareIndex(bundle));
    expect(t.rows.map((r) => [r.document, r.newCodes, r.cumulative])).toEqual([
      ['D2', 2, 2],
      ['D1', 2, 4],
      ['D3', 0, 4],
      ['D4', 0, 4],
      ['D5', 0, 4],
    ]);
    expect(t.rows[0]!.codes).toEqual(['Kept informed', 'Waiting']);
  });
});
