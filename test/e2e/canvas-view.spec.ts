// The canvas's view after New: 100 % from the origin, whatever zoom the last document was seen at,
// so the first drop lands at its natural size and nothing overlaps.
import { expect, test, type Page } from '@playwright/test';
import { dragFromPalette, openApp } from './helpers';

async function zoom(page: Page): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  // matrix(a, b, c, d, e, f): a is the scale.
  const m = /matrix\(([^,]+),/.exec(t);
  return m ? Number(m[1]) : 1;
}

test('New after a zoomed-in document: the first drop is at 100 %', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 4 && (await zoomIn.isEnabled()); i++) await zoomIn.click();
  await expect.poll(() => zoom(page)).toBeGreaterThan(1.3);

  await page.getByTestId('tb-new').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect.poll(() => zoom(page)).toBe(1);
  await dragFromPalette(page, 'palette-panos', 300, 240);
  await expect(page.getByTestId('gateway-PA-1')).toBeVisible();
  expect(await zoom(page)).toBe(1);
  const box = await page.getByTestId('gateway-PA-1').boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  // Dropped where the mouse let go, at its natural width (220 px), not three times that.
  expect(box!.width).toBeLessThanOrEqual(240);
  expect(Math.abs(box!.x + box!.width / 2 - (pane!.x + 300))).toBeLessThan(box!.width);
});

test('Shift+click adds a gateway to the selection, and Shift+click again takes it out', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-pan-asa-interop').click();
  const pa = page.locator('.react-flow__node').filter({ has: page.getByTestId('gateway-PA-HQ') });
  const asa = page.locator('.react-flow__node').filter({ has: page.getByTestId('gateway-ASA-Branch') });
  await page.getByTestId('gateway-PA-HQ').click();
  await expect(pa).toHaveClass(/selected/);
  await page.getByTestId('gateway-ASA-Branch').click({ modifiers: ['Shift'] });
  await expect(pa).toHaveClass(/selected/);
  await expect(asa).toHaveClass(/selected/);
  await page.getByTestId('gateway-ASA-Branch').click({ modifiers: ['Shift'] });
  await expect(asa).not.toHaveClass(/selected/);
  await expect(pa).toHaveClass(/selected/);
});
