/** The code details dialog carries the fields it loaded: a change made meanwhile elsewhere is never silently overwritten. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { execute, importBundle, openChorusDb } from '../../../renderer/db';
import { DbContext } from '../../../renderer/app/dbContext';
import { CodeDetailsDialog } from '../../../renderer/features/codebook/CodeDetailsDialog';
import { smallBundle } from '../../db/fixtures';

let n = 0;
async function setup() {
  const db = await openChorusDb(`details-conflict-${++n}`);
  const b = smallBundle(700 + n);
  await importBundle(db, b);
  const code = b.codes[2]!;
  const onSaved = vi.fn();
  render(
    <DbContext.Provider value={db}>
      <CodeDetailsDialog code={code} onClose={() => undefined} onSaved={onSaved} />
    </DbContext.Provider>,
  );
  // another window renames the code after this dialog opened
  await execute(db, b.project.id, { type: 'updateCode', codeId: code.id, patch: { name: 'Renamed elsewhere' } }, { session: 'other' });
  fireEvent.change(screen.getByLabelText('Definition'), { target: { value: 'Mine' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('button', { name: 'Overwrite with mine' });
  return { db, code, onSaved };
}

describe('CodeDetailsDialog when the code changed elsewhere', () => {
  it('refuses the save, says why, and keeps the other edit', async () => {
    const { db, code, onSaved } = await setup();
    expect(screen.getByRole('alert').textContent).toMatch(/changed elsewhere \(another tab or window\)/);
    expect((await db.codes.get(code.id))!).toMatchObject({ name: 'Renamed elsewhere', definition: code.definition });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('“Load their version” fills the form with the stored details', async () => {
    await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Load their version' }));
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Renamed elsewhere'));
    expect(screen.queryByRole('button', { name: 'Overwrite with mine' })).toBeNull();
  });

  it('“Overwrite with mine” saves this form over the other edit (an explicit second command)', async () => {
    const { db, code, onSaved } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Overwrite with mine' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect((await db.codes.get(code.id))!).toMatchObject({ name: code.name, definition: 'Mine' });
  });
});
