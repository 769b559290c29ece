// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, flattenMenu, type EditCommand, type MenuCommand, type MenuOptions } from '../../electron/app-menu';

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
  ['save', 'Save', 'CmdOrCtrl+S'],
  ['save-as', 'Save As…', 'CmdOrCtrl+Shift+S'],
  ['export', 'Export…', 'CmdOrCtrl+E'],
  ['undo', 'Undo', 'CmdOrCtrl+Z'],
  ['redo', 'Redo', 'Ctrl+Y'],
  ['cut', 'Cut', 'CmdOrCtrl+X'],
  ['copy', 'Copy', 'CmdOrCtrl+C'],
  ['paste', 'Paste', 'CmdOrCtrl+V'],
  ['select-all', 'Select All', 'CmdOrCtrl+A'],
  ['zoom-in', 'Zoom In', 'CmdOrCtrl+='],
  ['zoom-out', 'Zoom Out', 'CmdOrCtrl+-'],
  ['zoom-reset', 'Actual Size', 'CmdOrCtrl+0'],
  ['zoom-fit', 'Zoom to Fit', 'CmdOrCtrl+1'],
  ['theme-light', 'Light', undefined],
  ['theme-dark', 'Dark', undefined],
  ['theme-system', 'Follow System', undefined],
  ['presentation', 'Presentation Mode', 'F5'],
  ['help', 'IPsec Studio Help', 'F1'],
  ['shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/'],
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
