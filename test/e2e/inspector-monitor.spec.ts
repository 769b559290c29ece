// The VPN monitor, DPD and NAT-T are set in the inspector, and the monitor panel follows: a
// ScreenOS tunnel built or changed by hand can have its monitor pinging the host the user names.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the monitor pings the destination set in the inspector, and only the SA that carries it counts', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('tunnel-test').click();
  const end = page.getByTestId('end-a');
  await expect(end.getByTestId('monitor-a')).toBeChecked();
  await expect(end.getByTestId('monitor-destination-a')).toHaveValue('172.16.1.1');
  await expect(end.getByTestId('dpd-a')).toBeVisible();
  await expect(end.getByTestId('nat-t-a')).toBeVisible();

  // Ping a host in the second remote network instead, from the default source (the inside interface).
  await end.getByTestId('monitor-destination-a').fill('172.16.2.1');
  await end.getByTestId('monitor-destination-a').press('Enter');
  await page.getByTestId('panel-tab-monitor').click();
  await page.getByTestId('monitor-advance-10s').click();
  await page.getByTestId('monitor-advance-1m').click();
  // pid-2 is 192.168.1.0/24 <-> 172.16.2.0/24: the one SA the ping from 192.168.1.1 passes through.
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-1')).toContainText('A/U');
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-0')).toContainText('A/D');
  await expect(page.getByTestId('monitor-status-GATEWAY-1-tunnel.1')).toContainText('UP');

  // Switched off, the monitor no longer pings: no SA is marked by it.
  await end.getByTestId('monitor-a').uncheck();
  await expect(end.getByTestId('monitor-destination-a')).toHaveCount(0);
});

test('a DPD interval the product does not take is refused in the inspector, naming the range', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-hub-and-spoke').click();
  // The hub-and-spoke template's SRX spoke is end A of its tunnel: Junos takes a DPD interval up to 60 s.
  await page.getByTestId('tunnel-hub-branch-srx').click();
  const srxEnd = page.getByTestId('end-a');
  await srxEnd.getByTestId('dpd-interval-a').fill('90');
  await srxEnd.getByTestId('dpd-interval-a').press('Tab');
  await expect(srxEnd.getByText(/Junos SRX takes \d+ to 60/)).toBeVisible();
});

test('a lifetime expiry can hit one SA: only that SA is renegotiated, the tunnel\'s other SAs are left as they were', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('panel-tab-monitor').click();
  await page.getByTestId('monitor-advance-10s').click();
  for (let i = 0; i < 4; i++) await expect(page.getByTestId(`monitor-sa-GATEWAY-1-test-${i}`)).toContainText('A/U');
  const choice = page.getByTestId('monitor-sa-choice');
  await expect(choice.locator('option')).toHaveCount(1 + 8);
  await choice.selectOption({ label: 'GATEWAY-1: pid-2 192.168.1.0/24 ↔ 172.16.2.0/24' });
  await page.getByTestId('monitor-expiry').click();
  // With monitor rekey (this template), the expired SA is renegotiated at once: its row says so,
  // and no other row saw an expiry.
  const renegotiated = /lifetime ends is renegotiated/;
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-1')).toContainText(renegotiated);
  for (const i of [0, 2, 3]) {
    await expect(page.getByTestId(`monitor-sa-GATEWAY-1-test-${i}`)).toContainText('A/U');
    await expect(page.getByTestId(`monitor-sa-GATEWAY-1-test-${i}`)).not.toContainText(renegotiated);
  }
});
