// The security checklist in one place: the renderer's web preferences, the Content Security
// Policy, which origins count as the app's own, and the handlers that deny navigation, new
// windows, webviews and permission requests. main.ts applies them; test/electron checks them.
import type { Event, HandlerDetails, Session, WebContents } from 'electron';
import type { Logger } from './log';

/** The renderer is served from this privileged scheme, never from file:// (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// One directive list for the response header and the renderer's <meta> tag (renderer/index.html
// carries the same directives; test/electron/security.test.ts keeps the two in step). Everything
// is same-origin; inline and eval'd script are never allowed. Inline *style* is allowed: the
// canvas and animation set element styles, and CSS cannot run code. `data:`/`blob:` images are
// for the canvas PNG/SVG export. `frame-ancestors` only works as a header (a <meta> copy is
// ignored and Chromium logs an error), so the meta policy leaves it out.
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

const join = (ds: readonly (readonly [string, string])[]): string => ds.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy sent as a `Content-Security-Policy` header on every response the app serves. */
export const CONTENT_SECURITY_POLICY = join([...DIRECTIVES, ['frame-ancestors', "'none'"]]);
/** The same policy for `<meta http-equiv="Content-Security-Policy">` in renderer/index.html. */
export const CONTENT_SECURITY_POLICY_META = join(DIRECTIVES);

/**
 * Development only (`electron-forge start` with Vite's dev server): Vite's client needs its
 * websocket and React Refresh injects one inline preamble script. Never used by a packaged app.
 */
export function developmentContentSecurityPolicy(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return join(
    DIRECTIVES.map(([k, v]): [string, string] => {
      if (k === 'script-src') return [k, `${v} 'unsafe-inline' ${devServerOrigin}`];
      if (k === 'style-src') return [k, `${v} ${devServerOrigin}`];
      if (k === 'connect-src') return [k, `${v} ${devServerOrigin} ${ws}`];
      return [k, v];
    }),
  );
}

/** `scheme://host` of a URL, or undefined when it does not parse. Works for app:// (where URL.origin is "null"). */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && trustedOrigins.includes(origin);
}

export interface HardenOptions {
  log: Logger;
}

/**
 * The navigation handler: the app is a single page, so every navigation is refused, file://
 * ones included, and none of them grants anything (whoever started it: a navigation may come
 * from the page). Files dropped on the window reach main through the preload (see preload.ts).
 */
export function handleWillNavigate(event: Pick<Event, 'preventDefault'>, url: string, options: HardenOptions): void {
  event.preventDefault();
  options.log.warn(`navigation refused: ${url.slice(0, 200)}`);
}

/** The window-open handler: no new windows, for any URL. */
export function handleWindowOpen(details: Pick<HandlerDetails, 'url'>, log: Logger): { action: 'deny' } {
  log.warn(`new window refused: ${details.url}`);
  return { action: 'deny' };
}

/** Applies the navigation, redirect, new-window and webview rules to one webContents. */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  contents.on('will-navigate', (event, url) => handleWillNavigate(event, url, options));
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames too (the app has none; one the page makes may not navigate anywhere).
    if (!event.isMainFrame) {
      event.preventDefault();
      options.log.warn(`sub-frame navigation refused: ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    options.log.warn(`redirect refused: ${url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log.warn('webview refused');
  });
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, options.log));
}

/**
 * The one permission the app's own page may use: writing text to the clipboard (copy a config
 * snippet, copy gateways). Everything else (camera, microphone, geolocation, notifications, HID,
 * serial, USB, clipboard *read*, fullscreen, ...) is denied, and so is everything asked by any
 * other origin. (Paste falls back to the renderer's own clipboard; full screen is the View menu's.)
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string, trustedOrigins: readonly string[]): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, trustedOrigins);
}

/** Installs deny-by-default permission request and check handlers on a session. */
export function denyPermissions(session: Session, trustedOrigins: readonly string[], log: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const allowed = permissionAllowed(permission, url, trustedOrigins);
    if (!allowed) log.warn(`permission refused: ${permission} for ${url}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, trustedOrigins));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** Adds the CSP header to every http(s) response of a session (the dev server's; app:// sets its own). */
export function installCspHeader(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
