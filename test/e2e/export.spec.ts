// Issue 6 in the web build: open the export panel on a template, preview each gateway's
// configuration, switch gateway and vendor, see the engine's verdict, turn on the keys (with
// the warning), copy, and download everything as a zip whose files are the preview's.
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  // The web build in dist/web is shared by every spec run on this machine and `vite build`
  // empties it first, so a run that starts while another rebuilds can get a failed first load.
  // Retry that load (only the load: everything after it is the product).
  for (let attempt = 1; ; attempt++) {
    try {
      await openApp(page);
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
      await page.waitForTimeout(3000);
    }
  }
});

test('full mesh: preview per gateway and vendor, keys only when asked, copy, download a zip', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('template-full-mesh').click();
  await page.getByTestId('panel-tab-export').click();

  const preview = page.getByTestId('export-preview');
  await expect(page.getByTestId('export-verdict')).toHaveText('The engine predicts this design comes up.');
  for (const name of ['Site-A.swanctl.conf', 'Site-B.panos.txt', 'Site-C.junos.txt', 'Site-D.fortigate.txt']) {
    await expect(page.getByTestId(`export-file-${name}`)).toBeVisible();
  }
  await expect(preview).toContainText('connections {');

  // One gateway, its own vendor: PAN-OS set commands with the mirrored proxy IDs.
  await page.getByTestId('export-gateway').selectOption({ label: 'Site-B (Palo Alto Networks PAN-OS)' });
  await expect(preview).toContainText('set network tunnel ipsec site-a-site-b auto-key proxy-id');
  await expect(preview).toContainText('authentication pre-shared-key key "<PSK:site-a-site-b>"');
  await expect(preview).not.toContainText('site-a-site-b-secret');

  // The same gateway written for another vendor.
  await page.getByTestId('export-vendor').selectOption('fortigate');
  await expect(page.getByTestId('export-file-Site-B.fortigate.txt')).toBeVisible();
  await expect(preview).toContainText('config vpn ipsec phase1-interface');
  await expect(page.getByTestId('export-warnings')).toContainText('VENDOR_OVERRIDDEN');

  // Keys: off by default; on shows the warning and the key itself.
  await expect(page.getByTestId('export-secret-warning')).toHaveCount(0);
  await page.getByTestId('export-secrets').check();
  await expect(page.getByTestId('export-secret-warning')).toContainText('pre-shared keys in clear text');
  await expect(preview).toContainText('set psksecret "site-a-site-b-secret"');
  await page.getByTestId('export-secrets').uncheck();
  await expect(preview).not.toContainText('site-a-site-b-secret');

  // Copy the previewed file.
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-message')).toHaveText('Copied Site-B.fortigate.txt');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('config vpn ipsec phase2-interface');

  // Back to all gateways, each its own vendor, and download the zip.
  await page.getByTestId('export-vendor').selectOption('auto');
  await page.getByTestId('export-gateway').selectOption({ index: 0 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save-folder').click()]);
  expect(download.suggestedFilename()).toBe('full-mesh-configs.zip');
  const zip = await JSZip.loadAsync(await readFile(await download.path()));
  expect(Object.keys(zip.files).sort()).toEqual(['Site-A.swanctl.conf', 'Site-B.panos.txt', 'Site-C.junos.txt', 'Site-D.fortigate.txt']);
  expect(await zip.file('Site-C.junos.txt')?.async('string')).toContain('set security ipsec vpn site-a-site-c traffic-selector ts-1 local-ip 10.3.0.0/24 remote-ip 10.1.0.0/24');
  expect(await zip.file('Site-A.swanctl.conf')?.async('string')).toContain('secret = "<PSK:site-a-site-b>"');
});

test('PAN-OS without proxy ID to a policy-based ASA: the engine says phase 2 fails; the ASA side has its crypto map and NAT exemption', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('panel-tab-export').click();
  await expect(page.getByTestId('export-verdict')).toContainText('would not come up');
  await expect(page.getByTestId('export-verdict')).toContainText('pa-asa');

  await page.getByTestId('export-file-ASA-Branch.asa.txt').click();
  await expect(page.getByTestId('export-preview')).toContainText('nat (inside,outside) source static');
  // The ASA's IKEv1 policy as the template gives it (an ASA IKEv1 policy hashes with SHA-1).
  await expect(page.getByTestId('export-preview')).toContainText('crypto ikev1 policy 10');
  await expect(page.getByTestId('export-preview')).toContainText('hash sha');
  await expect(page.getByTestId('export-preview')).toContainText('crypto map outside_map 10 set peer 198.51.100.1');
});

test('a warning names its line: clicking it shows that line of the file', async ({ page }) => {
  // ScreenOS 6.3 template written for Libreswan: DH group 2 is refused by Libreswan 4.10 (algparse).
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('panel-tab-export').click();
  await page.getByTestId('export-vendor').selectOption('libreswan');
  await expect(page.getByTestId('export-file-GATEWAY-1.ipsec.conf')).toBeVisible();
  // Without DH group 2 the tunnel has no IKE proposal Libreswan can offer: it is not written
  // (pluto would negotiate its own defaults), so its key is not written either.
  await page.getByTestId('export-file-GATEWAY-2.ipsec.secrets').click();
  await expect(page.getByTestId('export-preview')).toContainText('Pre-shared keys are placeholders');
  await expect(page.getByTestId('export-preview')).not.toContainText(': PSK');
  await expect(page.getByTestId('export-warnings')).toContainText('this tunnel is not written; add a proposal Libreswan has');
  const warning = page.getByTestId('export-warnings').getByRole('button').filter({ hasText: 'DH_GROUP_UNSUPPORTED' }).filter({ hasText: 'GATEWAY-1' });
  await warning.click();
  const flashed = page.locator('.export-line.is-flash');
  await expect(flashed).toHaveCount(1);
  await expect(flashed).toContainText('WARNING DH_GROUP_UNSUPPORTED: IKE DH group 2');
  await expect(page.getByTestId('export-file-GATEWAY-1.ipsec.conf')).toHaveAttribute('aria-pressed', 'true');
});

test('the export opens as a dialog too, with the same choices', async ({ page }) => {
  await page.getByTestId('template-hub-and-spoke').click();
  await page.getByTestId('panel-tab-export').click();
  await page.getByTestId('export-open-dialog').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(page.getByRole('dialog', { name: 'Export configuration' })).toBeVisible();
  await dialog.getByTestId('export-gateway').selectOption({ label: 'Branch-SRX (Juniper Junos SRX)' });
  await expect(dialog.getByTestId('export-preview')).toContainText('set security ipsec vpn hub-branch-srx bind-interface st0.0');
  await expect(dialog.getByTestId('export-preview')).toContainText('no proxy identity or traffic selector');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
