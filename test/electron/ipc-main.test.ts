// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { INVOKE_CHANNELS, type InvokeHandlers } from '../../shared/ipc/contract';
import { BrowserWindow as MockWindow, ipcMain, MockWebContents, MockWebFrame, resetElectronMock } from '../mocks/electron';
import { createSenderCheck, registerDropChannel, registerInvokeHandlers } from '../../electron/ipc-main';
import { APP_ORIGIN } from '../../electron/security';

vi.mock('electron', () => import('../mocks/electron'));

function fakeHandlers(): InvokeHandlers & Record<string, ReturnType<typeof vi.fn>> {
  const ok = vi.fn(async () => ({ ok: true }));
  return {
    'file:open': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'file:forget': ok,
    'recovery:write': vi.fn(async () => ({ ok: true as const })),
    'recovery:list': vi.fn(async () => ({ copies: [] })),
    'recovery:restore': vi.fn(async () => ({ status: 'none' as const })),
    'recovery:discard': ok,
    'recovery:clear': ok,
    'export:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'image:save': vi.fn(async () => ({ status: 'cancelled' as const })),
    'window:state': ok,
    'window:close-ack': ok,
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
    await expect(ipcMain.invoke('recovery:list', other, {})).rejects.toThrow('recovery:list: refused: sender is not the app window');
    expect(handlers['recovery:list']).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('refuses a sub-frame of the app window', async () => {
    const frame = new MockWebFrame(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('recovery:list', win.webContents, {}, frame)).rejects.toThrow(/sub-frame/);
    await expect(ipcMain.invoke('recovery:list', win.webContents, {}, null)).rejects.toThrow(/frame is gone/);
  });

  it('refuses the app window once it shows a page of another origin', async () => {
    await win.loadURL('https://evil.example/');
    await expect(ipcMain.invoke('recovery:list', win.webContents, {})).rejects.toThrow(/origin not trusted: https:\/\/evil.example/);
    await win.loadURL('file:///etc/passwd');
    await expect(ipcMain.invoke('recovery:list', win.webContents, {})).rejects.toThrow(/origin not trusted/);
    expect(handlers['recovery:list']).not.toHaveBeenCalled();
  });

  it('refuses when the window is gone', async () => {
    win.destroyed = true;
    await expect(ipcMain.invoke('recovery:list', win.webContents, {})).rejects.toThrow(/no app window/);
  });

  it('refuses a bad payload with a message naming the channel and the field', async () => {
    await expect(ipcMain.invoke('window:state', win.webContents, { title: 'x', dirty: 'yes' })).rejects.toThrow(/^window:state: invalid dirty: /);
    await expect(ipcMain.invoke('file:save', win.webContents, { text: 'x', saveAs: false, extra: 1 })).rejects.toThrow(/^file:save: invalid payload: .*extra/);
    // No channel takes a path any more.
    await expect(ipcMain.invoke('file:save', win.webContents, { text: 'x', saveAs: false, path: '/home/me/.bashrc' })).rejects.toThrow(/^file:save: invalid payload: .*path/);
    await expect(ipcMain.invoke('file:open', win.webContents, { path: '/etc/passwd' })).rejects.toThrow(/^file:open: invalid payload: .*path/);
    await expect(ipcMain.invoke('export:save', win.webContents, { as: 'zip', files: [{ name: '../../etc/passwd', content: '' }] })).rejects.toThrow(/^export:save: invalid files\.0\.name/);
    await expect(ipcMain.invoke('file:open', win.webContents, undefined)).rejects.toThrow(/^file:open: invalid payload/);
    expect(handlers['window:state']).not.toHaveBeenCalled();
    expect(handlers['file:save']).not.toHaveBeenCalled();
    expect(handlers['export:save']).not.toHaveBeenCalled();
  });

  it('withholds a response that does not match the contract (a bug in main cannot hand the page a path)', async () => {
    (handlers['file:open'] as unknown as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ status: 'opened', name: 'lab.json', text: '{}', path: '/home/me/lab.json' });
    await expect(ipcMain.invoke('file:open', win.webContents, {})).rejects.toThrow(/answer was withheld/);
  });

  it('checks the sender before looking at the payload', async () => {
    const other = new MockWebContents(`${APP_ORIGIN}/index.html`);
    await expect(ipcMain.invoke('window:state', other, { bad: true })).rejects.toThrow(/sender is not the app window/);
  });
});

describe('the drop channel', () => {
  let win: MockWindow;
  const dropped = vi.fn();
  beforeEach(async () => {
    resetElectronMock();
    dropped.mockReset();
    win = new MockWindow();
    await win.loadURL(`${APP_ORIGIN}/index.html`);
    registerDropChannel(ipcMain as unknown as IpcMain, createSenderCheck(() => win as unknown as BrowserWindow, [APP_ORIGIN]), dropped, { info: vi.fn(), warn: vi.fn(), error: vi.fn() });
  });

  it('passes absolute paths from the app window on', () => {
    ipcMain.send('shell:files-dropped', win.webContents, { paths: ['/home/me/lab.json'] });
    expect(dropped).toHaveBeenCalledWith(['/home/me/lab.json']);
  });

  it('grants nothing to another sender, a sub-frame, or another origin', async () => {
    ipcMain.send('shell:files-dropped', new MockWebContents(`${APP_ORIGIN}/index.html`), { paths: ['/home/me/lab.json'] });
    ipcMain.send('shell:files-dropped', win.webContents, { paths: ['/home/me/lab.json'] }, new MockWebFrame(`${APP_ORIGIN}/index.html`));
    await win.loadURL('https://evil.example/');
    ipcMain.send('shell:files-dropped', win.webContents, { paths: ['/home/me/lab.json'] });
    expect(dropped).not.toHaveBeenCalled();
  });

  it.each([
    ['a relative path', { paths: ['lab.json'] }],
    ['a ..-relative path', { paths: ['../../etc/passwd'] }],
    ['a NUL byte', { paths: ['/home/me/lab.json\u0000.txt'] }],
    ['a URL', { paths: ['file:///etc/passwd'] }],
    ['a Windows path on a POSIX system', { paths: ['C:\\Windows\\win.ini'] }],
    ['an empty list', { paths: [] }],
    ['too many', { paths: Array.from({ length: 65 }, (_, i) => `/f${i}.json`) }],
    ['a path too long', { paths: [`/${'a'.repeat(5000)}`] }],
    ['not a string', { paths: [42] }],
    ['extra fields', { paths: ['/a.json'], grant: true }],
    ['a bare string', '/etc/passwd'],
    ['nothing', undefined],
  ])('refuses %s', (_what, payload) => {
    ipcMain.send('shell:files-dropped', win.webContents, payload);
    expect(dropped).not.toHaveBeenCalled();
  });
});
