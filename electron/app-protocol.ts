// The renderer's files are served from app://studio/ (a standard, secure, privileged scheme)
// instead of file://: the page gets a real origin, the CSP header rides on every response, and a
// request can never reach a file outside the renderer folder.
import type { CustomScheme } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/** Registered before `app.ready` with `protocol.registerSchemesAsPrivileged`. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Refused: another scheme or host,
 * any `..` segment (plain or percent-encoded), backslashes, NUL bytes, malformed escapes, and
 * anything that would resolve outside `root`.
 */
export function resolveAppPath(root: string, url: string): ResolvedAppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404, reason: `not an ${APP_SCHEME}://${APP_HOST} URL` };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403, reason: 'forbidden character in path' };
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal refused' };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403, reason: 'path outside the app folder refused' };
  return { ok: true, file };
}

export interface AppProtocolOptions {
  /** The folder holding the built renderer (index.html and assets/). */
  root: string;
  /** Content-Security-Policy header value sent with every response. */
  contentSecurityPolicy: string;
  readFile?: (path: string) => Promise<Uint8Array>;
  realpath?: (path: string) => Promise<string>;
  onRefused?: (url: string, reason: string) => void;
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The `protocol.handle(APP_SCHEME, ...)` handler. Only GET/HEAD; symlinks leading outside `root` are refused too. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((p: string) => readFile(p));
  const real = options.realpath ?? ((p: string) => realpath(p));
  const refuse = (url: string, status: number, reason: string): Response => {
    options.onRefused?.(url, reason);
    return new Response(reason, { status, headers: { ...securityHeaders(options.contentSecurityPolicy), 'Content-Type': 'text/plain; charset=utf-8' } });
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(request.url, 405, 'method not allowed');
    const resolved = resolveAppPath(options.root, request.url);
    if (!resolved.ok) return refuse(request.url, resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      const [realRoot, realFile] = await Promise.all([real(resolve(options.root)), real(resolved.file)]);
      if (realFile !== realRoot && !realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
        return refuse(request.url, 403, 'path outside the app folder refused');
      }
      body = await read(realFile);
    } catch {
      return refuse(request.url, 404, 'not found');
    }
    const headers = { ...securityHeaders(options.contentSecurityPolicy), 'Content-Type': mimeTypeOf(resolved.file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
