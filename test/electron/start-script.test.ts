// @vitest-environment node
// `npm start` (scripts/start.mjs) where no Electron runtime can be had, for real: the script is
// spawned with the runtime hidden (an empty ELECTRON_OVERRIDE_DIST_PATH) and the download pointed
// at a closed port, so it must say so in one line and serve the web build on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const CSP = "default-src 'none'; script-src 'self'";
let child: ChildProcessWithoutNullStreams | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function webBuild(): Promise<{ web: string; empty: string }> {
  dir = await mkdtemp(join(tmpdir(), 'ipsec-studio-start-'));
  const web = join(dir, 'web');
  await mkdir(join(web, 'assets'), { recursive: true });
  await writeFile(join(web, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>IPsec Studio</title>`);
  await writeFile(join(web, 'assets', 'app.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  const empty = join(dir, 'no-electron');
  await mkdir(empty);
  return { web, empty };
}

function start(extraArgs: string[], env: Record<string, string>): Promise<{ lines: string[]; url: string; stderr: () => string }> {
  child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', '0', ...extraArgs], { cwd: root, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s; stdout: ${out}; stderr: ${err}`)), 60_000);
    child?.on('exit', (code) => reject(new Error(`exited ${code}; stdout: ${out}; stderr: ${err}`)));
    child?.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ lines: out.trim().split('\n'), url, stderr: () => err });
      }
    });
  });
}

describe('npm start without an Electron runtime', () => {
  it('says so in one line and serves the web build on 127.0.0.1', { timeout: 90_000 }, async () => {
    const { web, empty } = await webBuild();
    const { lines, url, stderr } = await start([], { IPSEC_STUDIO_WEB_DIR: web, ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: empty });
    expect(lines).toEqual([
      'The Electron runtime is not installed and could not be downloaded here, so IPsec Studio starts as a web app instead.',
      expect.stringMatching(/^IPsec Studio \(web\) is running at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl\+C to stop\)$/),
    ]);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(await page.text()).toContain('<title>IPsec Studio</title>');
    const asset = await fetch(new URL('assets/app.js', url));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of ['..%2fsecret.txt', 'assets/..%2f..%2fsecret.txt', '%2e%2e/secret.txt']) {
      const r = await fetch(new URL(path, url));
      expect([403, 404], path).toContain(r.status);
      expect(await r.text()).not.toContain('secret');
    }
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(405);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr()).not.toMatch(/\n\s+at /);
  });

  it('--web serves the web build without looking for Electron', { timeout: 90_000 }, async () => {
    const { web } = await webBuild();
    const { lines } = await start(['--web'], { IPSEC_STUDIO_WEB_DIR: web });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^IPsec Studio \(web\) is running at /);
  });

  it('fails in one line, without a stack trace, when there is no web build', { timeout: 30_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsec-studio-start-'));
    child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-build'], { cwd: root, env: { ...process.env, IPSEC_STUDIO_WEB_DIR: join(dir, 'missing') } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child?.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/^ipsec-studio: no web build in .*missing; run npm run build:web first\.$/)]);
  });
});
