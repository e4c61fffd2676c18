/**
 * Category floods: a value repeated across the rows of a column is a category, scanned once and
 * reported once; a name in it needs strong evidence. Structured identifiers still count.
 */
import { describe, expect, it } from 'vitest';
import { buildBatchFromTable } from '../../../shared/import/mapping';
import { BatchScanner, applyDecisions, redactBatches, scanBatches } from '../../../shared/import/pipeline';
import { isCategoryColumn, REPEATED } from '../../../shared/import/pii-scan';
import { seededGuids } from '../../../shared/model';
import type { ParsedTable } from '../../../shared/import/types';

const SERVICES = ['PTS - Patient Transport', 'Outpatients - Maple Ward', 'A&E', 'Community Nursing'];

/** A survey export: service (a category), a contact column, and free text. */
function table(rows: number): ParsedTable {
  return {
    columns: ['ID', 'Service', 'Team contact', 'Comment', 'Booked via'],
    descriptions: [],
    rows: Array.from({ length: rows }, (_, i) => [
      `R${i + 1}`,
      SERVICES[i % SERVICES.length]!,
      i % 2 === 0 ? 'transport.bookings@example.nhs.uk' : 'Dr Okafor',
      i === 3 ? 'The driver, Kwabena, was lovely and helped me to the door.' : i % 3 === 0 ? 'No comment' : `Visit ${i} went fine, arrived on time.`,
      'Patient Transport',
    ]),
    warnings: [],
  };
}

const build = (rows: number) =>
  buildBatchFromTable(
    table(rows),
    {
      idColumn: 'ID',
      textColumns: ['Comment', 'Booked via'],
      attributes: [
        { column: 'Service', type: 'category' },
        { column: 'Team contact', type: 'category' },
      ],
      dateOrder: 'dmy',
      source: { name: 'Survey', kind: 'survey' },
    },
    { projectId: '11111111-1111-4111-8111-111111111111', newId: seededGuids(5), now: '2026-01-01T00:00:00Z', fileName: 'survey.csv' },
  );

describe('category columns and repeated values', () => {
  it('a category column is one with few distinct values for its rows', () => {
    expect(isCategoryColumn(4, 40)).toBe(true);
    expect(isCategoryColumn(40, 40)).toBe(false);
    expect(isCategoryColumn(3, 6)).toBe(false); // too few rows to tell
    expect(isCategoryColumn(60, 2000)).toBe(false); // more than 50 distinct values
  });

  it('"PTS - Patient Transport" in 1,000 rows is no person; an email repeated in 500 rows is reported once and redacted in all', () => {
    const b = build(1000);
    const findings = scanBatches([b]);
    const leaders = findings.filter((f) => !f.follows);
    expect(leaders.filter((f) => f.type === 'person').map((f) => f.place.kind)).toEqual(['document', 'attribute']); // Kwabena, Dr Okafor
    const email = leaders.filter((f) => f.type === 'email');
    expect(email).toHaveLength(1);
    expect(findings.filter((f) => f.follows === email[0]!.id)).toHaveLength(499);
    const counts = redactBatches([b]);
    expect(counts.email).toBe(500);
    const text = JSON.stringify(b);
    expect(text).not.toContain('Patient [PERSON]');
    expect(text).toContain('PTS - Patient Transport');
    expect(text).not.toContain('example.nhs.uk');
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain('Kwabena');
  });

  it('a weak name in an answer repeated REPEATED times is dropped with every follower; below that it stays per row', () => {
    const scanner = new BatchScanner(0);
    const weak = 'Thanks Kwasi Adomako'; // two unknown words: a weak (0.6) name
    const first = scanner.answer(0, 'Q1', weak);
    expect(first.map((f) => f.type)).toEqual(['person']);
    for (let i = 1; i < REPEATED - 1; i++) expect(scanner.answer(i, 'Q1', weak)).toEqual([]);
    expect(scanner.dropped(first[0]!.id)).toBe(false);
    expect(scanner.occurrences(first[0]!.id)).toBe(REPEATED - 1);
    scanner.answer(REPEATED, 'Q1', weak);
    expect(scanner.dropped(first[0]!.id)).toBe(true);
    expect(scanner.followers()).toEqual([]);
    // a titled name is strong evidence: kept, once, whatever the repetition
    const strong = scanner.answer(100, 'Q1', 'Seen by Dr Okafor');
    for (let i = 101; i < 120; i++) scanner.answer(i, 'Q1', 'Seen by Dr Okafor');
    expect(scanner.dropped(strong[0]!.id)).toBe(false);
    expect(scanner.followers().filter((f) => f.follows === strong[0]!.id)).toHaveLength(19);
    // the same text in another column is another value
    expect(scanner.answer(200, 'Q2', weak)).toHaveLength(1);
  });

  it('a decision on a repeated value applies to every row (pseudonyms too)', () => {
    const b = build(40);
    const findings = scanBatches([b]);
    const okafor = findings.find((f) => !f.follows && f.type === 'person' && f.place.kind === 'attribute')!;
    applyDecisions([b], findings, (f) => (f.id === okafor.id ? 'pseudonymise' : 'ignore'));
    const contactId = b.variables.find((v) => v.name === 'Team contact')!.id;
    const values = new Set(b.participants.map((p) => p.attributes[contactId]));
    expect(values).toEqual(new Set(['transport.bookings@example.nhs.uk', 'Dr [PERSON 1]']));
  });
});
