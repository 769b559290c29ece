// Screenshot baselines of the main views (fixed viewport, animations off, the engine's timing
// masked). Regenerate with `npx playwright test screenshots --update-snapshots` after a
// deliberate visual change, and look at the PNGs before committing them.
import { expect, test, type Page } from '@playwright/test';
import { openApp, untilStill } from './helpers';

const masks = (page: Page) => [page.getByTestId('engine-state'), page.locator('.toast')];

async function settle(page: Page) {
  // Wait for the toast to go and the layout to stop moving.
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
  await page.mouse.move(0, 0);
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  await openApp(page);
});

test('empty canvas with templates', async ({ page }) => {
  await expect(page).toHaveScreenshot('empty.png', { mask: masks(page) });
});

test('PAN-OS <-> ASA template: failing selector, reason, fix', async ({ page }) => {
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('result-pa-asa')).toBeVisible();
  await page.getByTestId('tunnel-pa-asa').locator('.tunnel-badge').click();
  await settle(page);
  await expect(page).toHaveScreenshot('pan-asa-results.png', { mask: masks(page) });
});

test('negotiation played to the end', async ({ page }) => {
  await page.getByTestId('template-screenos-multi-proxy-id').click();
  await page.getByTestId('panel-tab-negotiation').click();
  await page.getByTestId('player-scrub').fill('1000');
  await expect(page.getByTestId('player-finished')).toBeVisible();
  await settle(page);
  await expect(page).toHaveScreenshot('negotiation-end.png', { mask: masks(page) });
});

test('dark theme in presentation mode', async ({ page }) => {
  await page.getByTestId('template-hub-and-spoke').click();
  await settle(page);
  await page.keyboard.press('t');
  await page.keyboard.press('p');
  // Fit once presentation mode's larger type and the canvas's new size have been measured.
  await untilStill(page);
  await page.keyboard.press('f');
  await untilStill(page);
  await expect(page).toHaveScreenshot('dark-presentation.png', { mask: masks(page) });
});

test('gateway inspector and keyboard shortcuts overlay', async ({ page }) => {
  await page.getByTestId('template-full-mesh').click();
  await page.locator('.react-flow__node-gateway').first().click();
  await settle(page);
  await expect(page).toHaveScreenshot('gateway-inspector.png', { mask: masks(page) });
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page).toHaveScreenshot('help-overlay.png', { mask: masks(page) });
});

// The projector: 1280×720 in presentation mode, light and dark, the PAN-OS ↔ ASA case with its
// failing selector on the canvas.
for (const scheme of ['light', 'dark'] as const) {
  test(`presentation mode at 1280x720, ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('template-pan-asa-interop').click();
    await expect(page.getByTestId('result-pa-asa')).toBeVisible();
    await settle(page);
    if (scheme === 'dark') await page.keyboard.press('t');
    await page.keyboard.press('p');
    await untilStill(page);
    await page.keyboard.press('f');
    await untilStill(page);
    await expect(page).toHaveScreenshot(`presentation-1280-${scheme}.png`, { mask: masks(page) });
  });
}
