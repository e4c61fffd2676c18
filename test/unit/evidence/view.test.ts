/** The Code view's list: selection by code (with subcategories), the view's filters and sorts, rows with context, and the export table. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareIndex } from '../../../shared/analysis';
import { selectSegments } from '../../../shared/evidence/segments';
import { listSegments, segmentFacets, segmentRow, segmentTable, quoteLookup } from '../../../shared/evidence/view';
import { toCsv } from '../../../shared/export/table';
import type { Quote } from '../../../shared/model';
import { generateProject } from '../analysis/generate';
import { smallProject } from '../analysis/fixture';

const project = (seed: number) => generateProject({ seed, responses: 30, themes: 2, childrenPerTheme: 2, codingsPerResponse: 3, wordsPerResponse: 30 });

describe('retrieved segments', () => {
  it('a theme brings its subcategories’ segments; without subcodes only its own', () => {
    const { bundle, ids } = smallProject();
    const index = prepareIndex(bundle);
    const texts = (subcodes: boolean) => [...selectSegments(index, { codeIds: [ids.T1], subcodes }).positions].map((k) => segmentRow(index, k, () => null).text);
    expect(texts(false).sort()).toEqual(['I felt safe', 'Nobody kept me']);
    expect(texts(true).sort()).toEqual(
      ['I felt safe', 'Nobody kept me', 'kind and helpful', 'Nobody called me back', 'Kind officer', 'Nobody kept me informed', 'How was it?', 'The officer was helpful'].sort(),
    );
    expect(() => selectSegments(index, { codeIds: ['nope'] })).toThrow(/unknown code id "nope"/);
  });

  it('filters keep exactly the segments whose attribute, source kind, coder and star match (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(4), fc.nat(3), fc.boolean(), (seed, a, c, starredOnly) => {
        const bundle = project(seed);
        const index = prepareIndex(bundle);
        const theme = bundle.codes.find((x) => x.parentId === null)!;
        const all = [...selectSegments(index, { codeIds: [theme.id] }).positions];
        const rows = all.map((k) => segmentRow(index, k, () => null));
        const age = ['16-24', '25-34', '35-49', '50-64', '65+'][a]!;
        const coder = bundle.coders[c]!;
        const quotes: Quote[] = rows.filter((_, i) => i % 3 === 0).map((r, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, projectId: bundle.project.id, documentId: r.documentId, start: r.start, end: r.end, codingId: r.codingId, starredBy: coder.id, at: '2024-01-01T00:00:00Z', note: '' }));
        const starred = new Set(quotes.map((q) => q.codingId));
        const got = [...listSegments(index, { codeIds: [theme.id] }, { attribute: { name: 'Age group', value: age }, coderId: coder.id, starredOnly }, quotes)];
        const want = rows.filter((r) => r.attributes.some(([n, v]) => n === 'Age group' && v === age) && r.coder === coder.name && (!starredOnly || starred.has(r.codingId))).map((r) => r.position);
        expect(got).toEqual(want);
        const kind = index.sources[0]!.kind;
        expect([...listSegments(index, { codeIds: [theme.id] }, { sourceKind: kind })]).toEqual(rows.filter((r) => r.sourceKind === kind).map((r) => r.position));
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('sorts by code, coder, attribute and length, ties in document order', () => {
    const bundle = project(11);
    const index = prepareIndex(bundle);
    const rowsOf = (sort: Parameters<typeof listSegments>[2]) => [...listSegments(index, {}, sort)].map((k) => segmentRow(index, k, () => null));
    const byCoder = rowsOf({ sort: { key: 'coder' } });
    expect(byCoder.map((r) => r.coder)).toEqual([...byCoder.map((r) => r.coder)].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })));
    const byLength = rowsOf({ sort: { key: 'length', descending: true } }).map((r) => r.end - r.start);
    expect(byLength).toEqual([...byLength].sort((a, b) => b - a));
    const byAge = rowsOf({ sort: { key: 'attribute:Age group' } }).map((r) => r.attributes.find(([n]) => n === 'Age group')?.[1] ?? '');
    expect(byAge).toEqual([...byAge].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })));
    expect(rowsOf({ sort: { key: 'code' } })).toHaveLength(index.codings.count);
  });

  it('rows carry context around the segment, the speaker of a transcript turn, and the star', () => {
    const { bundle, ids } = smallProject();
    const index = prepareIndex(bundle);
    const k = [...selectSegments(index, { codeIds: [ids.C3], subcodes: false }).positions].find((p) => index.documents.turns(index.codings.doc[p]!).length > 0)!;
    const quote: Quote = { id: '00000000-0000-4000-8000-000000000001', projectId: bundle.project.id, documentId: index.documents.id(index.codings.doc[k]!), start: index.codings.start[k]!, end: index.codings.end[k]!, starredBy: 'x', at: '2024-01-01T00:00:00Z', note: '' };
    const row = segmentRow(index, k, quoteLookup([quote]));
    const doc = index.documents.at(index.codings.doc[k]!);
    expect(row.before + row.text + row.after).toBe(doc.text);
    expect(row.speaker).not.toBe('');
    expect(row.quoteId).toBe(quote.id);
  });

  it('facets list the values present, and the export table neutralises formulas', () => {
    const bundle = project(5);
    bundle.documents[0] = { ...bundle.documents[0]!, title: '=cmd|calc' };
    const index = prepareIndex(bundle);
    const positions = listSegments(index, {});
    const facets = segmentFacets(index, positions);
    expect(facets.attributes.map((a) => a.name)).toEqual(['Age group', 'Contact date']);
    expect(facets.coders.length).toBeGreaterThan(0);
    const table = segmentTable(index, positions, [], 'All segments');
    expect(table.rows).toHaveLength(positions.length);
    const csv = toCsv(table);
    expect(csv).toContain("'=cmd|calc");
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });
});
