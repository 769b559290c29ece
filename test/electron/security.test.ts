// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Session, WebContents } from 'electron';
import { MockWebContents, resetElectronMock, session } from '../mocks/electron';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  denyPermissions,
  developmentContentSecurityPolicy,
  hardenWebContents,
  installCspHeader,
  isTrustedUrl,
} from '../../electron/security';

vi.mock('electron', () => import('../mocks/electron'));

describe('content security policy', () => {
  it('allows only same-origin script, no inline or eval, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)] as const));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('script-src')).not.toMatch(/unsafe|data:|blob:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY.startsWith(CONTENT_SECURITY_POLICY_META)).toBe(true);
  });

  it('is widened only in development, only for the dev server and its socket', () => {
    const dev = developmentContentSecurityPolicy('http://127.0.0.1:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline' http://127.0.0.1:5173");
    expect(dev).toContain("connect-src 'self' http://127.0.0.1:5173 ws://127.0.0.1:5173");
    expect(dev).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('127.0.0.1');
  });

  it('is the same policy as the <meta> tag in renderer/index.html', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html has no CSP <meta> tag').not.toBeNull();
    const parse = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).sort().join(' ')] as const));
    expect(parse(meta?.[1] ?? '')).toEqual(parse(CONTENT_SECURITY_POLICY_META));
  });

  it('is added to every http(s) response, replacing any other policy', () => {
    installCspHeader(session.defaultSession as unknown as Session, CONTENT_SECURITY_POLICY);
    const callback = vi.fn();
    session.defaultSession.headersReceived?.({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('navigation, new windows and webviews', () => {
  let contents: MockWebContents;
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeEach(() => {
    resetElectronMock();
    contents = new MockWebContents();
    hardenWebContents(contents as unknown as WebContents, { log });
  });

  it('denies every navigation, including same-origin and file:// ones', () => {
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', `${APP_ORIGIN}/other.html`)).toBe(true);
    expect(contents.fire('will-navigate', 'file:///home/me/lab%20one.json')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('denies new windows', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('permissions', () => {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  beforeEach(() => {
    resetElectronMock();
    denyPermissions(session.defaultSession as unknown as Session, [APP_ORIGIN], log);
  });

  const request = (permission: string, url: string): boolean => {
    let granted: boolean | undefined;
    session.defaultSession.permissionRequestHandler?.({ getURL: () => url }, permission, (g: boolean) => (granted = g), { requestingUrl: url });
    if (granted === undefined) throw new Error('callback not called');
    return granted;
  };

  it('denies device, media, location and notification requests, even from the app', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'serial', 'usb', 'clipboard-read', 'display-capture', 'openExternal', 'pointerLock', 'fullscreen', 'unknown']) {
      expect(request(p, `${APP_ORIGIN}/index.html`), p).toBe(false);
      expect(session.defaultSession.permissionCheckHandler?.(null, p, APP_ORIGIN, {}), p).toBe(false);
    }
    expect(session.defaultSession.devicePermissionHandler?.({})).toBe(false);
    const cb = vi.fn();
    session.defaultSession.displayMediaRequestHandler?.({}, cb);
    expect(cb).toHaveBeenCalledWith(null);
  });

  it('allows clipboard write only, and only to the app origin', () => {
    expect(request('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'clipboard-sanitized-write', APP_ORIGIN, {})).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('treats app:// origins by scheme and host', () => {
    expect(isTrustedUrl('app://studio/index.html', [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://studio.evil/index.html', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('not a url', [APP_ORIGIN])).toBe(false);
  });
});
