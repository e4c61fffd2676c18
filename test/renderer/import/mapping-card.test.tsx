import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { summariseTable } from '../../../shared/import/table-summary';
import type { ParsedTable } from '../../../shared/import/types';
import type { SourceSpec } from '../../../shared/import/mapping';
import { defaultDraft, draftProblem, idColumnNote, toTableMapping, type MappingDraft } from '../../../renderer/features/import/draft';
import { timeLeft } from '../../../renderer/features/import/progress';
import { TableFileCard } from '../../../renderer/features/import/TableFileCard';

/** 12 rows: a repeating respondent id before a unique response id, dates mixing both orders (one ambiguous), a comment. */
const table: ParsedTable = {
  columns: ['respondent_id', 'response_id', 'visited', 'comment'],
  descriptions: ['', '', '', ''],
  rows: Array.from({ length: 12 }, (_, i) => [`P${i % 8}`, `resp-${i}`, i === 3 ? '12/25/2024' : i === 5 ? '05/06/2024' : `${13 + i}/03/2024`, `A free text answer number ${i} about the service`]),
  warnings: [],
};
const summary = summariseTable(table);
const source: SourceSpec = { name: 'Feedback', kind: 'survey' };

describe('mapping draft', () => {
  it('proposes the unique response_id, says why, and never maps the id column as text', () => {
    const d = defaultDraft(summary);
    expect(d.idColumn).toBe('response_id');
    expect(idColumnNote(summary, d.idColumn)).toEqual({ ok: true, text: 'response_id: every value is unique (12 rows) and its name is a record id’s' });
    expect(idColumnNote(summary, 'respondent_id')).toEqual({ ok: false, text: 'respondent_id: only 8 distinct values in 12 rows: empty ids become row numbers, and each repeat is listed as a warning' });
    // a column once marked free text and then chosen as the record id is not imported as text
    const chosen: MappingDraft = { ...d, roles: { ...d.roles, response_id: 'text' } };
    expect(toTableMapping(chosen, summary.columns, source).textColumns).toEqual(['comment']);
    const onlyId: MappingDraft = { ...d, roles: { ...d.roles, response_id: 'text', comment: 'ignore' } };
    expect(draftProblem(onlyId, summary.columns, source)).toMatch(/at least one free-text column/);
  });

  it('passes the per-column date choice into the mapping', () => {
    const d = defaultDraft(summary);
    expect(summary.guessedTypes.visited).toBe('date');
    expect(summary.dateConflicts.visited).toEqual({ dmy: 1, mdy: 10, ambiguous: 1, example: '12/25/2024' });
    expect(toTableMapping(d, summary.columns, source).attributes).toContainEqual({ column: 'visited', type: 'date' });
    expect(toTableMapping({ ...d, dates: { visited: 'unambiguous' } }, summary.columns, source).attributes).toContainEqual({ column: 'visited', type: 'date', dates: 'unambiguous' });
  });
});

function Card() {
  const [draft, setDraft] = useState(() => defaultDraft(summary));
  return (
    <>
      <TableFileCard id="t" table={summary} settings={{}} draft={draft} source={source} onSettings={() => {}} onDraft={setDraft} onSource={() => {}} />
      <output data-testid="mapping">{JSON.stringify(toTableMapping(draft, summary.columns, source))}</output>
    </>
  );
}

describe('TableFileCard', () => {
  it('shows why the record id was chosen and what was passed over', () => {
    render(<Card />);
    expect(screen.getByText('response_id: every value is unique (12 rows) and its name is a record id’s')).toBeTruthy();
    expect(screen.getByText(/Not proposed as the record id: respondent_id: only 8 distinct values in 12 rows/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Record ID column'), { target: { value: 'respondent_id' } });
    expect(screen.getByText(/respondent_id: only 8 distinct values in 12 rows: empty ids become row numbers/)).toBeTruthy();
  });

  it('offers the three ways to read a column of mixed dates, and each changes the mapping', () => {
    render(<Card />);
    const mapping = () => JSON.parse(screen.getByTestId('mapping').textContent!).attributes.find((a: { column: string }) => a.column === 'visited');
    expect(screen.getByRole('alert').textContent).toMatch(/1 value\(s\) in “visited” cannot be Day\/Month\/Year \(for example “12\/25\/2024”\)/);
    fireEvent.click(screen.getByLabelText(/Read the unambiguous dates; leave the 1 that could be either/));
    expect(mapping()).toEqual({ column: 'visited', type: 'date', dates: 'unambiguous' });
    fireEvent.click(screen.getByLabelText(/Read every date as Day\/Month\/Year \(the 1 that cannot be will stop the import\)/));
    expect(mapping()).toEqual({ column: 'visited', type: 'date' });
    fireEvent.click(screen.getByLabelText(/Keep the column as text/));
    expect(mapping()).toEqual({ column: 'visited', type: 'text' });
  });
});

describe('time left', () => {
  it('reads naturally at every range', () => {
    expect(timeLeft(0)).toBe('less than a second left');
    expect(timeLeft(0.4)).toBe('less than a second left');
    expect(timeLeft(1.2)).toBe('about a second left');
    expect(timeLeft(5)).toBe('about 5 seconds left');
    expect(timeLeft(59.4)).toBe('about 59 seconds left');
    expect(timeLeft(59.6)).toBe('about a minute left');
    expect(timeLeft(125)).toBe('about 2 minutes left');
    expect(timeLeft(3600)).toBe('about 1 hour left');
    expect(timeLeft(3900)).toBe('about 1 hour 5 minutes left');
    expect(timeLeft(7500)).toBe('about 2 hours 5 minutes left');
    expect(timeLeft(Number.NaN)).toBe('');
  });
});
