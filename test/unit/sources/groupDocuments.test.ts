import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentMeta, Source } from '../../../shared/model';
import { compareTitles, filterKeysMade, filterPrepared, makeFilterKeysInSlices, filterPreparedFrom, ORDER_SLICE, groupDocuments, leadingNumber, normaliseFilter, prepareDocuments, prepareDocumentsInSlices, type FilteredDocuments } from '../../../renderer/features/sources/groupDocuments';
import { layoutRows } from '../../../renderer/features/sources/rowLayout';
import type { DocumentSeq } from '../../../shared/import/document-view';

const NOW = '2026-01-01T00:00:00.000Z';
const source = (id: string, name: string, kind: Source['kind'] = 'survey'): Source => ({ id, projectId: 'p', name, kind, description: '', createdAt: NOW });
const doc = (id: string, sourceId: string, title: string): DocumentMeta => ({
  id, projectId: 'p', sourceId, participantId: null, title, kind: 'response', length: 1, turns: [], createdAt: NOW,
});
const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
/** A group's documents as a list. */
const list = (seq: DocumentSeq) => Array.from({ length: seq.length }, (_, i) => seq.at(i));

/** The reference: filter the raw list first, then group and sort (the old per-keystroke way). */
function reference(sources: readonly Source[], documents: readonly DocumentMeta[], filter: string) {
  const needle = filter.trim().toLocaleLowerCase('en-GB');
  return [...sources]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((s) => ({
      id: s.id,
      titles: documents.filter((d) => d.sourceId === s.id && d.title.toLocaleLowerCase('en-GB').includes(needle)).sort((a, b) => collator.compare(a.title, b.title)).map((d) => d.id),
      total: documents.filter((d) => d.sourceId === s.id).length,
    }))
    .filter((g) => !needle || g.titles.length > 0);
}
const shape = (groups: ReturnType<typeof groupDocuments>) => groups.map((g) => ({ id: g.source.id, titles: list(g.documents).map((d) => d.id), total: g.total }));

describe('groupDocuments', () => {
  const sources = [source('b', 'Interviews', 'interview'), source('a', 'Survey 2', 'survey'), source('c', 'survey 10')];
  const documents = [doc('1', 'a', 'R10 – Q'), doc('2', 'a', 'R2 – Q'), doc('3', 'b', 'Émile'), doc('4', 'b', 'alice'), doc('5', 'c', 'Zed'), doc('6', 'x', 'orphan')];

  it('orders sources by name and documents by title, numerically and ignoring case', () => {
    const groups = groupDocuments(sources, documents, '');
    expect(groups.map((g) => g.source.name)).toEqual(['Interviews', 'Survey 2', 'survey 10']);
    expect(list(groups[0]!.documents).map((d) => d.title)).toEqual(['alice', 'Émile']);
    expect(list(groups[1]!.documents).map((d) => d.title)).toEqual(['R2 – Q', 'R10 – Q']);
    expect(groups.map((g) => g.total)).toEqual([2, 2, 1]);
  });

  it('filters case-insensitively, keeps totals and drops sources without a match', () => {
    const groups = groupDocuments(sources, documents, '  ÉMI ');
    expect(groups).toHaveLength(1);
    expect(list(groups[0]!.documents).map((d) => d.id)).toEqual(['3']);
    expect(groups[0]!.total).toBe(2);
    expect(groupDocuments(sources, documents, 'nothing')).toEqual([]);
  });

  it('keeps sources without documents when there is no filter, and leaves out documents of unknown sources', () => {
    const groups = groupDocuments([...sources, source('e', 'Empty')], documents, '');
    expect(groups.find((g) => g.source.id === 'e')).toMatchObject({ documents: { length: 0 }, total: 0 });
    expect(groups.flatMap((g) => list(g.documents)).some((d) => d.id === '6')).toBe(false);
  });

  it('prepared in slices: the same groups, a pause every ORDER_SLICE documents grouped and titles checked, nothing if stopped', async () => {
    const big = Array.from({ length: 45_000 }, (_, k) => doc(`b${k}`, 'a', `${String(k).padStart(6, '0')} – Q`));
    let pauses = 0;
    const pause = async () => void pauses++;
    const sliced = await prepareDocumentsInSlices(sources, big, pause, () => true);
    // 45,000 grouped (4 pauses at 10,000) then 44,999 adjacent pairs checked (4 more)
    expect(ORDER_SLICE).toBe(10_000);
    expect(pauses).toBe(8);
    expect(shape(filterPrepared(sliced!, ''))).toEqual(shape(filterPrepared(prepareDocuments(sources, big), '')));
    expect(await prepareDocumentsInSlices(sources, big, pause, () => false)).toBeUndefined();
  });

  it('makes the filter keys in slices: the keys the first filter would make, a pause every ORDER_SLICE titles, nothing kept if stopped', async () => {
    const big = Array.from({ length: 25_000 }, (_, k) => doc(`b${k}`, 'a', `R${String(k).padStart(6, '0')} – Émile`));
    const sliced = prepareDocuments(sources, big);
    const whole = prepareDocuments(sources, big);
    expect(filterKeysMade(sliced)).toBe(false);
    let pauses = 0;
    expect(await makeFilterKeysInSlices(sliced, async () => void pauses++, () => pauses < 1)).toBe(false);
    expect(filterKeysMade(sliced)).toBe(false);
    pauses = 0;
    expect(await makeFilterKeysInSlices(sliced, async () => void pauses++, () => true)).toBe(true);
    expect(pauses).toBe(2); // 25,000 titles in the survey's group: two pauses at 10,000
    expect(filterKeysMade(sliced)).toBe(true);
    expect(sliced.groups.map((g) => g.keys)).toEqual(whole.groups.map((g) => g.keys));
    expect(shape(filterPrepared(sliced, 'émile'))).toEqual(shape(filterPrepared(whole, 'émile')));
  });

  it('does not mutate its input and reuses the prepared arrays when unfiltered', () => {
    const input = [...documents];
    const prepared = prepareDocuments(sources, input);
    expect(input).toEqual(documents);
    const a = filterPrepared(prepared, '');
    const b = filterPrepared(prepared, ' ');
    expect(a[0]!.documents).toBe(b[0]!.documents);
  });

  it('reads a leading number only when the collator would read the same number', () => {
    expect(leadingNumber('000123 – Q')).toBe(123);
    expect(Number.isNaN(leadingNumber('R12'))).toBe(true);
    expect(Number.isNaN(leadingNumber('0٣'))).toBe(true);
    expect(Number.isNaN(leadingNumber('1234567890123456'))).toBe(true);
  });

  it('property: reads a leading number exactly as /^[0-9]{1,15}(?!\\p{Nd})/u does', () => {
    const reference = (t: string) => {
      const m = /^[0-9]{1,15}(?!\p{Nd})/u.exec(t);
      return m ? Number(m[0]) : NaN;
    };
    const unit = fc.constantFrom('0', '1', '7', '9', 'a', ' ', '–', '٣', '１', '𝟘', '\uD835', 'é', '.');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20, unit }), fc.stringMatching(/^[0-9]{10,18}[^0-9]?/)), (t) => {
        expect(leadingNumber(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('normalises the filter by trimming and lower-casing', () => {
    expect(normaliseFilter('  R10 – Q ')).toBe('r10 – q');
  });

  it('property: filtering the prepared list equals filtering then sorting the raw list', () => {
    const title = fc.oneof(fc.stringMatching(/^[A-Za-zÉé0-9 –-]{0,8}$/), fc.stringMatching(/^[0-9]{1,4}( – [A-Za-z]{0,3})?$/));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), name: fc.stringMatching(/^[A-Za-z0-9 ]{0,5}$/) }), { selector: (s) => s.id, maxLength: 5 }),
        fc.array(fc.record({ source: fc.nat(5), title }), { maxLength: 40 }),
        fc.array(fc.stringMatching(/^[A-Za-zé0-9 ]{0,3}$/), { minLength: 1, maxLength: 4 }),
        (srcs, docs, filters) => {
          const ss = srcs.map((s) => source(s.id, s.name));
          const ds = docs.map((d, i) => doc(`d${i}`, srcs[d.source]?.id ?? 'none', d.title));
          const prepared = prepareDocuments(ss, ds);
          for (const f of filters) expect(shape(filterPrepared(prepared, f))).toEqual(reference(ss, ds, f));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: filtering on from the last result (typing on, deleting, starting again) equals filtering afresh', () => {
    const title = fc.stringMatching(/^[A-Ca-c0-9 ]{0,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ source: fc.nat(2), title }), { maxLength: 40 }),
        fc.array(fc.stringMatching(/^[A-Ca-c0-9 ]{0,4}$/), { minLength: 1, maxLength: 8 }),
        (docs, typed) => {
          const ss = [source('s0', 'A'), source('s1', 'B'), source('s2', 'C')];
          const ds = docs.map((d, i) => doc(`d${i}`, `s${d.source}`, d.title));
          const prepared = prepareDocuments(ss, ds);
          // each word typed on letter by letter from the last filter, then deleted back a letter,
          // and on to the next word without clearing (a jump to a filter that is no narrowing)
          const filters = typed.flatMap((word) => [...Array.from({ length: word.length }, (_, n) => word.slice(0, n + 1)), word.slice(0, -1)]);
          let last: FilteredDocuments | undefined;
          for (const f of filters) {
            last = filterPreparedFrom(prepared, f, last);
            expect(shape(last.groups)).toEqual(shape(filterPrepared(prepared, f)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: compareTitles orders as the en-GB numeric collator does', () => {
    const t = fc.oneof(fc.stringMatching(/^[0-9]{0,17}[ .,:–a-zA-Z0-9٣０]{0,4}$/), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(t, t, (a, b) => {
        expect(Math.sign(compareTitles(a, leadingNumber(a), b, leadingNumber(b)))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: titles sharing a prefix (a survey’s “R000017 – Question”) are ordered as the collator orders them, wherever they first differ', () => {
    const part = fc.stringMatching(/^[ –.,:'’a-zA-Z0-9٣０éÉ\u0301]{0,5}$/);
    const digits = fc.stringMatching(/^[0-9]{0,18}$/);
    const t = fc.tuple(digits, part, digits, part).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.constantFrom('', 'R', 'R0000', 'R000017 – What ', 'Q', 'é'), t, t, (prefix, x, y) => {
        const a = prefix + x;
        const b = prefix + y;
        expect(Math.sign(compareTitles(a, leadingNumber(a), b, leadingNumber(b)))).toBe(Math.sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
    // the cases a survey's titles meet, by hand
    const order = (a: string, b: string) => Math.sign(compareTitles(a, leadingNumber(a), b, leadingNumber(b)));
    expect(order('R000017 – What happened', 'R000017 – What could')).toBe(1);
    expect(order('R000017 – What happened', 'R000018 – What could')).toBe(-1);
    expect(order('R9 – Q', 'R10 – Q')).toBe(-1);
    expect(order('R01 – Q', 'R1 – Q')).toBe(Math.sign(collator.compare('R01 – Q', 'R1 – Q')));
    expect(order('a b', 'A B')).toBe(0);
  });
});

describe('layoutRows', () => {
  const groups = groupDocuments(
    [source('a', 'A'), source('b', 'B'), source('c', 'C')],
    [doc('a1', 'a', '1'), doc('a2', 'a', '2'), doc('c1', 'c', '1')],
    '',
  );

  it('lists each header followed by its documents, and skips collapsed sources’ documents', () => {
    const all = layoutRows(groups, new Set());
    expect(all.count).toBe(6);
    expect(Array.from({ length: all.count }, (_, i) => { const r = all.rowAt(i); return r.kind === 'source' ? r.group.source.id : r.doc.id; })).toEqual(['a', 'a1', 'a2', 'b', 'c', 'c1']);
    const folded = layoutRows(groups, new Set(['a']));
    expect(folded.count).toBe(4);
    expect(folded.rowAt(0)).toMatchObject({ kind: 'source', expanded: false });
    expect(folded.rowAt(1)).toMatchObject({ kind: 'source', group: { source: { id: 'b' } } });
    expect(folded.indexOfDocument('a2')).toBe(-1);
    expect(folded.indexOfDocument('c1')).toBe(3);
    expect(folded.indexOfSource('c')).toBe(2);
    expect(() => folded.rowAt(4)).toThrow('Row 4 is outside the list of 4 rows');
  });

  it('property: rowAt, isHeader and indexOfDocument agree with a flat array of rows', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 8 }), (sizes, folds) => {
        const ss = sizes.map((_, i) => source(`s${i}`, `S${i}`));
        const ds = sizes.flatMap((n, i) => Array.from({ length: n }, (_, k) => doc(`s${i}d${k}`, `s${i}`, `T${k}`)));
        const gs = groupDocuments(ss, ds, '');
        const collapsed = new Set(ss.filter((_, i) => folds[i]).map((s) => s.id));
        const flat = gs.flatMap((g) => [g.source.id, ...(collapsed.has(g.source.id) ? [] : list(g.documents).map((d) => d.id))]);
        const layout = layoutRows(gs, collapsed);
        expect(layout.count).toBe(flat.length);
        flat.forEach((key, i) => {
          const r = layout.rowAt(i);
          expect(r.kind === 'source' ? r.group.source.id : r.doc.id).toBe(key);
          expect(layout.isHeader(i)).toBe(r.kind === 'source');
          if (r.kind === 'document') expect(layout.indexOfDocument(r.doc.id)).toBe(i);
        });
      }),
    );
  });
});
