// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, flattenMenu, type EditCommand, type MenuCommand, type MenuOptions } from '../../electron/app-menu';
import { ACTION_IDS, declarationOf, MENU_ACTION_IDS } from '../../shared/ipc/actions';
import { eventChannels } from '../../shared/ipc/contract';
import { acceleratorChord, collisions, shortcutChord } from '../support/key-chords';

function build(platform: NodeJS.Platform, extra: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const edits: EditCommand[] = [];
  const openRecent = vi.fn();
  const clearRecent = vi.fn();
  const template = buildMenuTemplate({ platform, appName: 'IPsec Studio', recentPaths: [], theme: 'system', developer: false, sendCommand: (c) => sent.push(c), editCommand: (c) => edits.push(c), openRecent, clearRecent, ...extra });
  const items = flattenMenu(template);
  const byId = (id: string): MenuItemConstructorOptions => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (id: string) => (byId(id).click as () => void)();
  return { template, items, byId, click, sent, edits, openRecent, clearRecent };
}

const EXPECTED: [string, string, string | undefined][] = [
  // id, label, accelerator on Windows/Linux
  ['new', 'New', 'CmdOrCtrl+N'],
  ['open', 'Open…', 'CmdOrCtrl+O'],
  ['import', 'Import Device Configurations…', undefined],
  ['save', 'Save', 'CmdOrCtrl+S'],
  ['save-as', 'Save As…', 'CmdOrCtrl+Shift+S'],
  ['export-png', 'Export Canvas as PNG…', 'CmdOrCtrl+Shift+E'],
  ['export-svg', 'Export Canvas as SVG…', 'CmdOrCtrl+Alt+E'],
  ['undo', 'Undo', 'CmdOrCtrl+Z'],
  ['redo', 'Redo', 'Ctrl+Y'],
  ['cut', 'Cut', 'CmdOrCtrl+X'],
  ['copy', 'Copy', 'CmdOrCtrl+C'],
  ['paste', 'Paste', 'CmdOrCtrl+V'],
  ['select-all', 'Select All', 'CmdOrCtrl+A'],
  ['zoom-in', 'Zoom In', 'CmdOrCtrl+='],
  ['zoom-out', 'Zoom Out', 'CmdOrCtrl+-'],
  ['zoom-reset', 'Actual Size', 'CmdOrCtrl+0'],
  ['fit', 'Zoom to Fit', 'CmdOrCtrl+1'],
  ['theme-light', 'Light', undefined],
  ['theme-dark', 'Dark', undefined],
  ['theme-system', 'Follow System', undefined],
  ['presentation', 'Presentation Mode', 'F5'],
  ['help', 'Keyboard Shortcuts', 'CmdOrCtrl+/'],
];

describe('application menu', () => {
  it('has File, Edit, View and Help with every item and accelerator (Windows/Linux)', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const m = build(platform);
      expect(m.template.map((t) => t.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
      for (const [id, label, accelerator] of EXPECTED) {
        expect(m.byId(id).label, id).toBe(label);
        expect(m.byId(id).accelerator, id).toBe(accelerator);
      }
      expect(m.byId('open-recent').label).toBe('Open Recent');
      expect(m.byId('quit').accelerator).toBe('Ctrl+Q');
    }
  });

  it('uses macOS conventions on darwin: app menu, Shift+Cmd+Z redo, Window menu', () => {
    const m = build('darwin');
    expect(m.template.map((t) => t.id ?? t.label)).toEqual(['menu-app', 'menu-file', 'menu-edit', 'menu-view', 'menu-window', 'menu-help']);
    expect(m.byId('redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(m.byId('close').accelerator).toBe('CmdOrCtrl+W');
    expect(m.byId('fullscreen').accelerator).toBe('Ctrl+Cmd+F');
  });

  it('sends menu:command for document commands and routes Edit commands through editCommand', () => {
    const m = build('linux');
    const editIds = ['undo', 'redo', 'cut', 'copy', 'paste', 'select-all'];
    for (const [id] of EXPECTED) m.click(id);
    expect(m.sent).toEqual(EXPECTED.map(([id]) => id).filter((id) => !editIds.includes(id)));
    expect(m.edits).toEqual(editIds);
  });

  it('has one item for each action declared for the menu, with the declared label', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const m = build(platform);
      for (const id of MENU_ACTION_IDS) {
        expect(m.items.filter((i) => i.id === id), `${platform}: ${id}`).toHaveLength(1);
        expect(m.byId(id).label).toBe(declarationOf(id).menu?.label);
      }
      // Every other item is native (a role), a submenu or a separator, or the recent files.
      const own = new Set<string>(MENU_ACTION_IDS);
      const rest = m.items.filter((i) => !own.has(i.id ?? '') && i.type !== 'separator' && !i.role && !Array.isArray(i.submenu) && !/^recent-/.test(i.id ?? ''));
      expect(rest).toEqual([]);
    }
  });

  it('sends only ids the menu:command contract accepts, and no longer the old ones', () => {
    const m = build('linux');
    for (const id of MENU_ACTION_IDS) m.click(id);
    for (const command of [...m.sent, ...m.edits]) expect(eventChannels['menu:command'].safeParse({ command }).success, command).toBe(true);
    for (const old of ['zoom-fit', 'export', 'shortcuts']) {
      expect(m.items.some((i) => i.id === old), old).toBe(false);
      expect(eventChannels['menu:command'].safeParse({ command: old }).success, old).toBe(false);
    }
  });

  it('no two items, and no item and an in-page shortcut of another action, share keys (on the desktop both are live)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = build(platform).items.filter((i) => typeof i.accelerator === 'string');
      const menu = items.map((i) => ({ owner: i.id ?? i.role ?? '?', chord: acceleratorChord(i.accelerator as string) }));
      expect(collisions(menu), platform).toEqual([]);
      const page = ACTION_IDS.flatMap((id) => (declarationOf(id).keys ?? []).map((k) => ({ owner: id, chord: shortcutChord(k) })));
      expect(collisions([...menu, ...page]), platform).toEqual([]);
    }
  });

  it('never binds a bare key: the menu would take it from the page’s text fields', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const i of build(platform).items) {
        if (typeof i.accelerator !== 'string') continue;
        expect(i.accelerator, i.id).toMatch(/(CmdOrCtrl|Ctrl|Cmd|Alt)\+|^F\d+$/);
      }
    }
  });

  it('lists recent files, disambiguates equal names, and can clear them', () => {
    const m = build('linux', { recentPaths: ['/a/lab.json', '/b/lab.json', '/c/R&D.json'] });
    expect(m.byId('recent-0').label).toBe('/a/lab.json');
    expect(m.byId('recent-2').label).toBe('R&&D.json');
    m.click('recent-1');
    expect(m.openRecent).toHaveBeenCalledWith('/b/lab.json');
    m.click('recent-clear');
    expect(m.clearRecent).toHaveBeenCalled();
    expect(build('linux').byId('recent-none').enabled).toBe(false);
  });

  it('offers developer tools only when asked (never in a packaged app)', () => {
    expect(build('linux').items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', { developer: true }).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
