// Auto-layout of a 500-spoke hub, as a person does it: open the design, press Layout, and the
// whole drawing fits the canvas at a zoom the canvas allows, in several columns of spokes.
import { expect, test } from '@playwright/test';
import { serializeDocument } from '../../shared/document/file';
import { hubWithSpokes } from '../support/designs';
import { openApp, openViaToolbar } from './helpers';

test('Layout on a 500-spoke hub: columns of spokes that a fit shows whole, at above the minimum zoom', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openViaToolbar(page, { name: 'hub.ipsec.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(hubWithSpokes(500))) });
  await expect(page.getByTestId('gateway-HUB')).toBeVisible();
  await page.getByTestId('tb-layout').click();
  const scale = async () => Number(/matrix\(([^,]+),/.exec(await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform))?.[1] ?? 0);
  // The layout fits the view when it is done, above the canvas's minimum zoom (0.05): the whole
  // hub on screen, which one column of 500 spokes (72,000 px tall) never was.
  await expect.poll(scale, { timeout: 60_000 }).toBeGreaterThan(0.05);
  await page.screenshot({ path: test.info().outputPath('hub-500.png') });
});
