import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FindingDecision } from '../../../shared/import/pipeline';
import type { FindingView } from '../../../renderer/workers/import-protocol';
import { ReviewFindings } from '../../../renderer/features/import/ReviewFindings';
import { IssueList } from '../../../renderer/features/import/IssueList';
import { issuesAsText, progressStats } from '../../../renderer/features/import/progress';
import { carryOver, defaultDraft, draftProblem, toTableMapping } from '../../../renderer/features/import/draft';
import type { TableSummary } from '../../../renderer/workers/import-protocol';

const f = (id: string, type: FindingView['type'], match: string): FindingView => ({ id, type, confidence: 0.9, where: `survey.csv · ${id}`, before: 'call ', match, after: ' now' });
const FINDINGS = [f('a', 'phone', '07700 900123'), f('b', 'phone', '07700 900456'), f('c', 'person', 'Smith'), f('d', 'email', 'x@y.org')];

function Harness({ onAllow = () => {} }: { onAllow?: (t: string) => void }) {
  const [d, setD] = useState<Record<string, FindingDecision>>({});
  return (
    <>
      <ReviewFindings findings={FINDINGS} decisions={d} onDecide={(ids, x) => setD((o) => ({ ...o, ...Object.fromEntries(ids.map((i) => [i, x])) }))} onAllow={onAllow} />
      <output data-testid="decisions">{JSON.stringify(d)}</output>
    </>
  );
}

describe('ReviewFindings', () => {
  it('groups findings by type with counts, shows each in context and applies bulk and single decisions', () => {
    const allow = vi.fn();
    render(<Harness onAllow={allow} />);
    expect(screen.getByRole('heading', { name: '2 phone numbers' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 person’s name' })).toBeTruthy();
    const phones = screen.getByRole('heading', { name: '2 phone numbers' }).closest('section')!;
    expect(within(phones).getAllByText(/07700/).map((m) => m.tagName)).toEqual(['MARK', 'MARK']);
    // people default to pseudonymise, the rest to redact
    const person = screen.getByRole('radiogroup', { name: /person’s name/ });
    expect((within(person).getByLabelText('Pseudonymise') as HTMLInputElement).checked).toBe(true);
    expect(within(phones).queryByLabelText('Pseudonymise')).toBeNull();
    fireEvent.click(within(phones).getByRole('button', { name: 'Keep all 2 as they are' }));
    expect(JSON.parse(screen.getByTestId('decisions').textContent!)).toEqual({ a: 'ignore', b: 'ignore' });
    fireEvent.click(within(phones).getByRole('button', { name: 'Redact all 2 phone numbers' }));
    fireEvent.click(within(person).getByLabelText('Redact'));
    expect(JSON.parse(screen.getByTestId('decisions').textContent!)).toEqual({ a: 'redact', b: 'redact', c: 'redact' });
    fireEvent.click(screen.getAllByRole('button', { name: 'Always allow this term' })[1]!);
    expect(allow).toHaveBeenCalledWith('x@y.org');
  });
});

describe('ReviewFindings one-step dismissals', () => {
  const v = (id: string, match: string, column: string, occurrences?: number, confidence = 0.9): FindingView => ({
    id,
    type: 'person',
    confidence,
    where: `staff-survey.csv · ${id}`,
    column,
    ...(occurrences !== undefined ? { occurrences } : {}),
    before: 'x ',
    match,
    after: ' y',
  });
  const LIST = [v('s1', 'Marsden', 'Site', 812), v('s2', 'Nightingale', 'Site', 40), v('c1', 'Marsden', 'Comment'), v('c2', 'Marsden', 'Comment'), v('c3', 'Priya', 'Comment', undefined, 0.6)];

  function Shortcuts() {
    const [d, setD] = useState<Record<string, FindingDecision>>({});
    return (
      <>
        <ReviewFindings findings={LIST} decisions={d} onDecide={(ids, x) => setD((o) => ({ ...o, ...Object.fromEntries(ids.map((i) => [i, x])) }))} onAllow={() => {}} />
        <output data-testid="decisions">{JSON.stringify(d)}</output>
      </>
    );
  }
  const decisions = () => JSON.parse(screen.getByTestId('decisions').textContent!) as Record<string, FindingDecision>;

  it('keeps a whole column in one step, counting the rows each finding stands for', () => {
    render(<Shortcuts />);
    const byColumn = screen.getByRole('group', { name: 'Keep people’s names by column' });
    expect(within(byColumn).getAllByRole('button').map((b) => b.textContent)).toEqual(['Keep all in “Site” (852)', 'Keep all in “Comment” (3)']);
    fireEvent.click(within(byColumn).getByRole('button', { name: 'Keep all in “Site” (852)' }));
    expect(decisions()).toEqual({ s1: 'ignore', s2: 'ignore' });
    expect((within(screen.getAllByRole('radiogroup')[0]!).getByLabelText('Keep') as HTMLInputElement).checked).toBe(true);
  });

  it('keeps every occurrence of a repeated value in one step, across columns', () => {
    render(<Shortcuts />);
    const repeated = screen.getByRole('group', { name: 'Keep repeated people’s names' });
    expect(within(repeated).getAllByRole('button').map((b) => b.textContent)).toEqual(['Keep every “Marsden” (814)', 'Keep every “Nightingale” (40)']);
    fireEvent.click(within(repeated).getByRole('button', { name: 'Keep every “Marsden” (814)' }));
    expect(decisions()).toEqual({ s1: 'ignore', c1: 'ignore', c2: 'ignore' });
  });

  it('says how many places a finding stands for, and marks a low-evidence name (still pseudonymised by default)', () => {
    render(<Shortcuts />);
    expect(screen.getByText(/staff-survey\.csv · s1 · applies to 812 places/)).toBeTruthy();
    const priya = screen.getByText(/staff-survey\.csv · c3/);
    expect(priya.textContent).toContain('low evidence');
    const group = priya.closest('li')!.querySelector('[role="radiogroup"]') as HTMLElement;
    expect((within(group).getByLabelText('Pseudonymise') as HTMLInputElement).checked).toBe(true);
  });
});

describe('IssueList', () => {
  it('lists file, row, column and reason, and copies them through the clipboard API', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const issues = [{ file: 'a.csv', row: 3, column: 'Date', message: 'not a date' }, { file: 'b.csv', message: 'is empty' }];
    render(<IssueList title="Errors" issues={issues} tone="error" />);
    expect(screen.getAllByRole('row')[1]!.textContent).toBe('a.csv3Datenot a date');
    fireEvent.click(screen.getByRole('button', { name: 'Copy errors' }));
    await screen.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(issuesAsText(issues));
    expect(issuesAsText(issues)).toBe('a.csv\trow 3\tcolumn "Date"\tnot a date\nb.csv\tis empty');
  });

  it('falls back to a selected text box when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    render(<IssueList title="Errors" issues={[{ file: 'a.csv', message: 'bad' }]} tone="error" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy errors' }));
    const box = (await screen.findByLabelText('Errors as text')) as HTMLTextAreaElement;
    await vi.waitFor(() => expect(box.value).toBe('a.csv\tbad'));
    expect(box.hidden).toBe(false);
  });
});

describe('progress and mapping drafts', () => {
  it('computes rows per second and time left', () => {
    expect(progressStats({ done: 0, total: 1000, at: 0 }, { done: 250, total: 1000, at: 5000 })).toEqual({ fraction: 0.25, perSecond: 50, secondsLeft: 15 });
    expect(progressStats({ done: 0, total: 10, at: 0 }, { done: 0, total: 10, at: 100 }).perSecond).toBeNull();
  });

  it('guesses a mapping, keeps choices over a re-read, and explains what is missing', () => {
    const t: TableSummary = { columns: ['Response ID', 'Area', 'Q1'], descriptions: ['', '', ''], preview: [], rowCount: 2, warnings: [], guessedText: ['Q1'], guessedTypes: { 'Response ID': 'text', Area: 'category', Q1: 'text' }, dateConflicts: {}, keyStats: [], idGuess: { column: 'Response ID', reason: 'Response ID: every value is unique (2 rows) and its name is a record id’s', rejected: [] } };
    const d = defaultDraft(t);
    expect(d.idColumn).toBe('Response ID');
    expect(toTableMapping(d, t.columns, { name: 'S', kind: 'survey' })).toMatchObject({ idColumn: 'Response ID', textColumns: ['Q1'], attributes: [{ column: 'Area', type: 'category' }] });
    const changed = { ...d, roles: { ...d.roles, Q1: 'ignore' as const } };
    expect(draftProblem(changed, t.columns, { name: 'S', kind: 'survey' })).toMatch(/free-text column/);
    expect(carryOver(changed, { ...t, columns: ['Response ID', 'Q1'] }).roles.Q1).toBe('ignore');
    expect(draftProblem(d, t.columns, { name: ' ', kind: 'survey' })).toMatch(/name/);
  });
});
