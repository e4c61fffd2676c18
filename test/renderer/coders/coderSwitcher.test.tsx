import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { getSetting, importBundle, listCoders, openChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { CoderSwitcher } from '../../../renderer/features/coders/CoderSwitcher';
import { BLIND_MODE_SETTING } from '../../../renderer/features/coders/useBlindMode';
import { smallBundle } from '../../db/fixtures';

describe('CoderSwitcher', () => {
  it('adds a coder (who becomes current), switches back, and toggles blind mode', async () => {
    const db = await openChorusDb('coder-switcher');
    const b = smallBundle(77);
    await importBundle(db, b);
    render(
      <DbContext.Provider value={db}>
        <CoderSwitcher projectId={b.project.id} />
      </DbContext.Provider>,
    );
    const select = (await screen.findByRole('combobox', { name: 'Coding as' })) as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Alex (AM)' });
    fireEvent.click(screen.getByRole('button', { name: 'New coder…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New coder' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add coder' }));
    await within(dialog).findByRole('alert');
    expect(within(dialog).getByRole('alert').textContent).toContain('A coder needs a name');
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Sam Patel' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add coder' }));
    await waitFor(() => expect(select.selectedOptions[0]?.textContent).toBe('Sam Patel (SP)'));
    const sam = (await listCoders(db, b.project.id)).find((c) => c.name === 'Sam Patel')!;
    expect(await getSetting(db, 'currentCoderId')).toBe(sam.id);
    fireEvent.change(select, { target: { value: b.coders[0]!.id } });
    await waitFor(() => expect(select.value).toBe(b.coders[0]!.id));
    fireEvent.click(screen.getByRole('checkbox', { name: /Blind mode/ }));
    await waitFor(async () => expect(await getSetting(db, BLIND_MODE_SETTING)).toBe(true));
  });
});
