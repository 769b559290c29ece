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
import { SECURE_WEB_PREFERENCES } from './secure-preferences';

vi.mock('electron', () => import('../mocks/electron'));

describe('bootstrap', () => {
  let userData: string;
  beforeEach(async () => {
    resetElectronMock();
    userData = await mkdtemp(join(tmpdir(), 'ipsec-studio-userdata-'));
    app.userData = userData;
  });
  const offers = (win: BrowserWindow) => win.webContents.sent.filter((s) => s.channel === 'file:open-offered').map((s) => s.payload as { token: string; name: string });
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
      ...SECURE_WEB_PREFERENCES,
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

  it('a file dropped on the window (reported by the preload) is offered to the page as a token, after the page loaded', async () => {
    const { win } = await start();
    const path = join(userData, 'dropped.json');
    await writeFile(path, topologyText('Dropped'));
    ipcMain.send('shell:files-dropped', win.webContents, { paths: [path] });
    expect(offers(win)).toEqual([]);
    win.webContents.emit('did-finish-load');
    const [offer] = offers(win);
    expect(offer).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'dropped.json' });
    await expect(ipcMain.invoke('file:open', win.webContents, { token: offer?.token })).resolves.toEqual({ status: 'opened', name: 'dropped.json', text: topologyText('Dropped') });
  });

  it('a file:// navigation is refused and offers nothing', async () => {
    const { win } = await start();
    win.webContents.emit('did-finish-load');
    expect(win.webContents.fire('will-navigate', `file://${join(userData, 'x.json')}`)).toBe(true);
    expect(offers(win)).toEqual([]);
  });

  it('files from the OS (open-file, a second instance) and Open Recent are offered as tokens', async () => {
    const { win } = await start();
    win.webContents.emit('did-finish-load');
    const a = join(userData, 'a.json');
    await writeFile(a, topologyText('A'));
    app.emit('open-file', { preventDefault: () => undefined }, a);
    app.emit('second-instance', {}, ['/usr/bin/ipsec-studio', '--x', join(userData, 'b.json')]);
    expect(offers(win).map((o) => o.name)).toEqual(['a.json', 'b.json']);
    await expect(ipcMain.invoke('file:open', win.webContents, { token: offers(win)[0]?.token })).resolves.toMatchObject({ status: 'opened', name: 'a.json' });
    // a.json is now in Open Recent; clicking it offers it again.
    const items = flattenMenu((Menu.current?.template ?? []) as MenuItemConstructorOptions[]);
    (items.find((i) => i.id === 'recent-0')?.click as () => void)();
    expect(offers(win).map((o) => o.name)).toEqual(['a.json', 'b.json', 'a.json']);
  });

  it('asks the renderer before closing with unsaved changes, and closes on discard, dropping this session’s copy', async () => {
    const { ctx, win } = await start();
    win.webContents.emit('did-finish-load');
    await ipcMain.invoke('recovery:write', win.webContents, { text: topologyText('Draft') });
    await ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true });
    expect(win.title).toBe('• Lab — IPsec Studio');
    expect(win.close()).toBe(false);
    expect(win.webContents.sent).toContainEqual({ channel: 'window:close-requested', payload: {} });
    await expect(ipcMain.invoke('window:close-ack', win.webContents, {})).resolves.toEqual({ ok: true });
    await expect(ipcMain.invoke('window:close-decision', win.webContents, { decision: 'discard' })).resolves.toEqual({ ok: true });
    expect(win.destroyed).toBe(true);
    expect(ctx.window()).toBeNull();
    // "Don't save" removes this session's copy: nothing is offered at the next start.
    await ctx.recovery.idle();
    const fresh = new (await import('../../electron/recovery-store')).RecoveryStore(userData);
    expect(await fresh.list()).toEqual([]);
  });

  it('"Don’t save" overrules the page’s beforeunload (will-prevent-unload), and a stray block asks instead', async () => {
    const { win } = await start();
    win.webContents.emit('did-finish-load');
    // Main thinks the document clean, the page blocks the unload: the question is asked.
    expect(win.webContents.fire('will-prevent-unload')).toBe(false);
    expect(win.webContents.sent).toContainEqual({ channel: 'window:close-requested', payload: {} });
    await ipcMain.invoke('window:close-ack', win.webContents, {});
    await ipcMain.invoke('window:close-decision', win.webContents, { decision: 'discard' });
    expect(win.webContents.fire('will-prevent-unload')).toBe(true);
  });

  it('"Close Anyway" ends a renderer that never acknowledged the question and keeps the recovery copy', async () => {
    vi.useFakeTimers();
    try {
      const { win } = await start();
      win.webContents.emit('did-finish-load');
      await ipcMain.invoke('recovery:write', win.webContents, { text: topologyText('Draft') });
      await ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true });
      const { dialog } = await import('../mocks/electron');
      dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false }); // Close Anyway
      expect(win.close()).toBe(false);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
      expect(win.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const fresh = new (await import('../../electron/recovery-store')).RecoveryStore(userData);
    expect(await fresh.list()).toHaveLength(1);
  });

  it('keeps its own window title, and reloads a crashed renderer without asking', async () => {
    const { win, ctx } = await start();
    expect(win.webContents.listenerCount('render-process-gone')).toBe(1);
    let prevented = false;
    win.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'Page title');
    expect(prevented).toBe(true);
    win.webContents.emit('did-finish-load');
    await ipcMain.invoke('recovery:write', win.webContents, { text: topologyText('Draft') });
    await ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(win.webContents.reloaded).toBe(1);
    win.webContents.emit('did-finish-load');
    // The reloaded page is offered what the crashed one autosaved.
    const listed = (await ipcMain.invoke('recovery:list', win.webContents, {})) as { copies: unknown[] };
    expect(listed.copies).toHaveLength(1);
    // The crashed page cannot answer a close question; closing keeps its copy for the next start.
    expect(win.close()).toBe(true);
    await ctx.recovery.idle();
    const fresh = new (await import('../../electron/recovery-store')).RecoveryStore(userData);
    expect(await fresh.list()).toHaveLength(1);
  });

  it('deletes at start the temp files that killed saves left (as listed in the journal), and only those', async () => {
    const { TempJournal, tempPathFor } = await import('../../electron/atomic-write');
    const docs = join(userData, 'docs');
    const { mkdir, readdir } = await import('node:fs/promises');
    await mkdir(docs);
    const temp = tempPathFor(join(docs, 'lab.json'));
    const journal = new TempJournal(join(userData, 'interrupted-saves'));
    await journal.add(temp);
    await writeFile(temp, 'half a save');
    await writeFile(join(docs, 'lab.json'), 'the document');
    await start();
    expect(await readdir(docs)).toEqual(['lab.json']);
  });

  it('finds a document path on the command line', () => {
    expect(documentPathFromArgv(['/usr/bin/ipsec-studio', '--flag', '/home/me/lab.json'])).toBe('/home/me/lab.json');
    expect(documentPathFromArgv(['/usr/bin/ipsec-studio'])).toBeUndefined();
  });
});
