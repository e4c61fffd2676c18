/**
 * The Code workspace's documents as a view (stored documents, and survey tables' answers as places)
 * against the same documents as a list: every position, lookup and pick, and the list's groups and
 * filters, are the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDocuments } from '../../../renderer/features/sources/groupDocuments';
import { layoutRows } from '../../../renderer/features/sources/rowLayout';
import { answerPlaces, datasetDocumentId, datasetDocuments } from '../../../shared/import/dataset';
import { documentSeq, documentView, viewDocument, type DocumentSeq } from '../../../shared/import/document-view';
import { TableBuilder, type TableMapping } from '../../../shared/import/mapping';
import type { ParsedTable } from '../../../shared/import/types';
import { seededGuids, type DocumentMeta, type Source } from '../../../shared/model';

const PROJECT = 'a0000000-0000-4000-8000-000000000001';
const mapping: TableMapping = { idColumn: 'ID', textColumns: ['Why', 'How'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'Survey', kind: 'survey' } };
const answer = fc.oneof(fc.constant(''), fc.constantFrom('Kind officer', 'Nobody called back', 'Wait'), fc.string({ maxLength: 8 }));
/** Record ids that may not ascend (R9 after R10), so a table's answers are not always in title order. */
const tableArb = fc.array(fc.tuple(fc.constantFrom('R1', 'R2', 'R9', 'R10', 'r3', 'Émile', '007', 'ΟΔΟΣ', 'İstanbul'), fc.constantFrom('North', 'South'), answer, answer), { maxLength: 25 }).map(
  (rows): ParsedTable => ({ columns: ['ID', 'Area', 'Why', 'How'], descriptions: [], rows: rows.map(([id, area, a, b], i) => [`${id}-${i}`, area, a, b]), warnings: [] }),
);

function setup(table: ParsedTable, hide: (k: number) => boolean) {
  const b = new TableBuilder(table, mapping, { projectId: PROJECT, newId: seededGuids(5), now: '2026-12-05T00:00:00.000Z', fileName: 's.csv' });
  b.addRows(table.rows);
  b.settleLevels();
  const ds = b.dataset();
  const interviews: Source = { id: 'b0000000-0000-4000-8000-000000000002', projectId: PROJECT, name: 'Interviews', kind: 'interview', description: '', createdAt: '2026-12-05T00:00:00.000Z' };
  const stored: DocumentMeta[] = ['Zed', 'alice', 'R2-1 – How', 'Émile'].map((title, k) => ({ id: `c0000000-0000-4000-8000-00000000000${k}`, projectId: PROJECT, sourceId: k === 2 ? b.source.id : interviews.id, participantId: null, title, kind: 'transcript', length: 1, turns: [], createdAt: '2026-12-05T00:00:00.000Z' }));
  const all = answerPlaces(ds);
  const hidden = new Set(Array.from(all.rows, (_, i) => i).filter(hide).map((i) => datasetDocumentId(ds.id, all.rows[i]!, all.slots[i]!)));
  const places = answerPlaces(ds, (row, slot) => hidden.has(datasetDocumentId(ds.id, row, slot)));
  // (in the order the store lists a table's documents: row by row, each row's questions by name)
  const answers = datasetDocuments(ds).filter((d) => !hidden.has(d.id));
  return { view: documentView(stored, [places]), list: [...stored, ...answers], sources: [interviews, b.source], hidden };
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
/** The groups as defined, from the list: sources by name, each one's documents whose title contains the filter (case aside), by title (stable). */
function reference(sources: readonly Source[], list: readonly DocumentMeta[], filter: string) {
  const needle = filter.trim().toLowerCase();
  return [...sources]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((s) => ({ source: s.id, documents: list.filter((d) => d.sourceId === s.id && d.title.toLowerCase().includes(needle)).sort((a, b) => collator.compare(a.title, b.title)), total: list.filter((d) => d.sourceId === s.id).length }))
    .filter((g) => !needle || g.documents.length > 0);
}

const items = (seq: DocumentSeq) => Array.from({ length: seq.length }, (_, i) => seq.at(i));
const shape = (groups: ReturnType<typeof groupDocuments>) => groups.map((g) => ({ source: g.source.id, documents: items(g.documents), total: g.total }));

describe('a document view', () => {
  it('gives the list’s documents at every position, by id, picked, and as groups and filters', () => {
    fc.assert(
      fc.property(tableArb, fc.func(fc.boolean()), fc.array(fc.nat(), { maxLength: 10 }), fc.constantFrom('', 'r', 'how', ' – w', '-1', 'é', 'zzz'), (table, hide, picks, filter) => {
        const { view, list, sources, hidden } = setup(table, (k) => hide(k));
        expect(view.length).toBe(list.length);
        const seq = documentSeq(view.stored, view.tables);
        list.forEach((d, i) => {
          expect(seq.at(i)).toEqual(d);
          expect(seq.id(i)).toBe(d.id);
          expect(seq.title(i)).toBe(d.title);
          expect(seq.titleKey(i)).toBe(d.title.toLowerCase());
          expect(seq.indexOf(d.id)).toBe(i);
          expect(viewDocument(view, d.id)).toEqual(d);
        });
        for (const id of hidden) {
          expect(seq.indexOf(id)).toBe(-1);
          expect(viewDocument(view, id)).toBeUndefined();
        }
        const positions = list.length ? picks.map((p) => p % list.length) : [];
        const picked = seq.pick(positions);
        expect(items(picked)).toEqual(positions.map((p) => list[p]));
        // a pick of a pick, and a lookup in it (the first place a document is picked)
        const twice = picked.pick(positions.map((_, i) => positions.length - 1 - i));
        expect(items(twice)).toEqual([...positions].reverse().map((p) => list[p]));
        for (const p of new Set(positions)) expect(twice.indexOf(list[p]!.id)).toBe(positions.length - 1 - positions.lastIndexOf(p));
        // the list's groups and filter, from the view as from the list
        const fromView = groupDocuments(sources, view, filter);
        expect(shape(fromView)).toEqual(shape(groupDocuments(sources, list, filter)));
        expect(shape(fromView)).toEqual(reference(sources, list, filter));
        const layout = layoutRows(fromView, new Set());
        for (const d of list) expect(layout.indexOfDocument(d.id)).toBe(layoutRows(groupDocuments(sources, list, filter), new Set()).indexOfDocument(d.id));
      }),
      { numRuns: 80 },
    );
  });
});
