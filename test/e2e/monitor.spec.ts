// Issue 5 in the web build: inject a failure in the VPN monitor panel and watch the tunnel
// interface go DOWN (seed 003 template: monitor + rekey, so only UP or DOWN once running), then
// walk a packet picked by clicking hosts on the canvas.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await expect(page.getByTestId('gateway-GATEWAY-1')).toBeVisible();
});

test('peer loss takes tunnel.1 from UP to DOWN and withdraws its routes; recovery brings it back', async ({ page }) => {
  await page.getByTestId('panel-tab-monitor').click();
  const status = page.getByTestId('monitor-status-GATEWAY-1-tunnel.1');
  // Monitor + rekey: only UP or DOWN (KB6221), so DOWN until the first probe negotiates.
  await expect(status).toContainText('DOWN');
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-0')).toContainText('I/I');

  // The first monitor probe: rekey negotiates every proxy ID, without user traffic (KB6221).
  await page.getByTestId('monitor-advance-10s').click();
  await expect(status).toContainText('UP');
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-0')).toContainText('A/U');
  await expect(page.getByTestId('ops-output')).toContainText('total configured sa: 4');

  await page.getByTestId('monitor-peer-loss').click();
  await page.getByTestId('monitor-advance-1m').click();
  await expect(status).toContainText('DOWN');
  await expect(page.getByTestId('monitor-if-GATEWAY-1-tunnel.1')).toContainText('routes withdrawn');

  await page.getByTestId('monitor-peer-recover').click();
  await page.getByTestId('monitor-advance-1m').click();
  await expect(status).toContainText('UP');
});

test('packet walk: pick two hosts on the canvas, see each step, the failing one highlighted', async ({ page }) => {
  await page.getByTestId('panel-tab-walk').click();
  await page.getByTestId('walk-pick-from').click();
  await page.getByTestId('network-Net 1.2').click();
  await expect(page.getByTestId('walk-from')).toHaveValue('Net 1.2');
  await page.getByTestId('walk-pick-to').click();
  await page.getByTestId('network-Net 2.2').click();
  await expect(page.getByTestId('walk-to')).toHaveValue('Net 2.2');
  await page.getByTestId('walk-proto').selectOption('icmp');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DELIVERED');
  await expect(page.getByTestId('walk-panel')).toContainText('Proxy ID pid-4 matches');

  // A destination behind no route: dropped at route lookup, shown and highlighted.
  await page.getByTestId('walk-to').fill('10.99.0.1');
  await page.getByTestId('walk-run').click();
  await expect(page.getByTestId('walk-outcome')).toHaveText('DROPPED');
  await expect(page.getByRole('status').filter({ hasText: 'Dropped: NO_ROUTE' })).toBeVisible();
});

test('only the SA the monitor ping matches decides: deleting its ACL line on the ASA takes tunnel.1 DOWN (KB16008)', async ({ page }) => {
  await page.getByTestId('tunnel-test').click();
  await page.getByRole('tab', { name: 'B · GATEWAY-2' }).click();
  await page.getByRole('button', { name: 'Delete selector 1 of end B' }).click();
  await page.getByTestId('panel-tab-monitor').click();
  const status = page.getByTestId('monitor-status-GATEWAY-1-tunnel.1');
  await page.getByTestId('monitor-advance-10s').click();
  await page.getByTestId('monitor-advance-1m').click();
  // pid-3 (192.168.2.0/24 <-> 172.16.1.0/24) is up and also reaches 172.16.1.1, but the ping from
  // the inside interface (192.168.1.1) can only pass through pid-1, which no longer comes up.
  await expect(page.getByTestId('monitor-sa-GATEWAY-1-test-2')).toContainText('ACTIVE');
  await expect(status).toContainText('DOWN');
});

test('the canvas shows what the running monitor shows: tunnel.1 DOWN with routes withdrawn after a peer loss, and nothing once reset', async ({ page }) => {
  const badge = page.getByTestId('tunnel-monitor-test');
  await page.getByTestId('panel-tab-monitor').click();
  // Before the simulation runs, the canvas shows the engine's verdict only.
  await expect(badge).toHaveCount(0);
  await page.getByTestId('monitor-advance-10s').click();
  await expect(badge).toHaveAttribute('aria-label', 'Monitor: UP');
  await page.getByTestId('monitor-peer-loss').click();
  await page.getByTestId('monitor-advance-1m').click();
  await expect(page.getByTestId('monitor-status-GATEWAY-1-tunnel.1')).toContainText('DOWN');
  await expect(badge).toHaveAttribute('aria-label', 'Monitor: DOWN, routes withdrawn');
  await expect(page.getByTestId('tunnel-test')).toHaveClass(/monitor-down/);
  await page.getByTestId('tunnel-test').screenshot({ path: test.info().outputPath('monitor-down.png') });
  await page.getByTestId('monitor-reset').click();
  await expect(badge).toHaveCount(0);
});
