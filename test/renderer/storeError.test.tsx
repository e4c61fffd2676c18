import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { StoreError } from '../../renderer/db';

describe('store errors', () => {
  it.each([
    ['unavailable', /cannot store your work/i, /private or incognito/i],
    ['newer-schema', /newer version of Chorus/i, /Install the latest version/i],
    ['blocked', /holding the store open/i, /Close every other Chorus window/i],
  ] as const)('explains %s on a full page with what to do', async (code, title, advice) => {
    render(<App open={() => Promise.reject(new StoreError(code, `detail for ${code}`))} />);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByText(advice)).toBeTruthy();
    expect(screen.getByText(`detail for ${code}`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
