// Auto-layout of a 500-spoke hub, as a person does it: open the design, press Layout, and the
// whole drawing fits the canvas at a zoom the canvas allows, in several columns of spokes.
import { expect, test } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { documentOf, newGateway, newNetwork, newTunnel } from '../../shared/document/factory';
import { openApp, openViaToolbar } from './helpers';

function hub(spokes: number) {
  const h = newGateway({ id: 'hub', name: 'HUB', vendor: 'panos', position: { x: 0, y: 0 }, outsideAddress: '198.51.100.1/24' });
  const gateways = [h];
  const networks = [newNetwork({ id: 'n-hub', name: 'hub-lan', gatewayId: h.id, address: '10.0.0.0/16', position: { x: 0, y: 0 } })];
  const tunnels = [];
  for (let i = 0; i < spokes; i++) {
    const g = newGateway({ id: `s${i}`, name: `S${i}`, vendor: 'fortigate', position: { x: 0, y: i * 5 }, outsideAddress: `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}/24` });
    gateways.push(g);
    networks.push(newNetwork({ id: `n${i}`, name: `lan-${i}`, gatewayId: g.id, address: `10.${1 + Math.floor(i / 250)}.${i % 250}.0/24`, position: { x: 0, y: 0 } }));
    tunnels.push(newTunnel({ id: `t${i}`, name: `t${i}`, a: h, b: g, ikeVersion: 2 }));
  }
  return documentOf({ gateways, networks, tunnels, name: '500 spokes' });
}

test('Layout on a 500-spoke hub: columns of spokes that a fit shows whole, at above the minimum zoom', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openViaToolbar(page, { name: 'hub.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(hub(500))) });
  await expect(page.getByTestId('gateway-HUB')).toBeVisible();
  await page.getByTestId('tb-layout').click();
  const scale = async () => Number(/matrix\(([^,]+),/.exec(await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform))?.[1] ?? 0);
  // The layout fits the view when it is done, above the canvas's minimum zoom (0.05): the whole
  // hub on screen, which one column of 500 spokes (72,000 px tall) never was.
  await expect.poll(scale, { timeout: 60_000 }).toBeGreaterThan(0.05);
  await page.screenshot({ path: test.info().outputPath('hub-500.png') });
});
