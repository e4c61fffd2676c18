/**
 * The Data governance workspace's retraction picker: a searchable combobox (not a <select> of
 * every participant or document), nothing chosen until the user chooses, and the pending table
 * naming what is retracted.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { importBundle, listParticipants, listRetractions, openChorusDb } from '../../../renderer/db';
import { RetractionPanel } from '../../../renderer/features/governance/RetractionPanel';
import { smallBundle } from '../../db/fixtures';
import { seededGuids, type Participant } from '../../../shared/model';

/** smallBundle with 120 more participants, "Respondent 1" to "Respondent 120" (121 in all, P1 first). */
function bundle() {
  const b = smallBundle(4242);
  const id = seededGuids(99);
  const source = b.sources[0]!;
  const more: Participant[] = Array.from({ length: 120 }, (_, i) => ({ id: id(), projectId: b.project.id, sourceId: source.id, pseudonym: `Respondent ${i + 1}`, attributes: {} }));
  return { ...b, participants: [...b.participants, ...more] };
}

async function setUp() {
  const db = await openChorusDb(`retraction-panel-${Math.random()}`);
  const b = bundle();
  await importBundle(db, b);
  const onStatus = vi.fn();
  render(<RetractionPanel db={db} project={b.project} coderName="Alex" onStatus={onStatus} />);
  const picker = (name = 'Participant') => screen.getByLabelText(name, { selector: 'input' }) as HTMLInputElement;
  const retract = () => screen.getByRole('button', { name: 'Retract' }) as HTMLButtonElement;
  // (the options of the picker's listbox: the <select>s have options too)
  const options = () => [...document.getElementById('retract-target-list')!.querySelectorAll('[role="option"]')].map((o) => o.textContent);
  return { db, b, onStatus, picker, retract, options };
}

const type = (input: HTMLInputElement, value: string) => fireEvent.change(input, { target: { value } });
const key = (input: HTMLInputElement, k: string) => fireEvent.keyDown(input, { key: k });

describe('Retraction picker', () => {
  it('lists at most 50, says how many match, and narrows as you type (pseudonym, any case)', async () => {
    const { picker, options, db, b } = await setUp();
    // in the store's order, as every list of participants
    const labels = (await listParticipants(db, b.project.id)).map((p) => `${p.pseudonym} (Interviews)`);
    const input = picker();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(screen.queryByRole('combobox', { name: 'Participant' })).toBe(input);
    key(input, 'ArrowDown');
    await waitFor(() => expect(options()).toHaveLength(50));
    expect(options()).toEqual(labels.slice(0, 50));
    expect(screen.getByText('50 of 121 match — type more to narrow')).toBeTruthy();
    type(input, 'RESPONDENT 1');
    const expected = labels.filter((l) => l.startsWith('Respondent 1'));
    expect(expected).toHaveLength(32); // 1, 10–19, 100–120
    await waitFor(() => expect(options()).toEqual(expected));
    expect(screen.getByText('32 matches')).toBeTruthy();
    type(input, 'respondent 12');
    await waitFor(() => expect(options()).toEqual(labels.filter((l) => l.startsWith('Respondent 12'))));
    expect(options()).toHaveLength(2);
    type(input, 'nobody by this name');
    await waitFor(() => expect(screen.getByText('Nothing matches “nobody by this name”.')).toBeTruthy());
    expect(options()).toEqual([]);
  });

  it('chooses nothing by itself: Retract waits for a choice (keyboard or click), and editing or changing the kind clears it', async () => {
    const { picker, retract, options } = await setUp();
    const input = picker();
    expect(retract().disabled).toBe(true);
    type(input, 'respondent 12');
    await waitFor(() => expect(options()).toHaveLength(2));
    // nothing active until ↓: Enter chooses nothing
    key(input, 'Enter');
    expect(retract().disabled).toBe(true);
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    const second = options()[1]!;
    expect(document.getElementById(input.getAttribute('aria-activedescendant')!)!.textContent).toBe(second);
    key(input, 'Enter');
    expect(input.value).toBe(second);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(retract().disabled).toBe(false);
    // typing again clears the choice
    type(input, 'Respondent 120 (Interview');
    expect(retract().disabled).toBe(true);
    await waitFor(() => expect(options()).toEqual(['Respondent 120 (Interviews)']));
    fireEvent.click(screen.getByRole('option', { name: 'Respondent 120 (Interviews)' }));
    expect(input.value).toBe('Respondent 120 (Interviews)');
    expect(retract().disabled).toBe(false);
    // a different kind: the choice and the text go, the label follows
    fireEvent.change(screen.getByLabelText('What to retract'), { target: { value: 'document' } });
    const doc = picker('Document');
    expect(doc.value).toBe('');
    expect(retract().disabled).toBe(true);
    key(doc, 'Escape');
    expect(doc.getAttribute('aria-expanded')).toBe('false');
  });

  it('finds a document by its title or the start of its id, and shows the id of one found by id', async () => {
    const { picker, options, b } = await setUp();
    fireEvent.change(screen.getByLabelText('What to retract'), { target: { value: 'document' } });
    const input = picker('Document');
    type(input, 'interview');
    await waitFor(() => expect(options()).toEqual(['Interview 1']));
    const note = b.documents.find((d) => d.title === 'Note')!;
    type(input, note.id.slice(0, 8).toUpperCase());
    await waitFor(() => expect(options()).toEqual([`Noteid ${note.id}`]));
    fireEvent.click(screen.getByRole('option', { name: new RegExp(`^Note`) }));
    expect(input.value).toBe('Note');
  });

  it('retracts the chosen participant, and the pending table names it', async () => {
    const { db, b, picker, retract, onStatus, options } = await setUp();
    const input = picker();
    type(input, 'p1');
    await waitFor(() => expect(options()).toEqual(['P1 (Interviews)']));
    key(input, 'ArrowDown');
    key(input, 'Enter');
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'consent withdrawn' } });
    await act(async () => {
      fireEvent.click(retract());
    });
    await waitFor(() => expect(onStatus).toHaveBeenCalledWith('The participant “P1 (Interviews)” is retracted and hidden everywhere. Undo it below, or confirm to remove it for good.'));
    const records = await listRetractions(db, b.project.id);
    expect(records.map((r) => [r.target, r.reason, r.status])).toEqual([[{ kind: 'participant', id: b.participants[0]!.id }, 'consent withdrawn', 'pending']]);
    expect(input.value).toBe('');
    expect(retract().disabled).toBe(true);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')[1]!.querySelector('td')!.textContent).toBe('participant “P1 (Interviews)”'));
    // it is hidden now: no longer offered
    type(input, 'p1');
    await waitFor(() => expect(screen.getByText('Nothing matches “p1”.')).toBeTruthy());
  });
});
