import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentMeta, Participant, Variable } from '../../../shared/model';
import { TableBuilder, type TableMapping } from '../../../shared/import/mapping';
import { datasetAnswerPlace, datasetDocumentId, datasetIdFrom, datasetParticipantId, PLACE_SLOTS } from '../../../shared/import/dataset';
import {
  answerRows,
  attributeValue,
  buildGrid,
  distinctValues,
  filterOrder,
  indexCodings,
  longestRecordId,
  responseCounts,
  rowCodes,
  rowsWithCode,
  codeCountsByRow,
  sortOrder,
  viewOrder,
  wholeAnswerCoding,
  type GridCoding,
  type GridFilters,
  type GridModel, gridRows } from '../../../shared/grid/rows';
import { RETRACTED_LABEL } from '../../../shared/governance/retraction';
import { countsByRows } from './counts-by-rows';

const P = '00000000-0000-4000-8000-000000000000';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A survey table imported the way the app imports one (TableBuilder → dataset), ids drawn in order. */
function importTable(columns: string[], rows: string[][], mapping: Omit<TableMapping, 'dateOrder' | 'source'>, seed: number, name = 'Survey', now = '2026-01-01T00:00:00.000Z') {
  let n = seed;
  // Variable ids are random in the app: here they count down, so id order is the reverse of file order.
  const newId = () => `${String(99_999_999 - n++).padStart(8, '0')}-0000-4000-8000-000000000000`;
  const b = new TableBuilder({ columns, descriptions: [] }, { ...mapping, dateOrder: 'dmy', source: { name, kind: 'survey' } }, { projectId: P, newId, now, fileName: `${name}.csv` });
  b.addRows(rows);
  return { source: b.source, variables: b.variables, dataset: b.dataset() };
}

const SURVEY_COLUMNS = ['Ref', 'Zone', 'How were you treated?', 'Age band', 'What could be better?', 'Contact'];
const SURVEY_ROWS = [
  ['R-001', 'North', 'Kindly.', '25–34', 'Call back sooner.', 'Phone'],
  ['R-002', 'South', 'Badly.', '', '', 'Online'],
  ['R-003', 'North', '', '65+', 'Nothing.', 'Phone'],
];
const MAPPING = { idColumn: 'Ref', textColumns: ['How were you treated?', 'What could be better?'], attributes: ['Zone', 'Age band', 'Contact'].map((column) => ({ column, type: 'category' as const })) };

function surveyModel(): { model: GridModel; a: ReturnType<typeof importTable> } {
  const a = importTable(SURVEY_COLUMNS, SURVEY_ROWS, MAPPING, 1);
  return { a, model: buildGrid({ sources: [a.source], variables: a.variables, datasets: [a.dataset], documents: [], participants: [] }) };
}

describe('survey grid rows: one per response', () => {
  it('has one row per table row, one question column per free-text column, and attribute columns in file order', () => {
    const { model, a } = surveyModel();
    expect(gridRows(model).map((r) => r.recordId)).toEqual(['R-001', 'R-002', 'R-003']);
    expect(model.questions.map((q) => q.name)).toEqual(['How were you treated?', 'What could be better?']);
    // File order, not the order of the variables' ids (which here is the reverse).
    expect([...a.variables].sort((x, y) => (x.id < y.id ? -1 : 1)).map((v) => v.name)).toEqual(['Contact', 'Age band', 'Zone']);
    expect(model.attributes.map((c) => c.name)).toEqual(['Zone', 'Age band', 'Contact']);
    // Each answer is its response document; unanswered questions have no answer.
    const [r1, r2, r3] = gridRows(model);
    expect(r1!.answers.map((x) => x?.id)).toEqual([datasetDocumentId(a.dataset.id, 0, 0), datasetDocumentId(a.dataset.id, 0, 1)]);
    expect(r1!.answers.map((x) => x?.length)).toEqual(['Kindly.'.length, 'Call back sooner.'.length]);
    expect(r2!.answers[1]).toBeUndefined();
    expect(r3!.answers[0]).toBeUndefined();
    expect(attributeValue(r2!.attributes, model.attributes[1]!)).toBeNull();
    expect(attributeValue(r3!.attributes, model.attributes[1]!)).toBe('65+');
    expect(model.surveys).toEqual([{ id: a.source.id, name: 'Survey', rows: 3, questions: model.questions.map((q) => q.key), attributes: model.attributes.map((c) => c.key), participants: false }]);
    expect(longestRecordId(model)).toBe(5);
  });

  it('keeps file order for any column order and any variable ids (property)', () => {
    const names = ['Zone', 'Age band', 'Contact', 'Gender', 'Area'];
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: 1 }), fc.nat(1000), (attrs, seed) => {
        const columns = ['ID', ...attrs, 'Q'];
        const t = importTable(columns, [['1', ...attrs.map(() => 'x'), 'text']], { idColumn: 'ID', textColumns: ['Q'], attributes: attrs.map((column) => ({ column, type: 'category' as const })) }, seed);
        const model = buildGrid({ sources: [t.source], variables: [...t.variables].reverse(), datasets: [t.dataset], documents: [], participants: [] });
        expect(model.attributes.map((c) => c.name)).toEqual(attrs);
      }),
    );
  });

  it('groups answers stored one by one into one row per record, and shares columns across surveys by name', () => {
    const { a } = surveyModel();
    const b = importTable(['ID', 'Force area', 'Zone', 'Anything else?'], [['B1', 'East', 'West', 'No.']], { idColumn: 'ID', textColumns: ['Anything else?'], attributes: [{ column: 'Force area', type: 'category' }, { column: 'Zone', type: 'category' }] }, 50, 'Later survey', '2026-02-01T00:00:00.000Z');
    const area: Variable = { id: id(901), projectId: P, name: 'Area', type: 'category', description: '' };
    const source = id(800);
    const people: Participant[] = [{ id: id(500), projectId: P, sourceId: source, pseudonym: 'Respondent 7', attributes: { [area.id]: 'Central' } }];
    const doc = (n: number, field: string, recordId: string): DocumentMeta => ({ id: id(n), projectId: P, sourceId: source, participantId: people[0]!.id, title: `${recordId} – ${field}`, kind: 'response', length: 4, turns: [], recordId, field, createdAt: '2025-01-01' });
    const transcript: DocumentMeta = { ...doc(9, 'x', 'x'), kind: 'transcript' };
    const model = buildGrid({
      sources: [a.source, b.source, { id: source, name: 'Demo survey' }],
      variables: [...a.variables, ...b.variables, area],
      // Given newest first: rows still come oldest import first.
      datasets: [b.dataset, a.dataset],
      documents: [doc(1, 'Q1', '0007'), transcript, doc(2, 'Q2', '0007'), doc(3, 'Q1', '0008')],
      participants: people,
    });
    expect(gridRows(model).map((r) => r.recordId)).toEqual(['R-001', 'R-002', 'R-003', 'B1', '0007', '0008']);
    expect(model.questions.map((q) => q.name)).toEqual(['How were you treated?', 'What could be better?', 'Anything else?', 'Q1', 'Q2']);
    expect(gridRows(model)[4]!.answers.map((x) => x?.id)).toEqual([undefined, undefined, undefined, id(1), id(2)]);
    // "Zone" of both tables is one column; its values come from each table's own variable.
    expect(model.attributes.map((c) => c.name)).toEqual(['Zone', 'Age band', 'Contact', 'Force area', 'Area']);
    expect(model.attributes[0]!.variableIds).toHaveLength(2);
    expect(attributeValue(gridRows(model)[3]!.attributes, model.attributes[0]!)).toBe('West');
    expect(model.surveys.map((s) => [s.name, s.rows, s.questions.length, s.attributes, s.participants])).toEqual([
      ['Survey', 3, 2, ['attr:Zone', 'attr:Age band', 'attr:Contact'], false],
      ['Later survey', 1, 1, ['attr:Force area', 'attr:Zone'], false],
      ['Demo survey', 2, 2, ['attr:Area'], true],
    ]);
    expect([...filterOrder(model, { source }, indexCodings([]))]).toEqual([4, 5]);
  });
});

describe('survey grid: codes, filters and sorting over responses', () => {
  const { model } = surveyModel();
  const [r1, r2, r3] = gridRows(model);
  const CODE = id(701);
  const OTHER = id(702);
  const ME = id(600);
  const codings: GridCoding[] = [
    { id: id(1001), documentId: r1!.answers[1]!.id, codeId: CODE, coderId: ME, start: 0, end: r1!.answers[1]!.length },
    { id: id(1002), documentId: r1!.answers[0]!.id, codeId: CODE, coderId: id(601), start: 0, end: 3 },
    { id: id(1003), documentId: r3!.answers[1]!.id, codeId: OTHER, coderId: ME, start: 0, end: 2 },
  ];
  const index = indexCodings(codings);

  it('counts responses (not answers) with each code, and lists a response’s codes over its answers', () => {
    expect(responseCounts(model, index)).toEqual(new Map([[CODE, 1], [OTHER, 1]]));
    expect(responseCounts(model, indexCodings([]))).toEqual(new Map());
    expect(rowCodes(r1!, index)).toEqual([CODE]);
    expect(rowCodes(r2!, index)).toEqual([]);
    expect(wholeAnswerCoding(index, r1!.answers[1]!, CODE, ME)?.id).toBe(id(1001));
    expect(wholeAnswerCoding(index, r1!.answers[0]!, CODE, id(601))).toBeUndefined(); // part of the answer only
  });

  it('filters by attribute column and code; sorts by file order, record, attribute and answer length', () => {
    expect([...filterOrder(model, { attribute: { column: 'attr:Zone', value: 'North' } }, index)]).toEqual([0, 2]);
    expect([...filterOrder(model, { code: { codeId: CODE, has: false } }, index)]).toEqual([1, 2]);
    expect([...viewOrder(model, {}, { key: 'row', dir: 'desc' }, index)]).toEqual([2, 1, 0]);
    expect([...viewOrder(model, {}, { key: 'attr:Age band', dir: 'asc' }, index)]).toEqual([0, 2, 1]); // empty last
    expect([...viewOrder(model, {}, { key: 'q:What could be better?', dir: 'desc' }, index)]).toEqual([0, 2, 1]);
    expect([...viewOrder(model, {}, { key: 'record', dir: 'desc' }, index)]).toEqual([2, 1, 0]);
    expect(distinctValues(model, 'attr:Contact')).toEqual({ values: ['Online', 'Phone'], truncated: false });
  });

  it('viewOrder keeps exactly the matching rows, ordered as a plain comparator sort would (property)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`R${i}`, ['North', 'South', ''][i % 3]!, i % 5 === 0 ? '' : 'x'.repeat(1 + ((i * 7) % 11)), String((i * 37) % 90), i % 4 === 0 ? '' : 'y', ['Phone', 'Online'][i % 2]!]);
    const t = importTable(SURVEY_COLUMNS, rows, { ...MAPPING, attributes: [{ column: 'Zone', type: 'category' }, { column: 'Age band', type: 'number' }, { column: 'Contact', type: 'category' }] }, 7);
    const m = buildGrid({ sources: [t.source], variables: t.variables, datasets: [t.dataset], documents: [], participants: [] });
    const cs: GridCoding[] = gridRows(m).flatMap((r, i) => (i % 3 === 0 && r.answers[1] ? [{ id: id(2000 + i), documentId: r.answers[1].id, codeId: i % 2 ? CODE : OTHER, coderId: ME, start: 0, end: 1 }] : []));
    const ix = indexCodings(cs);
    const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
    const keyOf = (key: string, i: number): string | number | null => {
      const r = gridRows(m)[i]!;
      if (key === 'record') return r.recordId;
      if (key === 'codes') return new Set(cs.filter((c) => r.answers.some((a) => a?.id === c.documentId)).map((c) => c.codeId)).size;
      if (key.startsWith('q:')) return r.answers[m.questions.findIndex((q) => q.key === key)]?.length ?? null;
      const v = attributeValue(r.attributes, m.attributes.find((a) => a.key === key)!);
      return v === null ? null : (v as string | number);
    };
    fc.assert(
      fc.property(
        fc.constantFrom('record', 'codes', 'attr:Zone', 'attr:Age band', 'q:How were you treated?'),
        fc.boolean(),
        fc.option(fc.constantFrom('North', 'South', ''), { nil: undefined }),
        fc.option(fc.record({ codeId: fc.constantFrom(CODE, OTHER), has: fc.boolean() }), { nil: undefined }),
        (key, asc, zone, code) => {
          const filters: GridFilters = { ...(zone !== undefined ? { attribute: { column: 'attr:Zone', value: zone } } : {}), ...(code ? { code } : {}) };
          const keep = gridRows(m).flatMap((r, i) => {
            if (zone !== undefined && String(attributeValue(r.attributes, m.attributes[0]!) ?? '') !== zone) return [];
            if (code && cs.some((c) => c.codeId === code.codeId && r.answers.some((a) => a?.id === c.documentId)) !== code.has) return [];
            return [i];
          });
          const sign = asc ? 1 : -1;
          const expected = [...keep].sort((a, b) => {
            const ka = keyOf(key, a);
            const kb = keyOf(key, b);
            if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
            const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
            return c !== 0 ? sign * c : a - b;
          });
          expect([...viewOrder(m, filters, { key, dir: asc ? 'asc' : 'desc' }, ix)]).toEqual(expected);
          expect([...sortOrder(m, Int32Array.from(keep), { key: 'row', dir: 'asc' }, ix)]).toEqual(keep);
        },
      ),
    );
  });
});

const CODER = id(600);
const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe('survey grid: counts of responses per code', () => {
  it('equal the count over every row’s answers, for any codings and changes, with places kept between counts (property)', () => {
    // two tables (blank answers, a retracted row) and answers stored one by one
    const rows = Array.from({ length: 12 }, (_, i) => [`R${i}`, ['North', 'South'][i % 2]!, i % 4 === 1 ? '' : `First ${i}`, '', i % 3 === 0 ? '' : `Second ${i}`, 'Phone']);
    const a = importTable(SURVEY_COLUMNS, rows, MAPPING, 1);
    // a retracted participant's row is blanked (no answers, record id replaced): not a row of the grid
    const ds = { ...a.dataset, recordIds: a.dataset.recordIds.map((r, i) => (i === 5 ? RETRACTED_LABEL : r)), lengths: a.dataset.lengths.map((n, k) => (Math.floor(k / 2) === 5 ? -1 : n)) };
    const b = importTable(['ID', 'Q'], [['B1', 'Yes'], ['B2', 'No']], { idColumn: 'ID', textColumns: ['Q'], attributes: [] }, 50, 'Later', '2026-02-01T00:00:00.000Z');
    const source = id(800);
    const doc = (n: number, field: string, recordId: string): DocumentMeta => ({ id: id(n), projectId: P, sourceId: source, participantId: null, title: `${recordId} – ${field}`, kind: 'response', length: 4, turns: [], recordId, field, createdAt: '2025-01-01' });
    const model = buildGrid({ sources: [a.source, b.source, { id: source, name: 'Stored' }], variables: [...a.variables, ...b.variables], datasets: [ds, b.dataset], documents: [doc(1, 'Q1', '7'), doc(2, 'Q2', '7'), doc(3, 'Q1', '8')], participants: [] });
    expect(gridRows(model).length).toBe(11 + 2 + 2);
    // codings may fall on answers, blank answers, the retracted row, a participant, or nothing of the grid
    const targets = [
      ...gridRows(model).flatMap((r) => r.answers.flatMap((x) => (x ? [x.id] : []))),
      datasetDocumentId(ds.id, 1, 0),
      datasetDocumentId(ds.id, 5, 0),
      datasetDocumentId(ds.id, 40, 0),
      datasetParticipantId(ds.id, 2),
      id(4),
    ];
    const coding = fc.record({ doc: fc.constantFrom(...targets), code: fc.constantFrom('a', 'b', 'c'), n: fc.nat(400) });
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 40 }), fc.array(fc.oneof(coding.map((c) => ({ add: c })), fc.nat(60).map((k) => ({ remove: k }))), { maxLength: 12 }), (first, changes) => {
        const made = first.map((c, k) => ({ id: id(10_000 + k), documentId: c.doc, codeId: c.code, coderId: CODER, start: 0, end: 1 + (c.n % 3) }));
        const index = indexCodings(made);
        const placed = answerRows(model, index);
        expect(sorted(responseCounts(model, index, placed))).toEqual(sorted(countsByRows(gridRows(model), index)));
        // later codings added and removed (the index's changes): the places kept still hold
        changes.forEach((ch, k) => {
          if ('add' in ch) index.put({ id: id(20_000 + k), documentId: ch.add.doc, codeId: ch.add.code, coderId: CODER, start: 0, end: 2 });
          else if (made[ch.remove]) index.remove(made[ch.remove]!.id);
        });
        expect(answerRows(model, index, placed)).toBe(placed);
        expect(sorted(responseCounts(model, index, placed))).toEqual(sorted(countsByRows(gridRows(model), index)));
        expect(sorted(responseCounts(model, index))).toEqual(sorted(countsByRows(gridRows(model), index)));
        // per row, from the same places: its distinct codes, and whether it has each code
        const codes = gridRows(model).map((r) => rowCodes(r, index));
        expect([...codeCountsByRow(model, index, placed)]).toEqual(codes.map((c) => c.length));
        for (const code of ['a', 'b', 'c']) expect([...rowsWithCode(model, index, code, placed)]).toEqual(codes.map((c) => (c.includes(code) ? 1 : 0)));
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });

  it('reads each row’s fields without making the row, as the made row has them', () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`R${i}`, ['North', ''][i % 2]!, i % 3 === 1 ? '' : `First ${i}`, '', `Second ${i}`, 'Phone']);
    const a = importTable(SURVEY_COLUMNS, rows, MAPPING, 1);
    const ds = { ...a.dataset, recordIds: a.dataset.recordIds.map((r, i) => (i === 2 ? RETRACTED_LABEL : r)), lengths: a.dataset.lengths.map((n, k) => (Math.floor(k / 2) === 2 ? -1 : n)) };
    const b = importTable(['ID', 'Q', 'Zone'], [['B1', 'Yes', 'East'], ['B2', '', 'West']], { idColumn: 'ID', textColumns: ['Q'], attributes: [{ column: 'Zone', type: 'category' }] }, 50, 'Later', '2026-02-01T00:00:00.000Z');
    const source = id(800);
    const doc = (n: number, field: string, recordId: string): DocumentMeta => ({ id: id(n), projectId: P, sourceId: source, participantId: null, title: `${recordId} – ${field}`, kind: 'response', length: 3 + n, turns: [], recordId, field, createdAt: '2025-01-01' });
    const model = buildGrid({ sources: [a.source, b.source, { id: source, name: 'Stored' }], variables: [...a.variables, ...b.variables], datasets: [b.dataset, ds], documents: [doc(1, 'Q1', '7'), doc(2, 'Q', '7'), doc(3, 'Q1', '8')], participants: [] });
    expect(model.count).toBe(5 + 2 + 2);
    for (let i = 0; i < model.count; i++) {
      const r = model.row(i);
      expect([model.sourceId(i), model.recordId(i), model.pseudonym(i), model.values(i)]).toEqual([r.sourceId, r.recordId, r.pseudonym, r.attributes]);
      model.questions.forEach((_, q) => expect(model.answerLength(i, q)).toBe(r.answers[q]?.length ?? -1));
      expect(model.answerLength(i, model.questions.length)).toBe(-1);
    }
    // the oldest table first, the retracted row left out, then the stored answers by record
    expect(gridRows(model).map((r) => r.recordId)).toEqual(['R0', 'R1', 'R3', 'R4', 'R5', 'B1', 'B2', '7', '8']);
    expect(attributeValue(model.values(5), model.attributes.find((c) => c.name === 'Zone')!)).toBe('East');
    expect(() => model.row(model.count)).toThrow(RangeError);
    expect(() => model.recordId(-1)).toThrow(RangeError);
  });

  it('places an answer from its id: its table, row and slot, and nothing else', () => {
    const { model, a } = surveyModel();
    gridRows(model).forEach((r, i) => r.answers.forEach((x) => x && expect(model.answerRow(x.id)).toBe(i)));
    // a blank answer, a row past the table, a participant, another table's id: no row
    expect(model.answerRow(datasetDocumentId(a.dataset.id, 1, 1))).toBe(-1);
    expect(model.answerRow(datasetDocumentId(a.dataset.id, 3, 0))).toBe(-1);
    expect(model.answerRow(datasetParticipantId(a.dataset.id, 0))).toBe(-1);
    expect(model.answerRow(datasetDocumentId(datasetIdFrom(id(77)), 0, 0))).toBe(-1);
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.nat(0xffffffff), fc.nat(0xfffe), (guid, other, row, slot) => {
        // a table's id: the head of a GUID, as datasetIdFrom makes it
        const dsId = datasetIdFrom(guid);
        expect(datasetAnswerPlace(datasetDocumentId(dsId, row, slot), dsId)).toBe(row * PLACE_SLOTS + slot);
        expect(datasetAnswerPlace(datasetParticipantId(dsId, row), dsId)).toBe(-1);
        const otherId = datasetIdFrom(other);
        if (otherId !== dsId) expect(datasetAnswerPlace(datasetDocumentId(dsId, row, slot), otherId)).toBe(-1);
      }),
    );
    // a stored document's GUID is no answer of the table (whose id is another GUID's head); nor is an id of the wrong length or with a non-hex row
    expect(datasetAnswerPlace(id(5), a.dataset.id)).toBe(-1);
    expect(datasetAnswerPlace(`${a.dataset.id}0000000g0000`, a.dataset.id)).toBe(-1);
    expect(datasetAnswerPlace(`${a.dataset.id}000000000`, a.dataset.id)).toBe(-1);
  });
});
