// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { withTempDir } from './helpers';

const ROOT = '/opt/ipsec-studio/renderer';

describe('resolveAppPath', () => {
  it('maps app://studio/ paths into the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://studio/')).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://studio/index.html')).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://studio/assets/main-abc.js?v=1#x')).toEqual({ ok: true, file: `${ROOT}/assets/main-abc.js` });
    expect(resolveAppPath(ROOT, 'app://studio/assets/a%20b.css')).toEqual({ ok: true, file: `${ROOT}/assets/a b.css` });
  });

  it.each([
    'app://studio/../../../etc/passwd',
    'app://studio/%2e%2e/%2e%2e/etc/passwd',
    'app://studio/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://studio/assets/%2E%2E%2F%2E%2E%2Fsecret',
    'app://studio/..%5c..%5cwindows%5csystem32',
    'app://studio/assets\\..\\..\\secret',
    'app://studio/index.html%00.png',
    'app://studio/%E0%A4%A',
    'app://studio//etc/passwd/..',
  ])('refuses traversal: %s', (url) => {
    const r = resolveAppPath(ROOT, url);
    if (r.ok) expect(r.file.startsWith(`${ROOT}/`)).toBe(true);
    else expect([400, 403]).toContain(r.status);
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(ROOT, 'app://evil/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath(ROOT, 'file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppPath(ROOT, 'not a url')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('app:// protocol handler', () => {
  it('serves renderer files with the CSP and nosniff headers', async () => {
    await withTempDir(async (dir) => {
      await fs.mkdir(join(dir, 'assets'));
      await fs.writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>');
      await fs.writeFile(join(dir, 'assets', 'main.js'), 'console.log(1)');
      const handle = createAppProtocolHandler({ root: dir, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
      const html = await handle(new Request('app://studio/'));
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(html.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await html.text()).toContain('<title>x</title>');
      const js = await handle(new Request('app://studio/assets/main.js'));
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const missing = await handle(new Request('app://studio/nope.js'));
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    });
  });

  it('refuses traversal, other methods, and symlinks out of the folder, without reading outside', async () => {
    await withTempDir(async (base) => {
      const root = join(base, 'renderer');
      await fs.mkdir(root);
      await fs.writeFile(join(base, 'secret.txt'), 'secret');
      await fs.writeFile(join(root, 'index.html'), 'ok');
      await fs.symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
      const refused: string[] = [];
      const handle = createAppProtocolHandler({ root, contentSecurityPolicy: CONTENT_SECURITY_POLICY, onRefused: (url) => refused.push(url) });
      for (const url of ['app://studio/..%2fsecret.txt', 'app://studio/%2e%2e/secret.txt', 'app://studio/link.txt']) {
        const r = await handle(new Request(url));
        // %2e%2e is normalised by the URL parser to a `..` that stays inside the folder: 404.
        expect([403, 404], url).toContain(r.status);
        expect(await r.text(), url).not.toContain('secret');
      }
      expect((await handle(new Request('app://studio/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
      expect(refused.length).toBe(4);
    });
  });
});
