/** The break reminder in the app frame: shown after long continuous activity on an injected clock, never modal, dismissible; its interval follows the stored setting. */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { openChorusDb, setSetting } from '../../../renderer/db';
import { BreakReminderBanner } from '../../../renderer/features/safeguarding/BreakReminderBanner';
import { BREAK_SETTING } from '../../../renderer/features/safeguarding/wellbeingStore';

const MIN = 60_000;

describe('BreakReminderBanner', () => {
  it('appears after the configured minutes of activity, is not a dialog, and goes when dismissed', async () => {
    const db = await openChorusDb('break-reminder');
    await setSetting(db, BREAK_SETTING, { enabled: true, afterMinutes: 20, idleMinutes: 5 });
    let t = 0;
    render(<BreakReminderBanner db={db} now={() => t} checkMs={20} />);
    // wait for the stored setting (20 minutes) to be read
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const typeFor = async (minutes: number) => {
      for (let m = 0; m < minutes; m++) {
        fireEvent.keyDown(window, { key: 'a' });
        t += MIN;
      }
      fireEvent.keyDown(window, { key: 'a' });
      await act(() => new Promise((r) => setTimeout(r, 60)));
    };
    await typeFor(19);
    expect(screen.queryByRole('complementary', { name: 'Break reminder' })).toBeNull();
    await typeFor(1);
    const note = await screen.findByRole('complementary', { name: 'Break reminder' });
    expect(note.textContent).toContain('about 20 minutes');
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary', { name: 'Break reminder' })).toBeNull();
    await typeFor(10);
    expect(screen.queryByRole('complementary', { name: 'Break reminder' })).toBeNull();
  });
});
