import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forPublication, prepareIndex, termCounts, type AnalysisIndex } from '../../../shared/analysis';
import { buildDemoProject } from '../../../shared/demo';
import type { ProjectBundle } from '../../../shared/model';
import { kwicTable, runAnalysis, type AnalysisRequest } from '../../../shared/analysis/run-request';
import { withMeasure } from '../../../shared/analysis/measure';
import { chartFor } from '../../../renderer/features/analysis/chartFor';
import { defaultOptions, EMPTY_FILTER, toRequest } from '../../../renderer/features/analysis/options';
import { ANALYSIS_MENU } from '../../../renderer/features/analysis/menu';

let bundle: ProjectBundle;
let index: AnalysisIndex;
beforeAll(() => {
  bundle = buildDemoProject();
  index = prepareIndex(bundle);
});

describe('runAnalysis on the demo project', () => {
  it('answers every analysis in the menu with its default options: rows, notes and (except words) a chart', () => {
    const opts = defaultOptions(bundle.variables, bundle.sources.map((s) => s.id));
    for (const item of ANALYSIS_MENU) {
      const req = toRequest(item.id, opts, EMPTY_FILTER);
      expect(typeof req, item.id).toBe('object');
      const table = runAnalysis(index, req as AnalysisRequest);
      expect(table.kind).toBe(item.id);
      expect(table.rows.length, item.id).toBeGreaterThan(0);
      expect(table.notes.shows.length).toBeGreaterThan(20);
      const chart = chartFor(table);
      if (item.id === 'words') expect(chart).toBeNull();
      else expect(chart?.kind, item.id).toBeTruthy();
    }
  });

  it('uses the cached term counts for word frequencies and gives the same answer as tokenising', () => {
    const cache = new Map(bundle.documents.map((d) => [d.id, termCounts(d.text)]));
    let calls = 0;
    const req: AnalysisRequest = { analysis: 'words', mode: 'frequencies', n: 1, stem: false, stopWords: true, by: 'code', keyword: '', filter: {} };
    const cached = runAnalysis(index, req, (id) => {
      calls++;
      return cache.get(id)!;
    });
    expect(calls).toBe(bundle.documents.length);
    expect(cached.rows).toEqual(runAnalysis(index, req).rows);
  });

  it('filters by source: frequencies count only documents of that source', () => {
    const source = bundle.sources[0]!;
    const docsInSource = bundle.documents.filter((d) => d.sourceId === source.id).length;
    const table = runAnalysis(index, { analysis: 'frequencies', filter: { sourceIds: [source.id] } });
    const max = Math.max(...table.rows.map((r) => Number(r.documents ?? 0)));
    expect(max).toBeLessThanOrEqual(docsInSource);
    expect(max).toBeGreaterThan(0);
  });

  it('refuses keyword in context without a keyword, with a plain message', () => {
    const req: AnalysisRequest = { analysis: 'words', mode: 'kwic', n: 1, stem: false, stopWords: true, by: 'code', keyword: '  ', filter: {} };
    expect(() => runAnalysis(index, req)).toThrow(/word or phrase/);
    expect(toRequest('words', { ...defaultOptions(bundle.variables, []), wordMode: 'kwic' }, EMPTY_FILTER)).toMatch(/word or phrase/);
  });

  it('keyword in context finds every whole-word occurrence within the filtered documents only', () => {
    const table = kwicTable(index, 'police', {});
    const expected = bundle.documents.reduce((n, d) => n + (d.text.match(/(?<![\p{L}\p{N}])police(?![\p{L}\p{N}])/giu)?.length ?? 0), 0);
    expect(table.rows.length).toBe(Math.min(expected, 500));
    for (const r of table.rows) expect(String(r.keyword).toLowerCase()).toBe('police');
    const src = bundle.sources[1]!;
    const docTitles = new Set(bundle.documents.filter((d) => d.sourceId === src.id).map((d) => d.title));
    for (const r of kwicTable(index, 'police', { sourceIds: [src.id] }).rows) expect(docTitles.has(String(r.document))).toBe(true);
  });

  it('an unknown attribute gives a one-line error naming it', () => {
    expect(() => runAnalysis(index, { analysis: 'matrix', attribute: 'Shoe size', filter: {} })).toThrow(/unknown attribute "Shoe size"/);
  });
});

describe('withMeasure (subcategory matrix display)', () => {
  it('keeps exactly one per-value measure and the other columns, after publication control', () => {
    const table = runAnalysis(index, { analysis: 'matrix', attribute: 'Age band', filter: {} });
    const published = forPublication(table, 10);
    for (const m of ['n', 'row', 'col'] as const) {
      const t = withMeasure(published, m);
      const perValue = t.columns.filter((c) => /^(n|row|col):/.test(c.key));
      expect(perValue.length).toBeGreaterThan(0);
      expect(perValue.every((c) => c.key.startsWith(`${m}:`))).toBe(true);
      expect(t.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['code', 'chi2', 'p']));
      // a suppressed count hides its percentages too
      t.rows.forEach((r, i) => {
        for (const c of perValue) {
          const n = published.rows[i]![`n:${c.key.split(':')[1]}`];
          if (n === null) expect(r[c.key]).toBeNull();
        }
      });
    }
  });

  it('leaves other tables alone', () => {
    fc.assert(
      fc.property(fc.constantFrom('n', 'row', 'col') as fc.Arbitrary<'n' | 'row' | 'col'>, (m) => {
        const t = runAnalysis(index, { analysis: 'frequencies', filter: {} });
        expect(withMeasure(t, m)).toBe(t);
      }),
      { numRuns: 3 },
    );
  });
});
