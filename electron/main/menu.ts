/**
 * The application menu. Electron's default menu has Help items that open web pages, so Chorus
 * sets its own: no item reaches the network. Undo/redo are left to the app (its own history across
 * documents), so the Edit menu has no undo/redo roles that would swallow Ctrl+Z. File › Open
 * Project… and Export Project… are sent to the renderer as app commands (it owns the store).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract';

export function buildMenuTemplate(platform: NodeJS.Platform, devTools: boolean, send: (command: AppCommand) => void = () => undefined): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => send({ type: 'open-project' }) },
        { label: 'Export Project…', accelerator: 'CmdOrCtrl+E', click: () => send({ type: 'export-project' }) },
        { type: 'separator' as const },
        mac ? { role: 'close' as const } : { role: 'quit' as const },
      ],
    },
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
