import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Code, DocumentMeta, Participant, Variable } from '../../../shared/model';
import {
  buildRows,
  codeOptions,
  codesOf,
  distinctValues,
  filterRows,
  indexCodings,
  paletteCodes,
  responseCounts,
  sortRows,
  wholeResponseCoding,
  type GridCoding,
  type GridRow,
} from '../../../shared/coding/grid-model';

const P = '00000000-0000-4000-8000-000000000000';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AGE: Variable = { id: id(900), projectId: P, name: 'Age', type: 'number', description: '' };
const AREA: Variable = { id: id(901), projectId: P, name: 'Area', type: 'category', description: '' };

function doc(n: number, kind: DocumentMeta['kind'], participantId: string | null, length = 10): DocumentMeta {
  return { id: id(n), projectId: P, sourceId: id(800), participantId, title: `Response ${n}`, kind, length, turns: [], recordId: `R${n}`, createdAt: '2026-01-01' };
}
function person(n: number, attributes: Participant['attributes']): Participant {
  return { id: id(500 + n), projectId: P, sourceId: id(800), pseudonym: `P${n}`, attributes };
}
function code(n: number, parentId: string | null, order: number): Code {
  return { id: id(700 + n), projectId: P, parentId, name: `Code ${n}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#0072B2', order, keywords: [], createdAt: '2026-01-01' };
}
const coding = (k: number, documentId: string, codeId: string, start = 0, end = 10, coderId = id(600)): GridCoding => ({ id: id(1000 + k), documentId, codeId, coderId, start, end });

describe('survey grid rows', () => {
  it('has one row per response with its participant’s attributes, ignoring transcripts', () => {
    const people = [person(1, { [AGE.id]: 34, [AREA.id]: 'North' }), person(2, { [AREA.id]: 'South' })];
    const rows = buildRows([doc(1, 'response', people[0]!.id), doc(2, 'transcript', people[1]!.id), doc(3, 'response', people[1]!.id), doc(4, 'response', null)], people);
    expect(rows.map((r) => r.recordId)).toEqual(['R1', 'R3', 'R4']);
    expect(rows[0]!.attributes[AGE.id]).toBe(34);
    expect(rows[1]!.pseudonym).toBe('P2');
    expect(rows[2]!.attributes).toEqual({});
  });

  it('shows a response-level value (such as each response’s date) on its own row', () => {
    const people = [person(1, { [AREA.id]: 'North' })];
    const VISIT = id(902);
    const docs = [{ ...doc(1, 'response', people[0]!.id), attributes: { [VISIT]: '2024-03-01' } }, { ...doc(2, 'response', people[0]!.id), attributes: { [VISIT]: '2024-04-20' } }];
    expect(buildRows(docs, people).map((r) => r.attributes)).toEqual([
      { [AREA.id]: 'North', [VISIT]: '2024-03-01' },
      { [AREA.id]: 'North', [VISIT]: '2024-04-20' },
    ]);
  });

  it('sorts numbers numerically and text naturally, empty values last both ways, stably', () => {
    const people = [person(1, { [AGE.id]: 9 }), person(2, { [AGE.id]: 100 }), person(3, {}), person(4, { [AGE.id]: 25 }), person(5, { [AGE.id]: 9 })];
    const rows = buildRows(people.map((p, i) => doc(i + 1, 'response', p.id)), people);
    const asc = sortRows(rows, { key: `var:${AGE.id}`, dir: 'asc' }, new Map(), [AGE]);
    expect(asc.map((r) => r.pseudonym)).toEqual(['P1', 'P5', 'P4', 'P2', 'P3']);
    const desc = sortRows(rows, { key: `var:${AGE.id}`, dir: 'desc' }, new Map(), [AGE]);
    expect(desc.map((r) => r.pseudonym)).toEqual(['P2', 'P4', 'P1', 'P5', 'P3']);
    const byTitle = sortRows([...rows].reverse(), { key: 'title', dir: 'asc' }, new Map(), []);
    expect(byTitle.map((r) => r.recordId)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']); // natural: R10 would follow R9
  });

  it('sorting is a permutation that orders by the key (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { maxLength: 40 }), fc.boolean(), (ages, asc) => {
        const people = ages.map((a, i) => person(i, a === null ? {} : { [AGE.id]: a }));
        const rows = buildRows(people.map((p, i) => doc(i, 'response', p.id)), people);
        const out = sortRows(rows, { key: `var:${AGE.id}`, dir: asc ? 'asc' : 'desc' }, new Map(), [AGE]);
        expect([...out].map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
        const keys = out.map((r) => r.attributes[AGE.id] as number | undefined);
        const firstEmpty = keys.findIndex((k) => k === undefined);
        if (firstEmpty >= 0) expect(keys.slice(firstEmpty).every((k) => k === undefined)).toBe(true);
        const nums = keys.filter((k): k is number => k !== undefined);
        for (let i = 1; i < nums.length; i++) expect(asc ? nums[i - 1]! <= nums[i]! : nums[i - 1]! >= nums[i]!).toBe(true);
      }),
    );
  });

  it('filters by attribute value and by having or not having a code', () => {
    const people = [person(1, { [AREA.id]: 'North' }), person(2, { [AREA.id]: 'South' }), person(3, { [AREA.id]: 'North' })];
    const rows = buildRows(people.map((p, i) => doc(i + 1, 'response', p.id)), people);
    const c = code(1, null, 0);
    const index = indexCodings([coding(1, rows[0]!.id, c.id, 2, 5), coding(2, rows[1]!.id, c.id)]);
    expect(filterRows(rows, { attribute: { variableId: AREA.id, value: 'North' } }, index).map((r) => r.pseudonym)).toEqual(['P1', 'P3']);
    expect(filterRows(rows, { code: { codeId: c.id, has: true } }, index).map((r) => r.pseudonym)).toEqual(['P1', 'P2']);
    expect(filterRows(rows, { code: { codeId: c.id, has: false } }, index).map((r) => r.pseudonym)).toEqual(['P3']);
    expect(filterRows(rows, { attribute: { variableId: AREA.id, value: 'North' }, code: { codeId: c.id, has: false } }, index).map((r) => r.pseudonym)).toEqual(['P3']);
    expect(distinctValues(rows, AREA.id)).toEqual({ values: ['North', 'South'], truncated: false });
    expect(responseCounts(rows, index).get(c.id)).toBe(2);
    expect(sortRows(rows, { key: 'codes', dir: 'desc' }, index, []).map((r) => r.pseudonym)).toEqual(['P1', 'P2', 'P3']);
  });

  it('finds only the current coder’s whole-response coding for the number-key toggle', () => {
    const r: GridRow = { id: id(1), title: 't', recordId: 'R1', pseudonym: '', length: 10, attributes: {} };
    const c = code(1, null, 0);
    const other = id(601);
    const index = indexCodings([coding(1, r.id, c.id, 0, 5), coding(2, r.id, c.id, 0, 10, other)]);
    expect(wholeResponseCoding(index, r, c.id, id(600))).toBeUndefined();
    expect(wholeResponseCoding(index, r, c.id, other)?.id).toBe(id(1002));
    expect(codesOf(index, r.id)).toEqual([c.id]);
  });

  it('offers the first nine codes in codebook order on the palette, or the chosen ones that exist', () => {
    const root = code(1, null, 1);
    const codes = [root, code(2, null, 0), code(3, root.id, 0), ...Array.from({ length: 10 }, (_, i) => code(10 + i, null, 2 + i))];
    const palette = paletteCodes(codes, undefined);
    expect(palette).toHaveLength(9);
    expect(palette.slice(0, 3).map((c) => c.name)).toEqual(['Code 2', 'Code 1', 'Code 3']);
    expect(paletteCodes(codes, [id(703), 'gone']).map((c) => c.name)).toEqual(['Code 3']);
    expect(codeOptions(codes).find((o) => o.id === id(703))?.path).toBe('Code 1 › Code 3');
  });
});
