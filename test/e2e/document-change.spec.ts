// Everything derived from a document belongs to it: opening another one starts the monitor, the
// walk and the canvas highlight again; an edit walks the same packet again on the new design.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('another document starts the VPN monitor, the packet walk and the canvas highlight again', async ({ page }) => {
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();

  await page.keyboard.press('Alt+3');
  await page.getByTestId('monitor-advance-10s').click();
  await expect(page.getByTestId('monitor-status-GATEWAY-1-tunnel.1')).toContainText('UP');
  await page.getByTestId('monitor-peer-loss').click();
  await page.getByTestId('monitor-advance-1m').click();
  await expect(page.getByTestId('monitor-panel')).toContainText('t = 0h 01m 10s');

  await page.keyboard.press('Alt+4');
  await page.getByTestId('walk-from').fill('Net 1.2');
  await page.getByTestId('walk-to').fill('Net 2.2');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toBeVisible();
  await expect(page.locator('.highlight-note')).toBeVisible();

  await page.getByTestId('tb-template').click();
  await page.getByTestId('templates-dialog').getByRole('button', { name: /Palo Alto ↔ policy-based Cisco ASA/ }).click();
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();

  await expect(page.locator('.highlight-note')).toHaveCount(0);
  await expect(page.getByTestId('walk-outcome')).toHaveCount(0);
  await expect(page.getByTestId('walk-from')).toHaveValue('');
  await page.keyboard.press('Alt+3');
  const monitor = page.getByTestId('monitor-panel');
  await expect(monitor).toContainText('t = 0h 00m 00s');
  await expect(monitor).not.toContainText('GATEWAY-1');
  await expect(monitor).not.toContainText('peer');
});

test('an edit walks the packet again: the route fix replaces "leaves unencrypted" with the new verdict', async ({ page }) => {
  await page.getByTestId('template-scenario-proxy-id-without-route').click();
  await page.keyboard.press('Alt+4');
  await page.getByTestId('walk-scenario').click();
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('BLACKHOLED');
  const banner = page.locator('.highlight-note');
  await expect(banner).toBeVisible();
  const before = await banner.innerText();

  await page.keyboard.press('Alt+1');
  await page.getByTestId('fix-PROXY_ID_WITHOUT_ROUTE').first().click();
  await page.keyboard.press('Alt+4');
  // Walked again without pressing Walk: the packet now takes tunnel.1.
  await expect(page.getByTestId('walk-outcome')).not.toHaveText('BLACKHOLED');
  await expect(page.getByTestId('walk-panel')).toContainText('tunnel.1');
  await expect(banner).not.toHaveText(before);
});
