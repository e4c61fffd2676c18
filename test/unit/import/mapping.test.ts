import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentWithText, Participant, Source, Variable, seededGuids } from '../../../shared/model';
import { buildBatchFromTable, buildBatchFromTranscripts, type TableMapping } from '../../../shared/import/mapping';
import { parseTable } from '../../../shared/import/table';
import { parseBoolean, parseDate, parseNumber } from '../../../shared/import/values';
import { guessAttributeType, guessTextColumns } from '../../../shared/import/infer';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const ctx = (fileName = 'survey.csv') => ({ projectId: PROJECT, newId: seededGuids(7), now: '2024-05-01T10:00:00Z', fileName });
const table = (csv: string, headerRows = 1) => parseTable(new TextEncoder().encode(csv), { fileName: 'survey.csv', headerRows });

const CSV = `ResponseId,Participant,Contacted,Age,Victim,Q1,Q2
ID,,Date of first contact,Age in years,,How were you treated?,Anything else?
R1,P-001,05/03/2024,34,yes,"The officer was kind
and listened.",
R2,P-002,13/03/2024,51,no,Nobody called me back.,Chased twice
R3,P-001,20/03/2024,34,yes,,Better the second time.
`;

const mapping = (over: Partial<TableMapping> = {}): TableMapping => ({
  idColumn: 'ResponseId',
  participantColumn: 'Participant',
  textColumns: ['Q1', 'Q2'],
  attributes: [
    { column: 'Contacted', type: 'date' },
    { column: 'Age', type: 'number' },
    { column: 'Victim', type: 'boolean' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Victim survey 2024', kind: 'survey', retainUntil: '2027-05-01' },
  ...over,
});

describe('buildBatchFromTable', () => {
  it('makes one response per non-empty text cell, one participant per participant value, typed attributes', () => {
    const b = buildBatchFromTable(table(CSV, 2), mapping(), ctx());
    expect(b.invalidValues).toEqual([]);
    expect(b.skippedEmpty).toBe(2);
    expect(b.sources).toHaveLength(1);
    expect(b.sources[0]).toMatchObject({ name: 'Victim survey 2024', kind: 'survey', retainUntil: '2027-05-01' });
    expect(b.variables.map((v) => [v.name, v.type, v.description])).toEqual([
      ['Contacted', 'date', 'Date of first contact'],
      ['Age', 'number', 'Age in years'],
      ['Victim', 'boolean', ''],
    ]);
    expect(b.participants.map((p) => p.pseudonym)).toEqual(['P-001', 'P-002']);
    const [contacted, age, victim] = b.variables.map((v) => v.id);
    // P-001 was contacted on two dates (rows 3 and 5): the date is the response's, not the participant's
    expect(b.variables.map((v) => v.level)).toEqual(['response', undefined, undefined]);
    expect(b.participants[0]!.attributes).toEqual({ [age!]: 34, [victim!]: true });
    expect(b.documents.map((d) => d.attributes)).toEqual([{ [contacted!]: '2024-03-05' }, { [contacted!]: '2024-03-13' }, { [contacted!]: '2024-03-13' }, { [contacted!]: '2024-03-20' }]);
    expect(b.documents.map((d) => [d.title, d.recordId, d.field, d.fieldDescription, d.text])).toEqual([
      ['R1 – Q1', 'R1', 'Q1', 'How were you treated?', 'The officer was kind\nand listened.'],
      ['R2 – Q1', 'R2', 'Q1', 'How were you treated?', 'Nobody called me back.'],
      ['R2 – Q2', 'R2', 'Q2', 'Anything else?', 'Chased twice'],
      ['R3 – Q2', 'R3', 'Q2', 'Anything else?', 'Better the second time.'],
    ]);
    expect(b.documents[3]!.participantId).toBe(b.participants[0]!.id);
    // the move to the response is reported, naming the first row where the participant's values differ
    expect(b.warnings).toContainEqual({ file: 'survey.csv', row: 5, column: 'Contacted', message: expect.stringMatching(/differs between rows of the same participant \(1 participant, .*kept for each response/) });
    // a participant-level attribute fixed by the mapping keeps the first value and says so
    const fixed = buildBatchFromTable(table(CSV, 2), mapping({ attributes: [{ column: 'Contacted', type: 'date', level: 'participant' }] }), ctx());
    expect(fixed.participants[0]!.attributes).toEqual({ [fixed.variables[0]!.id]: '2024-03-05' });
    expect(fixed.warnings).toContainEqual({ file: 'survey.csv', row: 5, column: 'Contacted', message: expect.stringMatching(/"2024-03-20" here but "2024-03-05" at row 3; the first is kept/) });
    // everything validates against the model
    for (const s of b.sources) Source.parse(s);
    for (const v of b.variables) Variable.parse(v);
    for (const p of b.participants) Participant.parse(p);
    for (const d of b.documents) expect(DocumentWithText.parse(d).length).toBe(d.text.length);
  });

  it('reports a date contradicting the order with file, row and column, and stores null', () => {
    const b = buildBatchFromTable(table(CSV, 2), mapping({ dateOrder: 'mdy' }), ctx());
    expect(b.invalidValues).toEqual([
      { file: 'survey.csv', row: 4, column: 'Contacted', message: expect.stringMatching(/"13\/03\/2024" is not a valid date in month\/day\/year order \(month 13 does not exist\); it would be valid as day\/month\/year/) },
      { file: 'survey.csv', row: 5, column: 'Contacted', message: expect.stringMatching(/"20\/03\/2024"/) },
    ]);
    expect(b.warnings).toEqual(expect.arrayContaining(b.invalidValues));
  });

  it('without id or participant columns: row numbers as record ids, one participant per row', () => {
    const b = buildBatchFromTable(table('Q\nfirst answer\n\nsecond answer\n'), { textColumns: ['Q'], attributes: [], dateOrder: 'dmy', source: { name: 'S', kind: 'other' } }, ctx());
    expect(b.documents.map((d) => d.title)).toEqual(['row 2 – Q', 'row 4 – Q']);
    expect(b.participants.map((p) => p.pseudonym)).toEqual(['row 2', 'row 4']);
  });

  it('names a missing column and lists the columns; needs a text column', () => {
    expect(() => buildBatchFromTable(table(CSV, 2), mapping({ textColumns: ['Q9'] }), ctx())).toThrow(/no column "Q9" \(named as the text column\); columns: "ResponseId"/);
    expect(() => buildBatchFromTable(table(CSV, 2), mapping({ textColumns: [] }), ctx())).toThrow(/no free-text column/);
  });

  it('keeps every non-empty cell as exactly one document (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', ' ', 'yes', 'a longer answer'), fc.constantFrom('', 'x', 'no way')), { minLength: 1, maxLength: 20 }), (cells) => {
        const t = { columns: ['A', 'B'], descriptions: ['', ''], rows: cells.map(([a, b]) => [a, b]), warnings: [] };
        const b = buildBatchFromTable(t, { textColumns: ['A', 'B'], attributes: [], dateOrder: 'dmy', source: { name: 'S', kind: 'other' } }, ctx());
        const nonEmpty = cells.flat().filter((c) => c.trim() !== '').length;
        expect(b.documents).toHaveLength(nonEmpty);
        expect(b.skippedEmpty + nonEmpty).toBe(cells.length * 2);
      }),
    );
  });
});

describe('buildBatchFromTranscripts', () => {
  it('one participant and one transcript document with turns per file', () => {
    const b = buildBatchFromTranscripts(
      [
        { name: 'folder/interview-07.txt', text: 'Interviewer: Hello.\r\n\r\nP7: Hi there.\r\n' },
        { name: 'empty.txt', text: '  \n' },
      ],
      { name: 'Interviews', kind: 'interview' },
      ctx(),
    );
    expect(b.participants.map((p) => p.pseudonym)).toEqual(['interview-07']);
    expect(b.documents).toHaveLength(1);
    const d = DocumentWithText.parse(b.documents[0]);
    expect(d).toMatchObject({ kind: 'transcript', title: 'interview-07', participantId: b.participants[0]!.id, text: 'Interviewer: Hello.\n\nP7: Hi there.\n' });
    expect(d.turns.map((t) => d.text.slice(t.start, t.end))).toEqual(['Interviewer: Hello.', 'P7: Hi there.']);
    expect(b.warnings).toEqual([{ file: 'empty.txt', message: 'has no text; skipped' }]);
    expect(b.skippedEmpty).toBe(1);
  });
});

describe('value parsers', () => {
  it('dates: explicit order, ISO and month names, impossible dates refused', () => {
    expect(parseDate('05/03/2024', 'dmy')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('05/03/2024', 'mdy')).toEqual({ ok: true, value: '2024-05-03' });
    expect(parseDate('24.3.5', 'ymd')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('2024-03-05T09:30', 'mdy')).toEqual({ ok: true, value: '2024-03-05T09:30' });
    expect(parseDate('5 March 2024', 'mdy')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('Mar 5, 2024', 'dmy')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('29/02/2023', 'dmy')).toMatchObject({ ok: false, reason: expect.stringMatching(/day 29 does not exist in February 2023/) });
    expect(parseDate('13/25/2024', 'mdy')).toMatchObject({ ok: false, reason: expect.stringMatching(/month 13/) });
    expect(parseDate('soon', 'dmy')).toMatchObject({ ok: false, reason: '"soon" is not a date' });
  });

  it('dates round-trip from any valid calendar date in each order (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2049-12-31'), noInvalidDate: true }), fc.constantFrom('/', '-', '.'), (d, sep) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate([day, m, y].join(sep), 'dmy')).toEqual({ ok: true, value: iso });
        expect(parseDate([m, day, y].join(sep), 'mdy')).toEqual({ ok: true, value: iso });
        expect(parseDate([y, m, day].join(sep), 'ymd')).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('numbers and booleans', () => {
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('£1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber('-3e2')).toEqual({ ok: true, value: -300 });
    expect(parseNumber('12 years')).toMatchObject({ ok: false, reason: '"12 years" is not a number' });
    expect(parseNumber('1,2')).toMatchObject({ ok: false });
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false });
  });

  it('guesses text columns and attribute types', () => {
    const t = table(CSV, 2);
    // Q2 has no answer of 5+ words: not "mostly long free text"
    expect(guessTextColumns(t, ['ResponseId'])).toEqual(['Q1']);
    expect(guessAttributeType(['05/03/2024', '13/03/2024'], 'mdy')).toBe('date');
    expect(guessAttributeType(['34', '51'], 'dmy')).toBe('number');
    expect(guessAttributeType(['Male', 'Female', 'Male'], 'dmy')).toBe('category');
  });
});
