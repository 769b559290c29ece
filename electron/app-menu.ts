// The native menu, as a template built from plain data so tests can read every item and
// accelerator without Electron. Its action items take their ids, labels and accelerators from
// shared/ipc/actions.ts (the page's shortcuts come from the same table); this file says only where
// each goes, and keeps the native roles. Items that act on the document send `menu:command` to the
// renderer (it owns the document and its undo history). The Edit items go through `editCommand`,
// which main routes by focus: into a focused text field as the native editing operation (so
// Cut/Copy/Paste/Undo work there on every platform, macOS included), otherwise to the renderer as
// `menu:command` (the canvas selection, the document's undo history).
import type { MenuItemConstructorOptions } from 'electron';
import { declarationOf, isFieldEdit, menuAccelerator, type FieldEditActionId, type MenuActionId } from '../shared/ipc/actions';

/** The menu items' ids are the actions' (shared/ipc/actions.ts), and so are `menu:command`'s. */
export type MenuCommand = MenuActionId;
export type EditCommand = FieldEditActionId;

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
  /** An action's item: its label and accelerator as declared; Edit operations go through editCommand. */
  const cmd = (id: MenuActionId, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions => {
    const accelerator = menuAccelerator(id, mac ? 'darwin' : 'other');
    return {
      id,
      label: declarationOf(id).menu?.label ?? declarationOf(id).label,
      ...(accelerator ? { accelerator } : {}),
      click: () => (isFieldEdit(id) ? o.editCommand(id) : o.sendCommand(id)),
      ...extra,
    };
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] = o.recentPaths.length
    ? [...o.recentPaths.map((p, i): MenuItemConstructorOptions => ({ id: `recent-${i}`, label: recentLabel(p, o.recentPaths), toolTip: p, click: () => o.openRecent(p) })), sep, { id: 'recent-clear', label: 'Clear Recent', click: () => o.clearRecent() }]
    : [{ id: 'recent-none', label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    id: 'menu-file',
    label: '&File',
    submenu: [
      cmd('new'),
      cmd('open'),
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      cmd('import'),
      sep,
      cmd('save'),
      cmd('save-as'),
      cmd('export-png'),
      cmd('export-svg'),
      sep,
      mac ? { id: 'close', role: 'close', accelerator: 'CmdOrCtrl+W' } : { id: 'quit', role: 'quit', label: 'E&xit', accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'menu-edit',
    label: '&Edit',
    submenu: [cmd('undo'), cmd('redo'), sep, cmd('cut'), cmd('copy'), cmd('paste'), cmd('select-all')],
  };

  const view: MenuItemConstructorOptions = {
    id: 'menu-view',
    label: '&View',
    submenu: [
      cmd('zoom-in'),
      cmd('zoom-out'),
      cmd('zoom-reset'),
      cmd('fit'),
      sep,
      {
        // Not the action 'theme' (the page's light/dark toggle): a submenu of the three choices.
        id: 'menu-theme',
        label: 'Theme',
        submenu: [
          cmd('theme-light', { type: 'radio', checked: o.theme === 'light' }),
          cmd('theme-dark', { type: 'radio', checked: o.theme === 'dark' }),
          cmd('theme-system', { type: 'radio', checked: o.theme === 'system' }),
        ],
      },
      cmd('presentation'),
      { id: 'fullscreen', role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(o.developer ? [sep, { id: 'devtools', role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'menu-help',
    label: '&Help',
    role: 'help',
    submenu: [
      cmd('help'),
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
