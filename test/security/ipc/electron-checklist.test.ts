// @vitest-environment node
// The hostile cases of Electron's security checklist ("Security" tutorial, electronjs.org/docs/
// latest/tutorial/security, the numbered recommendations) that apply to this app, each tried
// against the main process as bootstrap() wires it (electron mock) or against the handler that
// implements it. Recommendations that do not apply: 1/2 remote content (the app loads none; the
// cases below show it cannot be made to), 11/12 <webview> options (webviews are refused
// outright), 15 shell.openExternal (never called), 16 a current Electron (a release decision).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { app, BrowserWindow, contextBridge, ipcMain, MockWebContents, MockWebFrame, resetElectronMock, session } from '../../mocks/electron';
import { bootstrap } from '../../../electron/bootstrap';
import { SECURE_WEB_PREFERENCES } from '../../electron/secure-preferences';
import { createAppProtocolHandler } from '../../../electron/app-protocol';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../../electron/security';
import { silentLog, topologyText } from '../../electron/helpers';

vi.mock('electron', () => import('../../mocks/electron'));

let userData: string;
beforeEach(async () => {
  resetElectronMock();
  userData = await mkdtemp(join(tmpdir(), 'ipsec-studio-checklist-'));
  app.userData = userData;
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

async function start() {
  const ctx = await bootstrap(silentLog);
  const win = BrowserWindow.all.at(-1);
  if (!ctx || !win) throw new Error('did not start');
  win.webContents.emit('did-finish-load');
  return { ctx, win };
}

/** A valid payload for each channel, so a refusal is the sender check's, not the schema's. */
const VALID: Record<string, unknown> = {
  'file:open': {},
  'file:save': { text: topologyText(), saveAs: false },
  'file:forget': {},
  'recovery:write': { text: topologyText() },
  'recovery:list': {},
  'recovery:restore': { id: '0123456789abcdef' },
  'recovery:discard': { id: '0123456789abcdef' },
  'recovery:clear': {},
  'export:save': { files: [{ name: 'a.conf', content: 'x' }], as: 'zip' },
  'image:save': { format: 'svg', data: '<svg/>', suggestedName: 'c.svg' },
  'window:state': { title: 'x', dirty: false },
  'window:close-ack': {},
  'window:close-decision': { decision: 'cancel' },
};

describe('3, 4, 6, 8, 9, 10: web preferences of every window', () => {
  it('isolated, sandboxed, no Node, web security on, no insecure content, no experimental or Blink features, no webview tag, no drop navigation', async () => {
    const { win } = await start();
    expect(app.sandboxEnabled).toBe(true);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
});

describe('5: permission requests from any origin', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'clipboard-read', 'display-capture', 'openExternal', 'pointerLock', 'fullscreen', 'keyboardLock', 'idle-detection', 'storage-access', 'window-management', 'unknown'];
  const origins = ['app://studio/index.html', 'https://evil.example/', 'file:///etc/passwd', 'app://studio.evil/x', 'http://127.0.0.1:5173/', 'null', ''];
  it.each(origins)('from %j: everything denied except clipboard write from the app itself', async (url) => {
    await start();
    const ses = session.defaultSession;
    for (const p of [...permissions, 'clipboard-sanitized-write']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler?.({ getURL: () => url }, p, (g: boolean) => (granted = g), { requestingUrl: url });
      const expected = p === 'clipboard-sanitized-write' && url === 'app://studio/index.html';
      expect(granted, `${p} from ${url}`).toBe(expected);
      expect(ses.permissionCheckHandler?.(null, p, url.startsWith('app://studio/') ? 'app://studio' : url, {}), `check ${p} from ${url}`).toBe(expected);
    }
    expect(ses.devicePermissionHandler?.({ origin: url })).toBe(false);
    const cb = vi.fn();
    ses.displayMediaRequestHandler?.({}, cb);
    expect(cb).toHaveBeenCalledWith(null);
  });
});

describe('7: the Content Security Policy', () => {
  it('rides on every app:// response (errors included) and on dev-server responses, replacing any other', async () => {
    await start();
    const handler = session.defaultSession.protocolHandlers.get('app');
    expect(handler).toBeTypeOf('function');
    for (const url of ['app://studio/index.html', 'app://studio/../../etc/passwd', 'app://evil/x']) {
      const r = await handler!(new Request(url));
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    const cb = vi.fn();
    session.defaultSession.headersReceived?.({ responseHeaders: { 'Content-Security-Policy': ["script-src * 'unsafe-eval'"] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script|\*/);
  });
});

describe('13: navigation', () => {
  const urls = [
    'https://evil.example/',
    'http://127.0.0.1:4411/',
    'app://studio/other.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'file:///home/me/lab.json',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'view-source:app://studio/index.html',
    'ms-settings:privacy',
    'smb://server/share',
  ];
  it.each(urls)('refuses %s (navigate, redirect, a sub-frame) and grants nothing', async (url) => {
    const { win } = await start();
    expect(win.webContents.fire('will-navigate', url)).toBe(true);
    expect(win.webContents.fire('will-redirect', url)).toBe(true);
    let prevented = false;
    win.webContents.emit('will-frame-navigate', { url, isMainFrame: false, preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(win.webContents.sent.filter((s) => s.channel === 'file:open-offered')).toEqual([]);
  });
});

describe('14: new windows', () => {
  it.each(['https://evil.example/', 'app://studio/index.html', 'about:blank', 'file:///etc/passwd', 'javascript:alert(1)'])('denies window.open(%j)', async (url) => {
    const { win } = await start();
    expect(win.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('hardens every webContents created, not only the app window (a webview, a devtools host)', async () => {
    await start();
    const other = new MockWebContents('about:blank');
    app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(other.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('11, 12: webviews', () => {
  it('refuses to attach any webview, whatever its options', async () => {
    const { win } = await start();
    for (const prefs of [{}, { nodeIntegration: true, preload: '/tmp/evil.js' }, { allowpopups: true }]) {
      expect(win.webContents.fire('will-attach-webview', prefs, { src: 'https://evil.example/' })).toBe(true);
    }
  });
});

describe('17: the sender of every IPC message', () => {
  const senders: { who: string; call: (win: InstanceType<typeof BrowserWindow>, channel: string, payload: unknown) => Promise<unknown> }[] = [
    { who: 'another webContents on the app origin', call: (_w, c, p) => ipcMain.invoke(c, new MockWebContents('app://studio/index.html'), p) },
    { who: 'a sub-frame of the app window', call: (w, c, p) => ipcMain.invoke(c, w.webContents, p, new MockWebFrame('app://studio/index.html')) },
    { who: 'a frame that is gone', call: (w, c, p) => ipcMain.invoke(c, w.webContents, p, null) },
    ...['https://evil.example/index.html', 'file:///home/me/evil.html', 'app://studio.evil/index.html', 'http://127.0.0.1:5173/', 'data:text/html,x'].map((url) => ({
      who: `the app window showing ${url}`,
      call: async (w: InstanceType<typeof BrowserWindow>, c: string, p: unknown) => {
        const was = w.webContents.mainFrame.url;
        w.webContents.mainFrame.url = url;
        try {
          return await ipcMain.invoke(c, w.webContents, p);
        } finally {
          w.webContents.mainFrame.url = was;
        }
      },
    })),
  ];
  for (const s of senders) {
    it(`refuses every channel from ${s.who}`, async () => {
      const { win } = await start();
      for (const channel of INVOKE_CHANNELS) {
        await expect(s.call(win, channel, VALID[channel]), channel).rejects.toThrow(/refused/);
      }
    });
  }

  it('refuses the drop channel from the same senders (nothing is offered)', async () => {
    const { win } = await start();
    const path = join(userData, 'x.json');
    await fs.writeFile(path, topologyText());
    ipcMain.send('shell:files-dropped', new MockWebContents('app://studio/index.html'), { paths: [path] });
    ipcMain.send('shell:files-dropped', win.webContents, { paths: [path] }, new MockWebFrame('app://studio/index.html'));
    ipcMain.send('shell:files-dropped', win.webContents, { paths: [path] }, null);
    win.webContents.mainFrame.url = 'https://evil.example/';
    ipcMain.send('shell:files-dropped', win.webContents, { paths: [path] });
    expect(win.webContents.sent.filter((s) => s.channel === 'file:open-offered')).toEqual([]);
  });

  it('every contract channel is registered, and nothing else answers', async () => {
    const { win } = await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...ipcMain.listeners.keys()]).toEqual(['shell:files-dropped']);
    for (const c of ['shell:openExternal', 'file:open-path', 'recovery:read', '__proto__']) await expect(ipcMain.invoke(c, win.webContents, {})).rejects.toThrow(/No handler/);
  });
});

describe('18: the custom scheme instead of file://', () => {
  it('loads the renderer from app://studio, and the scheme serves nothing outside the renderer folder', async () => {
    const { win } = await start();
    expect(win.loadedUrl).toBe(APP_ENTRY_URL);
    const base = await mkdtemp(join(tmpdir(), 'ipsec-studio-scheme-'));
    try {
      const root = join(base, 'renderer');
      await fs.mkdir(join(root, 'assets'), { recursive: true });
      await fs.writeFile(join(root, 'index.html'), '<!doctype html>');
      await fs.writeFile(join(base, 'secret.txt'), 'SECRET');
      await fs.symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
      await fs.symlink(base, join(root, 'assets', 'up'));
      const handler = createAppProtocolHandler({ root, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
      const refused = [
        'app://studio/../secret.txt',
        'app://studio/%2e%2e/secret.txt',
        'app://studio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        'app://studio/assets/..%5c..%5csecret.txt',
        'app://studio/assets/link.txt',
        'app://studio/assets/up/secret.txt',
        'app://studio/index.html%00.txt',
        'app://evil/../secret.txt',
        `app://studio/${encodeURIComponent(join(base, 'secret.txt'))}`,
      ];
      for (const url of refused) {
        const r = await handler(new Request(url));
        expect(r.status, url).toBeGreaterThanOrEqual(400);
        expect(await r.text(), url).not.toContain('SECRET');
      }
      const post = await handler(new Request('app://studio/index.html', { method: 'POST', body: 'x' }));
      expect(post.status).toBe(405);
      expect((await handler(new Request('app://studio/index.html'))).status).toBe(200);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('20: what the page gets of Electron', () => {
  it('only invoke, on and platform, with contract channels only (not the internal drop channel)', async () => {
    await import('../../../electron/preload');
    const api = contextBridge.exposed.get('ipsecStudio') as Record<string, unknown> | undefined;
    expect(api).toBeDefined();
    expect(Object.keys(api ?? {}).sort()).toEqual(['invoke', 'on', 'platform']);
    await expect((api?.invoke as (c: string, p: unknown) => Promise<unknown>)('shell:files-dropped', { paths: ['/etc/passwd'] })).rejects.toThrow(/unknown channel/);
    const source = await fs.readFile(new URL('../../../electron/preload.ts', import.meta.url), 'utf8');
    const exposed = [...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['ipsecStudio']);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*(ipcRenderer|webUtils|require|process)\b/);
  });

  it('no main-process code opens URLs or files in other programs', async () => {
    const dir = new URL('../../../electron/', import.meta.url);
    for (const name of await fs.readdir(dir)) {
      if (!name.endsWith('.ts')) continue;
      const text = await fs.readFile(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/\bshell\.(openExternal|openPath|showItemInFolder)\b|child_process/);
    }
  });
});
