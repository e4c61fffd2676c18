import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentMeta, seededGuids, type ProjectBundle } from '../../../shared/model';
import { parseDateEitherOrder } from '../../../shared/import/values';
import { buildBatchFromTable, TableBuilder, type TableMapping } from '../../../shared/import/mapping';
import { datasetDocuments, datasetParticipants } from '../../../shared/import/dataset';
import { prepareIndex } from '../../../shared/analysis/prepare';
import { documentList } from '../../../shared/analysis/index-documents';
import { personValues, resolveAttribute, buildScope } from '../../../shared/analysis/scope';
import type { ParsedTable } from '../../../shared/import/types';
import { LevelCounter } from '../../../shared/import/levels';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const ctx = () => ({ projectId: PROJECT, newId: seededGuids(5), now: '2026-12-02T10:00:00Z', fileName: 'feedback.csv' });
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

describe('parseDateEitherOrder', () => {
  it('reads a date in the one order that makes it valid, and says when both do as different dates', () => {
    expect(parseDateEitherOrder('25/12/2024')).toEqual({ ok: true, value: '2024-12-25' });
    expect(parseDateEitherOrder('12/25/2024')).toEqual({ ok: true, value: '2024-12-25' });
    expect(parseDateEitherOrder('05/05/2024')).toEqual({ ok: true, value: '2024-05-05' });
    expect(parseDateEitherOrder('2024-06-05')).toEqual({ ok: true, value: '2024-06-05' });
    expect(parseDateEitherOrder('05/06/2024')).toEqual({ ok: false, ambiguous: true, readings: ['2024-06-05', '2024-05-06'], reason: '"05/06/2024" could be 5 June 2024 (day/month) or 6 May 2024 (month/day); left blank' });
    const bad = parseDateEitherOrder('31/31/2024');
    expect(bad.ok).toBe(false);
    expect('ambiguous' in bad).toBe(false);
  });
});

/** A date written d/m/y or m/d/y (chosen per row), its true value, and whether it is ambiguous. */
const writtenDate = fc
  .record({ y: fc.integer({ min: 1990, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), mdy: fc.boolean() })
  .map(({ y, m, d, mdy }) => ({ text: mdy ? `${pad(m)}/${pad(d)}/${y}` : `${pad(d)}/${pad(m)}/${y}`, value: iso(y, m, d), ambiguous: d <= 12 && d !== m }));

describe('a date column read "unambiguous only"', () => {
  it('reads every unambiguous date exactly, and leaves every ambiguous one blank, listed with its row, column and value (property)', () => {
    fc.assert(
      fc.property(fc.array(writtenDate, { minLength: 1, maxLength: 60 }), (dates) => {
        const table: ParsedTable = {
          columns: ['response_id', 'visited', 'comment'],
          descriptions: ['', '', ''],
          rows: dates.map((d, i) => [`r${i}`, d.text, `answer ${i}`]),
          rowNumbers: dates.map((_, i) => i + 2),
          warnings: [],
        };
        const mapping: TableMapping = { idColumn: 'response_id', textColumns: ['comment'], attributes: [{ column: 'visited', type: 'date', dates: 'unambiguous' }], dateOrder: 'dmy', source: { name: 'S', kind: 'survey' } };
        const b = buildBatchFromTable(table, mapping, ctx());
        expect(b.invalidValues).toEqual([]);
        const v = b.variables[0]!.id;
        const expected = dates.flatMap((d, i) => (d.ambiguous ? [{ file: 'feedback.csv', row: i + 2, column: 'visited', message: expect.stringContaining(`"${d.text}" could be`) }] : []));
        expect(b.blankedDates).toEqual(expected);
        dates.forEach((d, i) => expect(b.participants[i]!.attributes[v], d.text).toBe(d.ambiguous ? null : d.value));
      }),
    );
  });

  it('in the date order (the default), the values impossible in it are invalid and stop the import', () => {
    const table: ParsedTable = { columns: ['visited', 'comment'], descriptions: ['', ''], rows: [['25/12/2024', 'a'], ['12/25/2024', 'b']], warnings: [] };
    const b = buildBatchFromTable(table, { textColumns: ['comment'], attributes: [{ column: 'visited', type: 'date' }], dateOrder: 'dmy', source: { name: 'S', kind: 'survey' } }, ctx());
    expect(b.invalidValues).toEqual([{ file: 'feedback.csv', row: 3, column: 'visited', message: expect.stringMatching(/"12\/25\/2024" is not a valid date in day\/month\/year order/) }]);
    expect(b.blankedDates).toEqual([]);
  });
});

describe('response-level attributes', () => {
  // P1 answered twice on different dates; P2 twice on the same date; P3 once
  const table: ParsedTable = {
    columns: ['response_id', 'who', 'visited', 'area', 'comment'],
    descriptions: ['', '', '', '', ''],
    rows: [
      ['r1', 'P1', '01/03/2024', 'North', 'first visit was fine'],
      ['r2', 'P2', '02/03/2024', 'South', 'slow to answer'],
      ['r3', 'P1', '20/04/2024', 'North', 'better the second time'],
      ['r4', 'P2', '02/03/2024', 'South', 'still slow'],
      ['r5', 'P3', '', 'East', 'no date given'],
    ],
    warnings: [],
  };
  const mapping: TableMapping = {
    idColumn: 'response_id',
    participantColumn: 'who',
    textColumns: ['comment'],
    attributes: [
      { column: 'visited', type: 'date' },
      { column: 'area', type: 'category' },
    ],
    dateOrder: 'dmy',
    source: { name: 'S', kind: 'survey' },
  };

  it('are decided from the data: a value that differs within a participant belongs to each response', () => {
    const b = buildBatchFromTable(table, mapping, ctx());
    const [visited, area] = b.variables;
    expect(visited!.level).toBe('response');
    expect(area!.level).toBeUndefined();
    expect(b.participants.map((p) => [p.pseudonym, p.attributes])).toEqual([
      ['P1', { [area!.id]: 'North' }],
      ['P2', { [area!.id]: 'South' }],
      ['P3', { [area!.id]: 'East' }],
    ]);
    expect(b.documents.map((d) => [d.recordId, d.attributes])).toEqual([
      ['r1', { [visited!.id]: '2024-03-01' }],
      ['r2', { [visited!.id]: '2024-03-02' }],
      ['r3', { [visited!.id]: '2024-04-20' }],
      ['r4', { [visited!.id]: '2024-03-02' }],
      ['r5', { [visited!.id]: null }],
    ]);
    expect(b.warnings).toEqual([{ file: 'feedback.csv', row: 4, column: 'visited', message: expect.stringMatching(/^differs between rows of the same participant \(1 participant, first at this row\)/) }]);
  });

  it('are shown on the mapping screen before the scan: the counter agrees with the import on this table, whatever the chunking', () => {
    const whole = new LevelCounter(1, [2, 3]);
    whole.add(table.rows);
    expect(whole.result()).toEqual([1, 0]);
    const chunked = new LevelCounter(1, [2, 3]);
    for (const r of table.rows) chunked.add([r]);
    expect(chunked.result()).toEqual(whole.result());
    const b = buildBatchFromTable(table, mapping, ctx());
    expect(b.variables.map((v) => (v.level === 'response' ? 1 : 0))).toEqual(whole.result().map((n) => (n > 0 ? 1 : 0)));
  });

  it('are stored per row in the dataset, which gives back the same documents and participants', () => {
    const whole = buildBatchFromTable(table, mapping, ctx());
    const b = new TableBuilder(table, mapping, ctx());
    b.addRows(table.rows);
    const settled = b.settleLevels();
    expect(settled.map((a) => a.level)).toEqual(['response', 'participant']);
    const ds = b.dataset();
    expect(Object.keys(ds.responseAttributes ?? {})).toEqual([whole.variables[0]!.id]);
    expect(Object.keys(ds.participants.attributes)).toEqual([whole.variables[1]!.id]);
    expect(datasetDocuments(ds)).toEqual(whole.documents.map(({ text: _t, ...meta }) => DocumentMeta.parse(meta)));
    expect(datasetParticipants(ds)).toEqual(whole.participants);
    // a second pass with the settled levels builds the same from the first row
    const again = new TableBuilder(table, { ...mapping, attributes: settled }, ctx());
    const docs = again.addRows(table.rows).map((a) => again.document(a));
    expect(docs).toEqual(whole.documents);
  });

  it('are read by analyses: a participant counts once under each of their response dates', () => {
    const b = buildBatchFromTable(table, mapping, ctx());
    const bundle: ProjectBundle = {
      project: { id: PROJECT, name: 'P', description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: '2026-12-02T10:00:00Z', updatedAt: '2026-12-02T10:00:00Z' },
      coders: [],
      sources: b.sources,
      variables: b.variables,
      participants: b.participants,
      documents: b.documents,
      codes: [],
      codings: [],
      memos: [],
      findings: [],
      actions: [],
    };
    const index = prepareIndex(bundle);
    const byDate = personValues(index, resolveAttribute(index, 'visited'));
    expect(byDate.values).toEqual(['2024-03-01', '2024-03-02', '2024-04-20']);
    const docsOf = (value: string) =>
      documentList(index.documents).filter((_, d) => byDate.of[index.docPerson[d]!] === byDate.values.indexOf(value)).map((d) => d.recordId).sort();
    expect(docsOf('2024-03-01')).toEqual(['r1']);
    expect(docsOf('2024-03-02')).toEqual(['r2', 'r4']);
    expect(docsOf('2024-04-20')).toEqual(['r3']);
    // participant-level attributes still apply to every response of the participant
    const byArea = personValues(index, resolveAttribute(index, 'area'));
    const north = documentList(index.documents).filter((_, d) => byArea.values[byArea.of[index.docPerson[d]!]!] === 'North').map((d) => d.recordId).sort();
    expect(north).toEqual(['r1', 'r3']);
    // a filter on the response date keeps only those responses
    const scope = buildScope(index, { where: { attribute: 'visited', values: ['2024-03-02'] } });
    expect(scope.documents).toBe(2);
    expect(scope.persons).toBe(1);
  });
});
