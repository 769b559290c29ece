// A gateway's own product settings in the inspector (shared/vendors/<vendor>/options.ts): an ASA
// in production keeps its crypto map, so the inspector takes its name and the first sequence
// number, refuses what the ASA would not take, and the export writes the entries there.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('an ASA gateway takes the crypto map name and first sequence of the box, and the export uses them', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('gateway-ASA-Branch').click();
  const name = page.getByTestId('option-cryptoMapName');
  await name.fill('two words');
  await expect(page.getByRole('alert').filter({ hasText: 'Crypto map name' })).toBeVisible();
  await name.fill('PROD_MAP');
  await expect(page.getByRole('alert').filter({ hasText: 'Crypto map name' })).toHaveCount(0);
  const seq = page.getByTestId('option-mapSequenceStart');
  await seq.fill('70000');
  await expect(page.getByRole('alert').filter({ hasText: '1 to 65535' })).toBeVisible();
  await seq.fill('500');
  await page.getByTestId('panel-tab-export').click();
  await page.getByTestId('export-gateway').selectOption({ label: 'ASA-Branch (Cisco ASA)' });
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText('crypto map PROD_MAP 500 set peer 198.51.100.1');
  await expect(preview).toContainText('crypto map PROD_MAP interface outside');
  await expect(page.getByTestId('export-warnings')).toContainText('EXISTING_CONFIG');
});
