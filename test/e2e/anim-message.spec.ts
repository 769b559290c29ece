// The message moving along a tunnel during the negotiation player is drawn above every other
// tunnel (so it never passes under another tunnel's badge), and is big enough for a projector.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the moving message is drawn above every other tunnel and its badge, and its label is at least 13 px (18 px presenting)', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('template-hub-and-spoke').click();
  await page.getByTestId('panel-tab-negotiation').click();
  // The first tunnel is drawn first, under the others, unless the player lifts it.
  await page.getByTestId('player-scrub').fill('0.5');
  const message = page.locator('.anim-message');
  await expect(message).toHaveCount(1);
  const order = await page.evaluate(() => {
    // Each edge is its own <svg> layer: paint order is its z-index, then document order.
    const z = (e: Element) => Number(getComputedStyle(e.closest('svg')!).zIndex) || 0;
    const m = document.querySelector('.anim-message')!;
    const badges = [...document.querySelectorAll('.tunnel-badge')].filter((b) => !b.closest('.tunnel-edge')?.contains(m));
    return badges.map((b) => z(m) > z(b) || (z(m) === z(b) && Boolean(b.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)));
  });
  expect(order.length).toBeGreaterThan(0);
  expect(order.every(Boolean)).toBe(true);
  const size = () => message.locator('text').evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
  expect(await size()).toBeGreaterThanOrEqual(13);
  await page.getByTestId('tb-presentation').click();
  await expect.poll(size).toBeGreaterThanOrEqual(18);
});
