import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { importBundle, listAssignments, listCoders, openChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { CoderSwitcher } from '../../../renderer/features/coders/CoderSwitcher';
import { smallBundle } from '../../db/fixtures';

describe('Coders panel', () => {
  it('assigns a source to a coder and withdraws it; new coders get different colours', async () => {
    const db = await openChorusDb('coders-panel');
    const b = smallBundle(78);
    await importBundle(db, b);
    render(
      <DbContext.Provider value={db}>
        <CoderSwitcher projectId={b.project.id} />
      </DbContext.Provider>,
    );
    for (const name of ['Ann Lee', 'Ben Ode']) {
      fireEvent.click(await screen.findByRole('button', { name: 'New coder…' }));
      const dialog = await screen.findByRole('dialog', { name: 'New coder' });
      fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: name } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Add coder' }));
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New coder' })).toBeNull());
    }
    const coders = await listCoders(db, b.project.id);
    const added = coders.filter((c) => c.name === 'Ann Lee' || c.name === 'Ben Ode');
    expect(added[0]!.colour).not.toBe(added[1]!.colour);

    fireEvent.click(screen.getByRole('button', { name: 'Coders…' }));
    const panel = await screen.findByRole('dialog', { name: 'Coders and what each was asked to code' });
    const ann = coders.find((c) => c.name === 'Ann Lee')!;
    const group = await within(panel).findByRole('group', { name: 'Ann Lee: asked to code' });
    const box = within(group).getByRole('checkbox', { name: new RegExp(`^${b.sources[0]!.name}`) }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect((await listAssignments(db, b.project.id)).map((a) => [a.coderId, a.scope, a.targetId])).toEqual([[ann.id, 'source', b.sources[0]!.id]]);
    expect(within(panel).getByRole('status').textContent).toBe(`Ann Lee is now asked to code ${b.sources[0]!.name}.`);
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect(await listAssignments(db, b.project.id)).toEqual([]);
  }, 30_000);
});
