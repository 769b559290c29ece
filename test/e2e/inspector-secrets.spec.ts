// The inspector is on a projector in a workshop: a pre-shared key is masked until the person
// reveals it, and masked again when another end or tunnel is shown.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('a pre-shared key is masked, revealed on request, and masked again elsewhere', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  const key = page.getByTestId('psk-a');
  await expect(key).toHaveAttribute('type', 'password');
  await expect(key).toHaveValue('pa-asa-secret');
  const reveal = page.getByTestId('end-a').getByRole('button', { name: 'Show the pre-shared key' });
  await expect(reveal).toHaveAttribute('aria-pressed', 'false');
  await reveal.click();
  await expect(key).toHaveAttribute('type', 'text');
  await expect(reveal).toHaveAttribute('aria-pressed', 'true');
  // Typing while revealed edits the document like any field.
  await key.fill('a-new-key');
  await expect(key).toHaveValue('a-new-key');
  await reveal.click();
  await expect(key).toHaveAttribute('type', 'password');
  // Another end starts masked, whatever the first one showed.
  await reveal.click();
  await page.getByTestId('end-tab-b').click();
  await expect(page.getByTestId('psk-b')).toHaveAttribute('type', 'password');
  await page.getByTestId('end-tab-a').click();
  await expect(page.getByTestId('psk-a')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('psk-a')).toHaveValue('a-new-key');
});

test('a key the file format cannot hold is refused next to the field, and the document keeps the last good key', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  const key = page.getByTestId('psk-a');
  // A tab: a pre-shared key may hold printable ASCII only (shared/model/text.ts).
  await key.fill('pa-asa\tsecret');
  await expect(page.getByTestId('end-a').getByRole('alert')).toContainText('printable ASCII');
  // What the document holds did not change: another end and back shows the last good key.
  await page.getByTestId('end-tab-b').click();
  await page.getByTestId('end-tab-a').click();
  await expect(page.getByTestId('psk-a')).toHaveValue('pa-asa-secret');
});
