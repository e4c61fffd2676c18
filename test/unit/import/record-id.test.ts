import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededGuids } from '../../../shared/model';
import { guessIdColumn, idNameRank, keyStats, KeyStats, nameWords } from '../../../shared/import/id-guess';
import { buildBatchFromTable, type TableMapping } from '../../../shared/import/mapping';
import { summariseTable } from '../../../shared/import/table-summary';
import type { ParsedTable } from '../../../shared/import/types';

const ctx = () => ({ projectId: '11111111-1111-4111-8111-111111111111', newId: seededGuids(3), now: '2026-12-02T10:00:00Z', fileName: 'feedback.csv' });

describe('record id names', () => {
  it('reads the names survey tools give a record id', () => {
    expect(nameWords('ResponseId')).toBe('response id');
    expect(nameWords('respondent-id')).toBe('respondent id');
    for (const name of ['response_id', 'respondent_id', 'ResponseId', 'Respondent ID', 'submission id', 'RecordID', 'ID', 'uuid', 'Ref', 'case_ref']) {
      expect(idNameRank(name), name).toBeGreaterThanOrEqual(0);
    }
    for (const name of ['free_text', 'rating', 'surgery', 'Participant ID', 'patient_id', 'idea', 'valid']) expect(idNameRank(name), name).toBe(-1);
    // a survey tool's response id outranks a bare "id"
    expect(idNameRank('response_id')).toBeLessThan(idNameRank('id'));
  });
});

describe('guessIdColumn', () => {
  it('proposes only a column whose every value is filled and unique, with the reason', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`S${i % 25}`, i % 3 === 0 ? '' : `X${i}`, `R-${1000 + i}`, 'North']);
    const stats = keyStats(['submission id', 'respondent_id', 'response_id', 'area'], rows);
    const g = guessIdColumn(stats, rows.length);
    expect(g.column).toBe('response_id');
    expect(g.reason).toBe('response_id: every value is unique (40 rows) and its name is a record id’s');
    expect(g.rejected).toEqual(['submission id: only 25 distinct values in 40 rows', 'respondent_id: 14 of 40 rows are empty']);
  });

  it('falls back to the leftmost unique column that is not excluded, and to none', () => {
    const rows = [
      ['2024-01-01 10:00', '7', 'a'],
      ['2024-01-02 10:00', '8', 'a'],
    ];
    const stats = keyStats(['time', 'n', 'area'], rows);
    expect(guessIdColumn(stats, 2, new Set(['time']))).toMatchObject({ column: 'n', reason: 'n: every value is unique (2 rows)' });
    expect(guessIdColumn(stats, 2, new Set(['time', 'n']))).toMatchObject({ column: '', reason: expect.stringMatching(/row number/) });
  });

  it('never proposes a column with a repeat or an empty cell (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('', 'a', 'b', 'c', 'd', 'e', 'f'), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const columns = ['response_id', 'id', 'other'];
        const g = guessIdColumn(keyStats(columns, rows), rows.length);
        if (g.column === '') return;
        const c = columns.indexOf(g.column);
        const values = rows.map((r) => r[c]!);
        expect(values.every((v) => v !== '')).toBe(true);
        expect(new Set(values).size).toBe(values.length);
      }),
    );
  });

  it('counts the same whatever the chunking of the rows', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`${i}`, `${i % 20}`, i === 7 ? '' : `v${i}`]);
    const whole = keyStats(['a', 'b', 'c'], rows);
    const k = new KeyStats();
    for (let i = 0; i < rows.length; i += 7) k.add(rows.slice(i, i + 7));
    expect(k.stats(['a', 'b', 'c'])).toEqual(whole);
    expect(whole.map((s) => [s.unique, s.distinct, s.filled])).toEqual([
      [true, 30, 30],
      [false, 20, 30],
      [false, 29, 29],
    ]);
  });

  it('is part of the table summary: a unique response_id after a non-unique id-like column', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`${i % 8}`, `resp-${i}`, 'A long enough free text answer about the service']);
    const t: ParsedTable = { columns: ['respondent_id', 'response_id', 'comment'], descriptions: ['', '', ''], rows, warnings: [] };
    const s = summariseTable(t);
    expect(s.idGuess.column).toBe('response_id');
    expect(s.idGuess.rejected).toEqual(['respondent_id: only 8 distinct values in 12 rows']);
    expect(s.guessedText).toEqual(['comment']);
  });
});

describe('the record id column is never free text', () => {
  const table: ParsedTable = {
    columns: ['response_id', 'who', 'comment'],
    descriptions: ['', '', ''],
    rows: [
      ['r1', 'p1', 'fine'],
      ['r2', 'p1', 'slow'],
    ],
    warnings: [],
  };
  const mapping = (over: Partial<TableMapping>): TableMapping => ({ idColumn: 'response_id', textColumns: ['comment'], attributes: [], dateOrder: 'dmy', source: { name: 'S', kind: 'survey' }, ...over });

  it('refuses a mapping that names the id or participant column as text, naming the column', () => {
    expect(() => buildBatchFromTable(table, mapping({ textColumns: ['response_id', 'comment'] }), ctx())).toThrow(/column "response_id" is the record id column, so it cannot also be free text/);
    expect(() => buildBatchFromTable(table, mapping({ participantColumn: 'who', textColumns: ['who', 'comment'] }), ctx())).toThrow(/"who" is the participant column/);
  });

  it('makes one document per text cell: rows × text columns, the id only in titles', () => {
    const b = buildBatchFromTable(table, mapping({}), ctx());
    expect(b.documents.map((d) => [d.title, d.text])).toEqual([
      ['r1 – comment', 'fine'],
      ['r2 – comment', 'slow'],
    ]);
  });
});
