// Issue 2: the document round trip a person does in the web build, and files that must be
// refused with a clear message while the open topology stays as it was.
import { expect, test } from '@playwright/test';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clickEmptyCanvas, dragFromPalette, openApp, openViaToolbar, saveViaToolbar, useDownloadsForSave } from './helpers';

test.beforeEach(async ({ page }) => {
  await useDownloadsForSave(page);
  await openApp(page);
});

test('create a gateway, rename it, undo, save, reopen', async ({ page }) => {
  await dragFromPalette(page, 'palette-panos', 320, 260);
  const gw = page.getByTestId('gateway-PA-1');
  await expect(gw).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  const name = page.getByTestId('gateway-name');
  await expect(name).toHaveValue('PA-1');
  await name.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('HQ-Firewall');
  await expect(page.getByTestId('gateway-HQ-Firewall')).toBeVisible();

  // Typing in one field is one undo step.
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await expect(page.getByTestId('gateway-HQ-Firewall')).toHaveCount(0);

  const { download, text } = await saveViaToolbar(page);
  expect(download.suggestedFilename()).toMatch(/\.ipsec\.json$/);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = JSON.parse(text) as { formatVersion: number; gateways: { name: string; vendor: string }[] };
  expect(saved.gateways.map((g) => [g.name, g.vendor])).toEqual([['PA-1', 'panos']]);

  // Start over, then reopen the saved file.
  await page.getByTestId('tb-new').click();
  await expect(page.getByTestId('gateway-PA-1')).toHaveCount(0);
  const dir = await mkdtemp(path.join(tmpdir(), 'ipsec-e2e-'));
  const file = path.join(dir, 'saved.ipsec.json');
  await writeFile(file, text);
  await openViaToolbar(page, file);
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  await expect(page.getByTestId('doc-title')).toContainText('saved.ipsec.json');
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
});

const badFiles: { what: string; bytes: Buffer; expectText: RegExp }[] = [
  { what: 'garbage bytes', bytes: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x81, 0xfe, 0x7b, 0x22]), expectText: /not valid JSON/ },
  { what: 'JSON of the wrong shape', bytes: Buffer.from(JSON.stringify({ formatVersion: 2, gateways: 'none', tunnels: [{ id: 1 }] })), expectText: /error/ },
  { what: 'a newer format version', bytes: Buffer.from(JSON.stringify({ formatVersion: 99, gateways: [] })), expectText: /newer IPsec Studio/ },
];

for (const bad of badFiles) {
  test(`a file of ${bad.what} is refused with a clear message and the open topology is untouched`, async ({ page }) => {
    await dragFromPalette(page, 'palette-cisco-asa', 360, 240);
    await expect(page.getByTestId('gateway-ASA-1')).toBeVisible();
    await saveViaToolbar(page);

    await openViaToolbar(page, { name: 'bad.ipsec.json', mimeType: 'application/json', buffer: bad.bytes });
    const dialog = page.getByTestId('load-errors');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(bad.expectText);
    await expect(dialog).toContainText('The open topology was not changed.');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('gateway-ASA-1')).toBeVisible();
    await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  });
}

test('a wrong-shape file lists each error with its path', async ({ page }) => {
  const doc = { formatVersion: 2, gateways: [{ id: 'gw-1', name: 'A', vendor: 'nope', vpnType: 'route-based', position: { x: 0, y: 0 } }] };
  await openViaToolbar(page, { name: 'wrong.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('load-error-list')).toContainText('gateways[0].vendor');
});

test('unsaved changes: New asks first, and Cancel keeps the work', async ({ page }) => {
  await dragFromPalette(page, 'palette-fortigate', 300, 240);
  await expect(page.getByTestId('gateway-FG-1')).toBeVisible();
  await page.getByTestId('tb-new').click();
  const ask = page.getByTestId('ask-dialog');
  await expect(ask).toContainText('Save the changes');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('gateway-FG-1')).toBeVisible();
  await page.getByTestId('tb-new').click();
  await page.getByTestId('ask-dialog').getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByTestId('gateway-FG-1')).toHaveCount(0);
});

test('the recovery copy is offered back after a reload', async ({ page }) => {
  await dragFromPalette(page, 'palette-junos-srx', 300, 240);
  await expect(page.getByTestId('gateway-SRX-1')).toBeVisible();
  // Autosave runs shortly after a change; wait until IndexedDB has it.
  await expect
    .poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const r = indexedDB.open('ipsec-studio', 1);
      r.onsuccess = () => {
        const tx = r.result.transaction('recovery', 'readonly').objectStore('recovery').count();
        tx.onsuccess = () => resolve(tx.result);
        tx.onerror = () => resolve(0);
      };
      r.onerror = () => resolve(0);
    })))
    .toBe(1);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const banner = page.getByTestId('recovery-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('gateway-SRX-1')).toBeVisible();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
});
