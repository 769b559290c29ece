// @vitest-environment node
// The main process wired together, against the electron mock: which window it creates, what it
// registers, and how drops, menus and closing flow through it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { app, BrowserWindow, ipcMain, Menu, protocol, resetElectronMock, session } from '../mocks/electron';
import { bootstrap, documentPathFromArgv } from '../../electron/bootstrap';
import { flattenMenu } from '../../electron/app-menu';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../electron/security';
import { silentLog, topologyText } from './helpers';

vi.mock('electron', () => import('../mocks/electron'));

describe('bootstrap', () => {
  let userData: string;
  beforeEach(async () => {
    resetElectronMock();
    userData = await mkdtemp(join(tmpdir(), 'ipsec-studio-userdata-'));
    app.userData = userData;
  });
  afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  const start = async () => {
    const ctx = await bootstrap(silentLog);
    if (!ctx) throw new Error('did not start');
    const win = BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    return { ctx, win };
  };

  it('creates one secure window on app://studio and registers the scheme, permissions and CSP', async () => {
    const { win } = await start();
    expect(BrowserWindow.all).toHaveLength(1);
    expect(app.sandboxEnabled).toBe(true);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(session.defaultSession.protocolHandlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(session.defaultSession.permissionCheckHandler).toBeTypeOf('function');
    const cb = vi.fn();
    session.defaultSession.headersReceived?.({ responseHeaders: {} }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    // The window's webContents was hardened when created.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(win.webContents.fire('will-navigate', 'https://example.com')).toBe(true);
  });

  it('quits when another instance already runs', async () => {
    app.singleInstance = false;
    expect(await bootstrap(silentLog)).toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.all).toHaveLength(0);
  });

  it('installs the menu; a menu click reaches the renderer as menu:command', async () => {
    const { win } = await start();
    const items = flattenMenu((Menu.current?.template ?? []) as MenuItemConstructorOptions[]);
    const save = items.find((i) => i.id === 'save');
    (save?.click as () => void)();
    expect(win.webContents.sent).toContainEqual({ channel: 'menu:command', payload: { command: 'save' } });
  });

  it('Edit commands act natively in a focused text field, and go to the renderer otherwise', async () => {
    const { win } = await start();
    const items = flattenMenu((Menu.current?.template ?? []) as MenuItemConstructorOptions[]);
    const click = (id: string) => (items.find((i) => i.id === id)?.click as () => void)();
    win.webContents.isolatedWorldResult = true;
    click('copy');
    click('undo');
    await vi.waitFor(() => expect(win.webContents.edits).toEqual(['copy', 'undo']));
    expect(win.webContents.sent).toEqual([]);
    win.webContents.isolatedWorldResult = false;
    click('paste');
    click('select-all');
    await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(2));
    expect(win.webContents.sent).toEqual([
      { channel: 'menu:command', payload: { command: 'paste' } },
      { channel: 'menu:command', payload: { command: 'select-all' } },
    ]);
    expect(win.webContents.edits).toEqual(['copy', 'undo']);
  });

  it('a dropped file is opened (after the page loaded), and then may be read through file:open', async () => {
    const { win } = await start();
    const path = join(userData, 'dropped.json');
    await writeFile(path, topologyText('Dropped'));
    win.webContents.fire('will-navigate', `file://${path}`);
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toContainEqual({ channel: 'file:open-path', payload: { path } });
    await expect(ipcMain.invoke('file:open', win.webContents, { path })).resolves.toEqual({ status: 'opened', path, text: topologyText('Dropped') });
  });

  it('asks the renderer before closing with unsaved changes, and closes on discard', async () => {
    const { ctx, win } = await start();
    await ipcMain.invoke('recovery:write', win.webContents, { text: topologyText('Draft') });
    await ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true });
    expect(win.title).toBe('• Lab — IPsec Studio');
    expect(win.close()).toBe(false);
    expect(win.webContents.sent).toContainEqual({ channel: 'window:close-requested', payload: {} });
    await expect(ipcMain.invoke('window:close-decision', win.webContents, { decision: 'discard' })).resolves.toEqual({ ok: true });
    expect(win.destroyed).toBe(true);
    expect(ctx.window()).toBeNull();
    // A clean close removes the recovery copy; only a crash leaves one behind.
    await vi.waitFor(async () => expect(await ctx.recovery.read()).toEqual({ status: 'none' }));
  });

  it('keeps its own window title, and reloads a crashed renderer without asking', async () => {
    const { win } = await start();
    expect(win.webContents.listenerCount('render-process-gone')).toBe(1);
    let prevented = false;
    win.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'Page title');
    expect(prevented).toBe(true);
    await ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(win.webContents.reloaded).toBe(1);
    // The crashed page cannot answer a close question; its recovery copy stays for the reload.
    expect(win.close()).toBe(true);
  });

  it('finds a document path on the command line', () => {
    expect(documentPathFromArgv(['/usr/bin/ipsec-studio', '--flag', '/home/me/lab.json'])).toBe('/home/me/lab.json');
    expect(documentPathFromArgv(['/usr/bin/ipsec-studio'])).toBeUndefined();
  });
});
