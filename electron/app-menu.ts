// The native menu, as a template built from plain data so tests can read every item and
// accelerator without Electron. Items that act on the document send `menu:command` to the
// renderer (it owns the document and its undo history). The Edit items go through `editCommand`,
// which main routes by focus: into a focused text field as the native editing operation (so
// Cut/Copy/Paste/Undo work there on every platform, macOS included), otherwise to the renderer as
// `menu:command` (the canvas selection, the document's undo history).
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../shared/ipc/contract';

export type MenuCommand = EventPayload<'menu:command'>['command'];
export type EditCommand = Extract<MenuCommand, 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'select-all'>;

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recentPaths: readonly string[];
  theme: 'light' | 'dark' | 'system';
  /** Whether to offer developer tools (never in a packaged app). */
  developer: boolean;
  sendCommand: (command: MenuCommand) => void;
  /** Undo, Redo, Cut, Copy, Paste, Select All: to the focused text field, or to the renderer. */
  editCommand: (command: EditCommand) => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
}

function recentLabel(path: string, all: readonly string[]): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const same = all.filter((p) => (p.split(/[\\/]/).pop() ?? p) === name).length > 1;
  // Escape '&' (a mnemonic marker on Windows and Linux).
  return (same ? path : name).replace(/&/g, '&&');
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions => ({
    id: command,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => o.sendCommand(command),
    ...extra,
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] = o.recentPaths.length
    ? [...o.recentPaths.map((p, i): MenuItemConstructorOptions => ({ id: `recent-${i}`, label: recentLabel(p, o.recentPaths), toolTip: p, click: () => o.openRecent(p) })), sep, { id: 'recent-clear', label: 'Clear Recent', click: () => o.clearRecent() }]
    : [{ id: 'recent-none', label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    id: 'menu-file',
    label: '&File',
    submenu: [
      cmd('New', 'new', 'CmdOrCtrl+N'),
      cmd('Open…', 'open', 'CmdOrCtrl+O'),
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      sep,
      cmd('Save', 'save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      cmd('Export…', 'export', 'CmdOrCtrl+E'),
      sep,
      mac ? { id: 'close', role: 'close', accelerator: 'CmdOrCtrl+W' } : { id: 'quit', role: 'quit', label: 'E&xit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editItem = (label: string, command: EditCommand, accelerator: string): MenuItemConstructorOptions => ({ id: command, label, accelerator, click: () => o.editCommand(command) });
  const edit: MenuItemConstructorOptions = {
    id: 'menu-edit',
    label: '&Edit',
    submenu: [
      editItem('Undo', 'undo', 'CmdOrCtrl+Z'),
      // Windows and Linux programs commonly use Ctrl+Y; macOS uses Shift+Cmd+Z.
      editItem('Redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y'),
      sep,
      editItem('Cut', 'cut', 'CmdOrCtrl+X'),
      editItem('Copy', 'copy', 'CmdOrCtrl+C'),
      editItem('Paste', 'paste', 'CmdOrCtrl+V'),
      editItem('Select All', 'select-all', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'menu-view',
    label: '&View',
    submenu: [
      cmd('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      cmd('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      cmd('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
      cmd('Zoom to Fit', 'zoom-fit', 'CmdOrCtrl+1'),
      sep,
      {
        id: 'theme',
        label: 'Theme',
        submenu: [
          cmd('Light', 'theme-light', undefined, { type: 'radio', checked: o.theme === 'light' }),
          cmd('Dark', 'theme-dark', undefined, { type: 'radio', checked: o.theme === 'dark' }),
          cmd('Follow System', 'theme-system', undefined, { type: 'radio', checked: o.theme === 'system' }),
        ],
      },
      cmd('Presentation Mode', 'presentation', 'F5'),
      { id: 'fullscreen', role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(o.developer ? [sep, { id: 'devtools', role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'menu-help',
    label: '&Help',
    role: 'help',
    submenu: [
      cmd(`${o.appName} Help`, 'help', 'F1'),
      cmd('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
      ...(mac ? [] : [sep, { id: 'about', role: 'about', label: `About ${o.appName}` } as MenuItemConstructorOptions]),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          id: 'menu-app',
          label: o.appName,
          submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
        },
      ]
    : [];
  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ id: 'menu-window', role: 'windowMenu' }] : [];

  return [...appMenu, file, edit, view, ...windowMenu, help];
}

/** Every item of a template, depth first (for tests and lookups). */
export function flattenMenu(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const item of items) {
    out.push(item);
    if (Array.isArray(item.submenu)) out.push(...flattenMenu(item.submenu));
  }
  return out;
}
