// The web build's recovery copy (IndexedDB) never holds a pre-shared key, restoring says so, and
// a copy stays until the person restores or discards it (a reload without either keeps it).
import { expect, test, type Page } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { documentOf, newGateway, newTunnel } from '../../shared/document/factory';
import { dragFromPalette, openApp, openViaToolbar, useDownloadsForSave } from './helpers';

const KEY = 'Pre-Shared-s3cr3t-9f2c';

function keyedTopology(): string {
  const a = newGateway({ id: 'gw-1', name: 'A', vendor: 'strongswan', position: { x: 100, y: 100 }, outsideAddress: '192.0.2.1/24' });
  const b = newGateway({ id: 'gw-2', name: 'B', vendor: 'panos', position: { x: 500, y: 100 }, outsideAddress: '198.51.100.1/24' });
  const t = newTunnel({ id: 'tun-1', name: 'A-B', a, b });
  t.a.auth.psk = KEY;
  t.b.auth.psk = KEY;
  return serializeDocument(documentOf({ name: 'Keyed', gateways: [a, b], tunnels: [t] }));
}

/** Everything stored in the app's IndexedDB recovery store, as JSON. */
const storedCopies = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const r = indexedDB.open('ipsec-studio', 1);
        r.onsuccess = () => {
          const req = r.result.transaction('recovery', 'readonly').objectStore('recovery').getAll();
          req.onsuccess = () => resolve((req.result as unknown[]).map((v) => JSON.stringify(v)));
          req.onerror = () => resolve([]);
        };
        r.onerror = () => resolve([]);
      }),
  );

test('the recovery copy holds no pre-shared key, and restoring says to enter them again', async ({ page }) => {
  await useDownloadsForSave(page);
  await openApp(page);
  await openViaToolbar(page, { name: 'keyed.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(keyedTopology()) });
  await expect(page.getByTestId('gateway-A')).toBeVisible();
  await dragFromPalette(page, 'palette-fortigate', 300, 400);
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  await expect.poll(async () => (await storedCopies(page)).length).toBe(1);
  const [copy] = await storedCopies(page);
  expect(copy).not.toContain(KEY);
  expect(copy).toContain('"pskRemoved":true');

  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('recovery-notice')).toHaveText("Pre-shared keys are not kept in the browser's recovery copy; enter them again.");
  await expect(page.getByTestId('gateway-A')).toBeVisible();
  const psks = await page.evaluate(() => (window as unknown as { __ipsecStudio: { editor: { document: { tunnels: { a: { auth: { psk: string } } }[] } } } }).__ipsecStudio.editor.document.tunnels.map((t) => t.a.auth.psk));
  expect(psks).toEqual(['']);
});

test('a copy survives a reload that neither restores nor discards it, and goes when discarded', async ({ page }) => {
  await openApp(page);
  await dragFromPalette(page, 'palette-junos-srx', 300, 240);
  await expect.poll(async () => (await storedCopies(page)).length).toBe(1);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId('recovery-banner')).toBeVisible();
  // Closed again without an answer: still there.
  await page.reload();
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(async () => (await storedCopies(page)).length).toBe(0);
  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
  await expect(page.getByTestId('recovery-banner')).toHaveCount(0);
});
