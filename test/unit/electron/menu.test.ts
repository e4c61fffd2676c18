import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has no item that could open a web page or swallow the app's undo keys (${platform})`, () => {
      const sent: unknown[] = [];
      const items = flatten(buildMenuTemplate(platform, false, (c) => sent.push(c)));
      // the only clickable items are File › Open Project… and Export Project…, which send app commands
      const clickable = items.filter((i) => typeof i.click === 'function');
      expect(clickable.map((i) => [i.label, i.accelerator])).toEqual([
        ['Open Project…', 'CmdOrCtrl+O'],
        ['Export Project…', 'CmdOrCtrl+E'],
      ]);
      for (const i of clickable) (i.click as () => void)();
      expect(sent).toEqual([{ type: 'open-project' }, { type: 'export-project' }]);
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
