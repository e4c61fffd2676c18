/** Builders for the ranked bar, codebook treemap, co-occurrence network and icon array, and chartDataTable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forPublication } from '../../../shared/analysis';
import {
  chartDataTable,
  codebookTreemap,
  codeIconArray,
  cooccurrenceNetwork,
  frequencyChart,
  matrixHeatmap,
  proportionIconArray,
  SELF_SUFFIX,
  sentimentBars,
  timeLines,
} from '../../../shared/report';
import { cooccurrenceTable, frequencies, matrix, sentimentTableFixture, timeTable } from '../../fixtures/charts/tables';

describe('ranked bars', () => {
  it('puts the highest first, ties in codebook order, labelled by full path and not indented', () => {
    const spec = frequencyChart(frequencies(), { order: 'ranked' });
    expect(spec.categories.map((c) => c.id)).toEqual(['T1', 'C2', 'T2', 'C3', 'C1']);
    expect(spec.categories.every((c) => c.level === 0)).toBe(true);
    expect(spec.categories[1]!.label).toBe('Contact › Kept informed');
    expect(spec.description).toContain('highest first');
  });

  it('puts suppressed values last', () => {
    const spec = frequencyChart(forPublication(frequencies(), 10), { order: 'ranked' });
    expect(spec.values.at(-1)![0]!.suppressed).toBe(true);
  });

  it('takes a title that states the finding', () => {
    expect(frequencyChart(frequencies(), { title: 'Contact came up most' }).title).toBe('Contact came up most');
    expect(frequencyChart(frequencies()).title).toBe(frequencies().title);
  });
});

describe('codebook treemap', () => {
  it('nests codes under their theme and adds what was coded to the theme itself', () => {
    const spec = codebookTreemap(frequencies());
    // codings are participants × 2 (the fixture's Contact, 60, is less than its codes' 8 + 54: no remainder box)
    expect(spec.nodes.map((n) => [n.id, n.parentId, n.value.value])).toEqual([
      ['T1', null, 60],
      ['C1', 'T1', 8],
      ['C2', 'T1', 54],
      ['T2', null, 24],
      ['C3', 'T2', 24],
    ]);
    const t = frequencies();
    t.rows[0]!.codings = 72; // 10 coded to "Contact" itself, beyond its codes' 62
    const withSelf = codebookTreemap(t);
    expect(withSelf.nodes.find((n) => n.id === `T1${SELF_SUFFIX}`)).toMatchObject({ parentId: 'T1', value: { value: 10, text: '10' } });
  });

  it('every leaf sums to its theme (property): box areas add up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 30 }), ([c1, c2, c3], own) => {
        const t = frequencies();
        const set = (id: string, n: number) => (t.rows.find((r) => r.codeId === id)!.codings = n);
        set('C1', c1!);
        set('C2', c2!);
        set('C3', c3!);
        set('T1', c1! + c2! + own);
        set('T2', c3!);
        const spec = codebookTreemap(t);
        for (const theme of spec.nodes.filter((n) => n.parentId === null)) {
          const kids = spec.nodes.filter((n) => n.parentId === theme.id);
          if (kids.length) expect(kids.reduce((s, k) => s + k.value.value!, 0)).toBe(theme.value.value);
        }
      }),
    );
  });

  it('when published, suppressed codes read "fewer than N" and no remainder can be worked out', () => {
    const spec = codebookTreemap(forPublication(frequencies(), 10));
    expect(spec.nodes.find((n) => n.id === 'C1')!.value).toEqual({ value: null, text: 'fewer than 10', suppressed: true });
    expect(spec.nodes.some((n) => n.id.endsWith(SELF_SUFFIX))).toBe(false);
    expect(spec.notes.join(' ')).toMatch(/all drawn the same size/);
  });
});

describe('co-occurrence network', () => {
  it('one node per code, one edge per pair that co-occurs, grouped by theme', () => {
    const spec = cooccurrenceNetwork(cooccurrenceTable());
    expect(spec.nodes.map((n) => [n.id, n.label, n.value.value, n.group])).toEqual([
      ['A', 'A', 30, 0],
      ['B', 'B', 20, 0],
      ['C', 'C', 15, 0],
    ]);
    expect(spec.edges.map((e) => [e.source, e.target, e.value.text])).toEqual([
      ['A', 'B', '12'],
      ['A', 'C', '3'],
      ['B', 'C', '11'],
    ]);
    expect(spec.description).toContain('The strongest link is Theme › A with Theme › B: 12 responses');
  });

  it('keeps the most-coded codes when there are too many, and says so', () => {
    const spec = cooccurrenceNetwork(cooccurrenceTable(), { limit: 2 });
    expect(spec.nodes.map((n) => n.id)).toEqual(['A', 'B']);
    expect(spec.edges).toHaveLength(1);
    expect(spec.notes[0]).toMatch(/Showing the 2 most-coded of 3/);
  });

  it('suppresses small links when published', () => {
    const spec = cooccurrenceNetwork(forPublication(cooccurrenceTable(), 5));
    expect(spec.edges.find((e) => e.target === 'C' && e.source === 'A')!.value).toEqual({ value: null, text: 'fewer than 5', suppressed: true });
  });
});

describe('icon array', () => {
  it('"About 7 in 10": the share rounded to tenths, the exact figures alongside', () => {
    const spec = codeIconArray(frequencies(), { codeId: 'C2' });
    expect(spec.filled).toBe(7);
    expect(spec.of).toBe(10);
    expect(spec.statement).toBe('About 7 in 10 participants mentioned “Contact › Kept informed”.');
    expect(spec.value.text).toBe('27 of 40 participants (67.5%)');
    expect(spec.title).toBe(spec.statement);
  });

  it('a share that rounds to no icons in 10 is drawn with 100', () => {
    const spec = proportionIconArray({ count: 12, base: 301, people: 'participants', what: 'mentioned it', threshold: 10 });
    expect([spec.of, spec.filled, spec.statement]).toEqual([100, 4, 'About 4 in 100 participants mentioned it.']);
  });

  it('defaults to the code most participants mentioned', () => {
    expect(codeIconArray(frequencies()).statement).toContain('“Contact”');
  });

  it('filled icons are the rounded share, for any count and base (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<10 | 100>(10, 100), (base, share, of) => {
        const count = Math.floor(share * base);
        const spec = proportionIconArray({ count, base, people: 'people', what: 'said so', threshold: null, of });
        expect(spec.filled).toBe(Math.round((count / base) * of));
        expect(spec.filled! >= 0 && spec.filled! <= of).toBe(true);
        if (count > 0 && spec.filled === 0) expect(spec.statement).toMatch(/^Fewer than 1 in/);
      }),
    );
  });

  it('withholds small counts and small bases when published', () => {
    const small = codeIconArray(forPublication(frequencies(), 10), { codeId: 'C1' });
    expect(small.filled).toBeNull();
    expect(small.statement).toMatch(/^Fewer than 10 participants mentioned/);
    expect(JSON.stringify(small)).not.toMatch(/\b4\b/);
    const base = proportionIconArray({ count: 0, base: 6, people: 'people', what: 'said so', threshold: 10 });
    expect(base.filled).toBeNull();
    expect(base.statement).toMatch(/smaller than 10/);
  });

  it('rejects a count larger than its base with a clear message', () => {
    expect(() => proportionIconArray({ count: 11, base: 10, people: 'people', what: 'said so', threshold: null })).toThrow(/count must be a whole number from 0 to the base \(10\), got 11/);
  });
});

describe('chartDataTable', () => {
  it('bars: a row per category, a column per series, the text the chart writes', () => {
    const t = chartDataTable(frequencyChart(forPublication(frequencies(), 10)));
    expect(t.headers).toEqual(['Code', 'Participants']);
    expect(t.rows[0]).toEqual(['Contact', '30 (75%)']);
    expect(t.rows[1]![1]).toBe('fewer than 10');
  });

  it('heatmap, stacked bars, lines, network and icon array', () => {
    expect(chartDataTable(matrixHeatmap(matrix())).headers).toEqual(['Code', 'Female (n = 20)', 'Male (n = 16)']);
    expect(chartDataTable(sentimentBars(sentimentTableFixture())).rows[0]).toEqual(['Contact', '25%', '25%', '50%', 'n = 40']);
    expect(chartDataTable(timeLines(timeTable())).rows.map((r) => r[0])).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(chartDataTable(cooccurrenceNetwork(cooccurrenceTable())).rows[0]).toEqual(['Theme › A', 'Theme › B', '12']);
    expect(chartDataTable(codeIconArray(frequencies(), { codeId: 'C2' })).rows).toEqual([['About 7 in 10 participants mentioned “Contact › Kept informed”.', '27 of 40 participants (67.5%)']]);
  });
});
