// The Content Security Policy holds without a single violation: loading the app, opening a
// topology and running the engine report nothing. zod probes `new Function("")` once, when its
// first object schema is built, unless configured jitless; under a CSP without 'unsafe-eval'
// that probe is reported as a violation even though zod catches the error.
//
// The desktop app sends the policy as a header on every app:// response (electron/app-protocol),
// so the engine worker has it too; the web build carries it as a <meta> tag, which covers the
// page only. Here every response gets the desktop's header, so page and worker are both held
// to it, and violations are collected from both (the worker's through a listener prepended to
// its script, which reports on its console).
import { expect, test, type ConsoleMessage } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { serializeDocument } from '../../shared/document/file';
import { documentOf, newGateway, newTunnel } from '../../shared/document/factory';
import { openApp, openViaToolbar } from './helpers';

const WORKER_PROBE = "self.addEventListener('securitypolicyviolation', (e) => console.error(`csp-violation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));\n";

test('no CSP violation is reported by the page or the engine worker', async ({ page }) => {
  const violations: string[] = [];
  const onConsole = (where: string) => (m: ConsoleMessage) => {
    const text = m.text();
    if (text.startsWith('csp-violation') || /Content Security Policy|unsafe-eval/i.test(text)) violations.push(`${where}: ${text}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (w) => w.on('console', onConsole(`worker ${w.url()}`)));
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY };
    const isWorker = /engine\.worker[^/]*\.js/.test(route.request().url());
    const body = isWorker ? WORKER_PROBE + (await response.text()) : await response.body();
    await route.fulfill({ response, headers, body });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`csp-violation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });

  await openApp(page);
  // Open a topology (the loader parses it with zod) and let the engine compute its report.
  const a = newGateway({ id: 'gw-1', name: 'A', vendor: 'strongswan', position: { x: 100, y: 100 }, outsideAddress: '192.0.2.1/24' });
  const b = newGateway({ id: 'gw-2', name: 'B', vendor: 'panos', position: { x: 500, y: 100 }, outsideAddress: '198.51.100.1/24' });
  const doc = documentOf({ name: 'CSP', gateways: [a, b], tunnels: [newTunnel({ id: 'tun-1', name: 'A-B', a, b })] });
  await openViaToolbar(page, { name: 'csp.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  await expect(page.getByTestId('gateway-A')).toBeVisible();
  await expect(page.getByTestId('engine-state')).toContainText(/results in/);
  expect(page.workers().length).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test('the web build carries the same policy as a <meta> tag', async ({ page }) => {
  await openApp(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-eval');
});
