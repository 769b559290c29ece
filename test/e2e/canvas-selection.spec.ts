// A plain click selects what it hits and nothing else, whatever was selected before (a gateway,
// then a tunnel, then the other gateway); Shift+click adds.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('a click moves the selection from a gateway to a tunnel and on to another gateway; Shift+click adds', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  const heading = page.locator('aside.inspector h3').first();
  await page.getByTestId('gateway-GATEWAY-1').click();
  await expect(heading).toHaveText('Gateway');
  await page.getByTestId('tunnel-test').click();
  await expect(heading).toHaveText('Tunnel');
  await page.getByTestId('gateway-GATEWAY-2').click();
  await expect(heading).toHaveText('Gateway');
  await expect(page.getByTestId('gateway-name')).toHaveValue('GATEWAY-2');
  await page.getByTestId('gateway-GATEWAY-1').click({ modifiers: ['Shift'] });
  await expect(page.locator('aside.inspector')).toContainText('2 items selected');
});
