import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { executeSetPassphrase, importBundle, lockAll, openChorusDb, setSetting, unlockedProject } from '../../../renderer/db';
import { ProjectLockGate } from '../../../renderer/features/security/ProjectLockGate';
import { useInactivity } from '../../../renderer/features/security/useInactivity';
import { LOCK_AFTER_SETTING } from '../../../renderer/features/security/passphrase-rules';
import { smallBundle } from '../../db/fixtures';

afterEach(() => {
  vi.useRealTimers();
  lockAll();
});

describe('inactivity', () => {
  it('calls onIdle after the minutes without activity; a key press starts the wait again', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    renderHook(() => useInactivity(true, 15, onIdle));
    vi.advanceTimersByTime(14 * 60_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(14 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_001);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing while inactive (a plain or locked project)', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    renderHook(() => useInactivity(false, 1, onIdle));
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('ProjectLockGate', () => {
  it('shows the workspace while unlocked, locks after inactivity (dropping the key), refuses a wrong passphrase and opens with the right one', async () => {
    const db = await openChorusDb('lock-gate');
    const b = smallBundle(991);
    await importBundle(db, b);
    const pid = b.project.id;
    await executeSetPassphrase(db, pid, 'gate passphrase', { kdf: { memoryKiB: 64, iterations: 1 } });
    render(
      <ProjectLockGate db={db} projectId={pid} projectName={b.project.name}>
        <p>the workspace</p>
      </ProjectLockGate>,
    );
    await screen.findByText('the workspace');
    expect(unlockedProject()).toBe(pid);
    await setSetting(db, LOCK_AFTER_SETTING, 0.005); // 300 ms from now, so the test need not wait 15 minutes
    await screen.findByRole('form', { name: `“${b.project.name}” is locked` }, { timeout: 10_000 });
    expect(screen.queryByText('the workspace')).toBeNull();
    expect(unlockedProject()).toBeNull();
    screen.getByText(/Locked after 0.005 minutes without activity/);

    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the one this project was locked with/);
    expect(unlockedProject()).toBeNull();

    await setSetting(db, LOCK_AFTER_SETTING, 15);
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'gate passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByText('the workspace', undefined, { timeout: 10_000 });
    await waitFor(() => expect(unlockedProject()).toBe(pid));
  });
});
