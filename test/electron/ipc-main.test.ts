// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { INVOKE_CHANNELS, type InvokeHandlers } from '../../shared/ipc/contract';
import { BrowserWindow as MockWindow, ipcMain, MockWebContents, MockWebFrame, resetElectronMock } from '../mocks/electron';
import { createSenderCheck, registerInvokeHandlers } from '../../electron/ipc-main';
import { APP_ORIGIN } from '../../electron/security';

vi.mock('electron', () => import('../mocks/electron'));

function fakeHandlers(): InvokeHandlers & Record<string, ReturnType<typeof vi.fn>> {
  const ok = vi.fn(async () => ({ ok: true }));
  return {
    'file:open': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:recent': vi.fn(async () => ({ paths: [] })),
    'recovery:write': ok,
    'recovery:read': vi.fn(async () => ({ status: 'none' as const })),
    'recovery:clear': ok,
    'export:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'image:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'window:state': ok,
    'window:close-decision': ok,
  };
}

describe('IPC registration and checks', () => {
  let win: MockWindow;
  let handlers: ReturnType<typeof fakeHandlers>;
  const warn = vi.fn();

  beforeEach(async () => {
    resetElectronMock();
    warn.mockReset();
    win = new MockWindow();
    await win.loadURL(`${APP_ORIGIN}/index.html`);
    handlers = fakeHandlers();
    registerInvokeHandlers(ipcMain as unknown as IpcMain, handlers, createSenderCheck(() => win as unknown as BrowserWindow, [APP_ORIGIN]), { info: vi.fn(), warn, error: vi.fn() });
  });

  it('registers exactly the contract channels, so an unknown channel has no handler', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    await expect(ipcMain.invoke('shell:open-external', win.webContents, {})).rejects.toThrow(/No handler/);
    await expect(ipcMain.invoke('__proto__', win.webContents, {})).rejects.toThrow(/No handler/);
  });

  it('passes a valid call from the app window to the typed handler', async () => {
    await expect(ipcMain.invoke('window:state', win.webContents, { title: 'Lab', dirty: true })).resolves.toEqual({ ok: true });
    expect(handlers['window:state']).toHaveBeenCalledWith({ title: 'Lab', dirty: true });
  });

  it('refuses a foreign sender (another webContents) and logs it', async () => {
    const other = new MockWebContents(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('file:recent', other, {})).rejects.toThrow('file:recent: refused: sender is not the app window');
    expect(handlers['file:recent']).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('refuses a sub-frame of the app window', async () => {
    const frame = new MockWebFrame(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('file:recent', win.webContents, {}, frame)).rejects.toThrow(/sub-frame/);
    await expect(ipcMain.invoke('file:recent', win.webContents, {}, null)).rejects.toThrow(/frame is gone/);
  });

  it('refuses the app window once it shows a page of another origin', async () => {
    await win.loadURL('https://evil.example/');
    await expect(ipcMain.invoke('recovery:read', win.webContents, {})).rejects.toThrow(/origin not trusted: https:\/\/evil.example/);
    await win.loadURL('file:///etc/passwd');
    await expect(ipcMain.invoke('recovery:read', win.webContents, {})).rejects.toThrow(/origin not trusted/);
    expect(handlers['recovery:read']).not.toHaveBeenCalled();
  });

  it('refuses when the window is gone', async () => {
    win.destroyed = true;
    await expect(ipcMain.invoke('file:recent', win.webContents, {})).rejects.toThrow(/no app window/);
  });

  it('refuses a bad payload with a message naming the channel and the field', async () => {
    await expect(ipcMain.invoke('window:state', win.webContents, { title: 'x', dirty: 'yes' })).rejects.toThrow(/^window:state: invalid dirty: /);
    await expect(ipcMain.invoke('file:save', win.webContents, { text: 'x', extra: 1 })).rejects.toThrow(/^file:save: invalid payload: .*extra/);
    await expect(ipcMain.invoke('export:save', win.webContents, { as: 'zip', files: [{ name: '../../etc/passwd', content: '' }] })).rejects.toThrow(/^export:save: invalid files\.0\.name/);
    await expect(ipcMain.invoke('file:open', win.webContents, undefined)).rejects.toThrow(/^file:open: invalid payload/);
    expect(handlers['window:state']).not.toHaveBeenCalled();
    expect(handlers['file:save']).not.toHaveBeenCalled();
    expect(handlers['export:save']).not.toHaveBeenCalled();
  });

  it('checks the sender before looking at the payload', async () => {
    const other = new MockWebContents(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('window:state', other, { bad: true })).rejects.toThrow(/sender is not the app window/);
  });
});
