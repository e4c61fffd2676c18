import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has no item that could open a web page or swallow the app's undo keys (${platform})`, () => {
      const items = flatten(buildMenuTemplate(platform, false));
      expect(items.some((i) => typeof i.click === 'function')).toBe(false);
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).not.toContain('undo');
      expect(roles).not.toContain('redo');
      expect(roles).not.toContain('help');
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).toContain('copy');
      expect(roles).toContain('paste');
    });
  }

  it('offers developer tools only when asked', () => {
    expect(flatten(buildMenuTemplate('linux', true)).map((i) => i.role)).toContain('toggleDevTools');
  });
});
