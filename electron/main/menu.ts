/**
 * The application menu. Electron's default menu has Help items that open web pages, so Chorus
 * sets its own: no item reaches the network. Undo/redo are left to the app (its own history across
 * documents), so the Edit menu has no undo/redo roles that would swallow Ctrl+Z.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function buildMenuTemplate(platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [mac ? { role: 'close' as const } : { role: 'quit' as const }] },
    {
      label: 'Edit',
      submenu: [{ role: 'cut' as const }, { role: 'copy' as const }, { role: 'paste' as const }, { type: 'separator' as const }, { role: 'selectAll' as const }],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' as const },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' as const },
        { role: 'resetZoom' as const },
        { role: 'zoomIn' as const },
        { role: 'zoomOut' as const },
        { type: 'separator' as const },
        { role: 'togglefullscreen' as const },
      ],
    },
    { label: 'Window', submenu: [{ role: 'minimize' as const }, ...(mac ? [{ role: 'zoom' as const }] : [])] },
  ];
}
