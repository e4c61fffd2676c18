import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forPublication, type AnalysisTable } from '../../../shared/analysis';
import {
  agreementBars,
  contrastRatio,
  cooccurrenceHeatmap,
  frequencyChart,
  isEmptyChart,
  matrixHeatmap,
  saturationCurve,
  sentimentBars,
  textColourOn,
  timeLines,
  triangulationGrid,
  BLUES,
  CATEGORY_COLOURS,
  type ChartSpec,
  type ChartValue,
  chartValues,
  codebookTreemap,
  cooccurrenceNetwork,
  codeIconArray,
} from '../../../shared/report';
import { agreementReport, cooccurrenceTable, frequencies, matrix, saturationTable, sentimentTableFixture, SCRIPT_NAME, timeTable, triangulationTable } from '../../fixtures/charts/tables';

const values = chartValues;

describe('frequencyChart', () => {
  it('makes one bar per code with count and % text, in codebook order', () => {
    const spec = frequencyChart(frequencies());
    expect(spec.kind).toBe('bar');
    expect(spec.categories.map((c) => [c.id, c.level])).toEqual([['T1', 0], ['C1', 1], ['C2', 1], ['T2', 0], ['C3', 1]]);
    expect(spec.values.map((v) => v[0]!.text)).toEqual(['30 (75%)', '4 (10%)', '27 (67.5%)', '12 (30%)', '12 (30%)']);
    expect(spec.categories[1]!.label).toBe(SCRIPT_NAME);
    expect(spec.categories[1]!.fullLabel).toBe(`Contact › ${SCRIPT_NAME}`);
    expect(spec.domain).toEqual([0, 30]);
    expect(spec.description).toContain('highest is Contact with 30 (75%)');
  });

  it('filters by level and measure', () => {
    const spec = frequencyChart(frequencies(), { maxLevel: 0, measure: 'codings' });
    expect(spec.categories.map((c) => c.id)).toEqual(['T1', 'T2']);
    expect(spec.values.map((v) => v[0]!.value)).toEqual([60, 24]);
    expect(spec.values[0]![0]!.text).toBe('60');
  });

  it('shows "<N" for suppressed counts, never the number or its percentage', () => {
    const spec = frequencyChart(forPublication(frequencies(), 10));
    const v = spec.values[1]![0]!;
    expect(v).toEqual({ value: null, text: 'fewer than 10', suppressed: true });
    expect(JSON.stringify(spec)).not.toMatch(/"4 \(10%\)"/);
    expect(spec.notes[0]).toMatch(/1 value\(s\) below 10 are suppressed/);
  });

  it('handles an empty result and rejects the wrong kind', () => {
    const spec = frequencyChart({ ...frequencies(), rows: [] });
    expect(isEmptyChart(spec)).toBe(true);
    expect(spec.description).toBe('No codes to show.');
    expect(() => frequencyChart(matrix())).toThrow('frequencyChart needs a "frequencies" analysis result, got "matrix"');
  });
});

describe('matrixHeatmap', () => {
  it('cells are column % by default, with group sizes in the headers and the base row left out', () => {
    const spec = matrixHeatmap(matrix());
    expect(spec.columns.map((c) => c.label)).toEqual(['Female (n = 20)', 'Male (n = 16)']);
    expect(spec.rows.map((r) => [r.id, r.level])).toEqual([['T1', 0], ['C1', 1]]);
    expect(spec.cells[0]!.map((c) => c!.text)).toEqual(['75%', '75%']);
    expect(spec.cells[1]![0]).toMatchObject({ value: 15, text: '15%', note: '3 participant(s)' });
    expect(spec.domain).toEqual([0, 100]);
    expect(spec.columnLabel).toBe('Gender');
  });

  it('count measure and suppression of the count and its percentages', () => {
    expect(matrixHeatmap(matrix(), { measure: 'count' }).cells[1]!.map((c) => c!.value)).toEqual([3, 12]);
    const spec = matrixHeatmap(forPublication(matrix(), 10));
    expect(spec.cells[1]![0]).toEqual({ value: null, text: 'fewer than 10', suppressed: true });
    // the row's total (15) would give the 3 away from the 12, so the 12 is withheld too (secondary suppression), and says so
    expect(spec.cells[1]![1]).toEqual({ value: null, text: 'withheld', suppressed: true });
    expect(spec.notes).toContain('1 value(s) marked “withheld” are hidden so that smaller counts cannot be worked out from the totals.');
  });
});

describe('cooccurrenceHeatmap', () => {
  it('is symmetric with a blank diagonal, codes by units, and zero where no pair', () => {
    const spec = cooccurrenceHeatmap(cooccurrenceTable());
    expect(spec.rows.map((r) => r.id)).toEqual(['A', 'B', 'C']);
    expect(spec.rows[0]).toMatchObject({ label: 'A', fullLabel: 'Theme › A' });
    expect(spec.cells.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      [null, '12', '3'],
      ['12', null, '11'],
      ['3', '11', null],
    ]);
    expect(spec.cells[0]![1]!.note).toBe('Jaccard 0.32');
  });

  it('limits to the most-coded codes and suppresses small pairs', () => {
    const spec = cooccurrenceHeatmap(forPublication(cooccurrenceTable(), 10), { limit: 2 });
    expect(spec.rows.map((r) => r.id)).toEqual(['A', 'B']);
    expect(spec.notes[0]).toBe('Showing the 2 most-coded of 3 codes that co-occur.');
    const full = cooccurrenceHeatmap(forPublication(cooccurrenceTable(), 10));
    expect(full.cells[0]![2]).toEqual({ value: null, text: 'fewer than 10', suppressed: true });
  });

  it('no pairs: empty', () => {
    expect(isEmptyChart(cooccurrenceHeatmap({ ...cooccurrenceTable(), rows: [] }))).toBe(true);
  });
});

describe('triangulationGrid', () => {
  it('colours cells by the theme status, text is the % of participants, not-found cells say so', () => {
    const spec = triangulationGrid(triangulationTable());
    expect(spec.columns.map((c) => c.label)).toEqual(['Survey', 'Interview']);
    expect(spec.cells[0]!.map((c) => [c!.text, c!.category])).toEqual([
      ['50%', 'corroborated'],
      ['40%', 'corroborated'],
    ]);
    expect(spec.cells[1]!.map((c) => [c!.text, c!.category])).toEqual([
      ['30%', 'single-source'],
      ['–', 'not found'],
    ]);
    expect(spec.rowNotes).toEqual(['Corroborated', 'Single source']);
    expect(spec.description).toContain('1 corroborated, 1 single-source, 0 divergent');
  });

  it('suppresses a small cell', () => {
    const spec = triangulationGrid(forPublication(triangulationTable(), 5));
    expect(spec.cells[0]![1]).toMatchObject({ value: null, text: 'fewer than 5', suppressed: true });
  });
});

describe('timeLines', () => {
  it('one series per code over the periods, % of participants', () => {
    const spec = timeLines(timeTable());
    expect(spec.x).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(spec.series.map((s) => s.label)).toEqual(['Contact', 'Delay']);
    expect(spec.series[1]!.values.map((v) => v.text)).toEqual(['25%', '60%', '60%']);
    expect(spec.domain).toEqual([0, 60]);
  });

  it('limit keeps the highest peaks in order; codeIds choose; suppression', () => {
    expect(timeLines(timeTable(), { limit: 1 }).series.map((s) => s.key)).toEqual(['T2']);
    expect(timeLines(timeTable(), { codeIds: ['T1'] }).series.map((s) => s.key)).toEqual(['T1']);
    const pub = timeLines(forPublication(timeTable(), 5));
    expect(pub.series[0]!.values[2]).toEqual({ value: null, text: 'fewer than 5', suppressed: true });
  });
});

describe('saturationCurve', () => {
  it('is the cumulative count of codes by document order', () => {
    const spec = saturationCurve(saturationTable());
    expect(spec.x).toEqual(['1', '2', '3', '4']);
    expect(spec.series[0]!.values.map((v) => v.value)).toEqual([3, 5, 5, 6]);
    expect(spec.description).toContain('90% of them had appeared by document 4');
    expect(isEmptyChart(saturationCurve({ ...saturationTable(), rows: [] }))).toBe(true);
  });
});

describe('agreementBars', () => {
  it('kappa and alpha per code plus pooled, with reference lines and n/a for undefined', () => {
    const spec = agreementBars(agreementReport());
    expect(spec.series.map((s) => s.label)).toEqual(['Cohen’s kappa', 'Krippendorff’s alpha']);
    expect(spec.categories.map((c) => c.label)).toEqual(['All codes (pooled)', 'Kindness', 'Kept informed', 'Unused']);
    expect(spec.values.map((v) => v.map((x) => x.text))).toEqual([
      ['0.72', '0.71'],
      ['0.85', '0.84'],
      ['-0.10', '-0.12'],
      ['n/a', 'n/a'],
    ]);
    expect(spec.referenceLines!.map((r) => r.value)).toEqual([0.4, 0.6, 0.8]);
    expect(spec.domain).toEqual([-0.12, 1]);
    expect(spec.description).toContain('1 code(s) have kappa below 0.4');
    expect(isEmptyChart(agreementBars({ ...agreementReport(), codes: [] }))).toBe(true);
  });
});

describe('sentimentBars', () => {
  it('splits each scored code into negative / neutral / positive and leaves out codes with no segments', () => {
    const spec = sentimentBars(sentimentTableFixture());
    expect(spec.categories.map((c) => [c.label, c.fullLabel])).toEqual([
      ['Contact', 'Contact'],
      ['Kindness', 'Contact › Kindness'],
    ]);
    expect(spec.values[0]!.map((v) => v.value)).toEqual([25, 25, 50]);
    expect(spec.totals.map((t) => t.text)).toEqual(['n = 40', 'n = 4']);
    expect(spec.notes[0]).toBe('1 code(s) with no scored segments are left out.');
  });

  it('a suppressed code has every part and its total suppressed', () => {
    const spec = sentimentBars(forPublication(sentimentTableFixture(), 10));
    expect(spec.values[1]!.every((v) => v.suppressed && v.text === 'fewer than 10')).toBe(true);
    expect(spec.totals[1]).toEqual({ value: null, text: 'fewer than 10', suppressed: true });
  });
});

describe('colours', () => {
  it('text on every fill has at least 4.5:1 contrast', () => {
    for (const fill of [...BLUES, ...Object.values(CATEGORY_COLOURS.corroboration), ...Object.values(CATEGORY_COLOURS.sentiment)])
      expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('disclosure (property)', () => {
  it('no published chart ever shows a count between 1 and threshold − 1', () => {
    const build: Array<[() => AnalysisTable, (t: AnalysisTable) => ChartSpec]> = [
      [frequencies, (t) => frequencyChart(t)],
      [matrix, (t) => matrixHeatmap(t, { measure: 'count' })],
      [cooccurrenceTable, (t) => cooccurrenceHeatmap(t)],
      [frequencies, (t) => codebookTreemap(t)],
      [cooccurrenceTable, (t) => cooccurrenceNetwork(t)],
      [frequencies, (t) => codeIconArray(t, { codeId: 'C2' })],
      [frequencies, (t) => frequencyChart(t, { order: 'ranked' })],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 40, maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (which, counts, threshold) => {
        const [make, chart] = build[which % build.length]!;
        const t = make();
        let i = 0;
        const counted = t.columns.filter((c) => c.type === 'count').map((c) => c.key);
        const rows = t.rows.map((r) => ({ ...r, ...Object.fromEntries(counted.map((k) => [k, counts[i++ % counts.length]!])) }));
        const spec = chart(forPublication({ ...t, rows }, threshold));
        for (const v of values(spec)) {
          if (v.suppressed) expect(v.text).toMatch(new RegExp(`^((base )?fewer than ${threshold}|withheld)$`));
          else if (v.value !== null && Number.isInteger(v.value) && !v.text.endsWith('%')) expect(v.value === 0 || v.value >= threshold).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
