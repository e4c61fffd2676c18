import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useWorkspaceRoute } from '../../../renderer/app/useWorkspaceRoute';

const IDS = ['code', 'import', 'grid'] as const;

describe('the workspace in the URL', () => {
  afterEach(() => window.history.replaceState(null, '', '#/'));

  it('starts from the hash, goes to a workspace with a history entry, and follows Back', async () => {
    window.history.replaceState(null, '', '#/import');
    const { result } = renderHook(() => useWorkspaceRoute(IDS));
    expect(result.current[0]).toBe('import');
    const entries = window.history.length;
    act(() => result.current[1]('grid'));
    expect(result.current[0]).toBe('grid');
    expect(window.location.hash).toBe('#/grid');
    expect(window.history.length).toBe(entries + 1);
    // the same workspace again adds no entry
    act(() => result.current[1]('grid'));
    expect(window.history.length).toBe(entries + 1);
    // Back: the browser changes the hash and fires hashchange
    await act(async () => {
      window.history.back();
      await new Promise<void>((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
    });
    expect(window.location.hash).toBe('#/import');
    expect(result.current[0]).toBe('import');
  });

  it('falls back to the first workspace for an unknown hash', () => {
    window.history.replaceState(null, '', '#/nowhere');
    const { result } = renderHook(() => useWorkspaceRoute(IDS));
    expect(result.current[0]).toBe('code');
  });
});
