// The inspector offers each product only the algorithms it can be configured with
// (shared/vendors/algorithms.ts): an ASA IKEv1 policy has no SHA-2, its IKEv2 policy does.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('an ASA end in IKEv1 cannot pick SHA-256 for IKE; in IKEv2 it can', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  await page.getByTestId('end-tab-b').click();
  const ike = page.getByTestId('end-b').getByRole('group', { name: 'Integrity' }).first();
  const sha256 = ike.getByRole('checkbox', { name: 'sha256' });
  await expect(sha256).toBeDisabled();
  await expect(ike.getByRole('checkbox', { name: 'sha1' })).toBeChecked();
  // The PAN-OS end of the same tunnel has SHA-256 for IKEv1.
  await page.getByTestId('end-tab-a').click();
  await expect(page.getByTestId('end-a').getByRole('group', { name: 'Integrity' }).first().getByRole('checkbox', { name: 'sha256' })).toBeEnabled();
  // Move the ASA end to IKEv2: SHA-256 is on offer.
  await page.getByTestId('end-tab-b').click();
  await page.getByTestId('ike-version-b').selectOption({ label: 'IKEv2' });
  await expect(page.getByTestId('end-b').getByRole('group', { name: 'Integrity' }).first().getByRole('checkbox', { name: 'sha256' })).toBeEnabled();
});
