#!/usr/bin/env node
// `npm start`: the desktop app where an Electron runtime exists (or can be fetched quickly);
// otherwise one line saying so, then the web build served on 127.0.0.1.
//
//   npm start                      desktop app, or the web build when Electron is unavailable
//   npm start -- --web             the web build, even where Electron is installed
//   npm start -- --port 8080       port for the web build (default 5180, or $PORT; 0 = any free port)
//   npm start -- --no-build        serve dist/web as it is (skip the rebuild check)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const webDir = path.resolve(process.env.IPSEC_STUDIO_WEB_DIR ?? path.join(root, 'dist', 'web'));

function fail(message) {
  console.error(`ipsec-studio: ${message}`);
  process.exit(1);
}

/** The Electron binary, found the way the `electron` package finds it, without triggering its download. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const full = path.join(dist, exe);
  return existsSync(full) ? full : undefined;
}

/** Tries the electron package's own installer (`npx install-electron`), for at most 3 minutes. */
function tryInstallElectron() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return false;
  }
  if (!existsSync(installer)) return false;
  const started = Date.now();
  const r = spawnSync(process.execPath, [installer], { stdio: 'pipe', timeout: 180_000, cwd: root });
  // Quiet when it fails at once (no network); say so when a real attempt took a while.
  if (r.status !== 0 && Date.now() - started > 2000) console.log('Downloading the Electron runtime did not succeed.');
  return r.status === 0 && electronBinary() !== undefined;
}

function startDesktop() {
  const forge = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-forge.cmd' : 'electron-forge');
  if (!existsSync(forge)) fail('Electron Forge is not installed; run npm ci first.');
  const child = spawn(forge, ['start'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  child.on('error', (e) => fail(`could not start Electron Forge: ${e.message}`));
}

/** Newest modification time under the given paths (files and folders, recursively). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(path.join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function ensureWebBuild() {
  const index = path.join(webDir, 'index.html');
  const sources = ['renderer', 'shared', 'vite.renderer.config.ts', 'package.json'].map((p) => path.join(root, p));
  if (existsSync(index) && (flag('--no-build') || statSync(index).mtimeMs >= newestMtime(sources))) return;
  if (flag('--no-build')) fail(`no web build in ${webDir}; run npm run build:web first.`);
  console.log('Building the web version (npm run build:web)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'build:web'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0 || !existsSync(index)) {
    const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !l.startsWith('npm warn'));
    fail(`the web build failed: ${lines.slice(0, 5).join(' | ') || `exit code ${r.status}`}`);
  }
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The page's own CSP (from its <meta> tag) sent as a header too, plus what only a header can say. */
function contentSecurityPolicy() {
  const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  const base = meta ? meta[1].trim().replace(/;\s*$/, '') : "default-src 'self'";
  return `${base}; frame-ancestors 'none'`;
}

/** Maps a request path into webDir, or undefined when it would leave it. */
function resolveRequest(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..')) return undefined;
  const file = path.resolve(webDir, `.${decoded === '/' ? '/index.html' : decoded}`);
  const rel = path.relative(webDir, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? file : undefined;
}

function serveWeb(port) {
  const csp = contentSecurityPolicy();
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const file = resolveRequest(req.url ?? '/');
    if (!file) return send(403, 'forbidden');
    try {
      const [realRoot, realFile] = await Promise.all([realpath(webDir), realpath(file)]);
      if (!realFile.startsWith(realRoot + path.sep)) return send(403, 'forbidden');
      send(200, await readFile(realFile), MIME[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  server.on('error', (e) => {
    if (e.code === 'EADDRINUSE' && port !== 0 && port < 65535 && !option('--port') && !process.env.PORT) serveWeb(port + 1);
    else fail(`could not serve on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (choose another with --port)' : e.message}`);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    console.log(`IPsec Studio (web) is running at http://127.0.0.1:${address.port}/ (Ctrl+C to stop)`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function main() {
  const portText = option('--port') ?? process.env.PORT ?? '5180';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port "${portText}"`);

  if (!flag('--web')) {
    if (electronBinary() || tryInstallElectron()) return startDesktop();
    console.log('The Electron runtime is not installed and could not be downloaded here, so IPsec Studio starts as a web app instead.');
  }
  ensureWebBuild();
  serveWeb(port);
}

try {
  main();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
