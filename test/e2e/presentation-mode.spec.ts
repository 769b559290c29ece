// Presentation mode on a 1280×720 projector: the side panels step aside (the inspector to a rail
// with its button, the panel area to its tabs, each a click or a key away), the view refits into
// the larger canvas, canvas text is at least 14 px on screen, and the toolbar keeps one row.
import { expect, test, type Page } from '@playwright/test';
import { openApp, untilStill } from './helpers';

/** The smallest on-screen size of the canvas's text: each text's computed font size times the zoom. */
async function smallestCanvasText(page: Page) {
  return page.evaluate(() => {
    const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform).a : Number.NaN;
    const texts = [...document.querySelectorAll<HTMLElement>('.react-flow__viewport *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''))
      .filter((el) => el.getClientRects().length > 0);
    const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom);
    return { zoom, count: sizes.length, smallest: Math.min(...sizes) };
  });
}

test('presentation mode at 1280x720 gives the canvas the room and text a projector can show', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  await page.getByTestId('template-pan-asa-interop').click();
  await expect(page.getByTestId('gateway-PA-HQ')).toBeVisible();
  await untilStill(page);
  const before = await page.locator('.canvas-wrap').boundingBox();

  await page.getByTestId('tb-presentation').click();
  await expect(page.locator('html.presentation')).toHaveCount(1);
  await untilStill(page);
  await page.screenshot({ path: test.info().outputPath('presentation-1280x720.png') });

  // The canvas has most of the window.
  const canvas = await page.locator('.canvas-wrap').boundingBox();
  if (!canvas || !before) throw new Error('no canvas');
  expect(canvas.width, 'canvas width').toBeGreaterThanOrEqual(1180);
  expect(canvas.height, 'canvas height').toBeGreaterThanOrEqual(560);

  // The view was fitted to it: the whole design is in the canvas and fills much of it.
  const nodes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const left = Math.min(...nodes.map((n) => n.left));
  const right = Math.max(...nodes.map((n) => n.right));
  const top = Math.min(...nodes.map((n) => n.top));
  const bottom = Math.max(...nodes.map((n) => n.bottom));
  expect(left).toBeGreaterThanOrEqual(canvas.x);
  expect(right).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(top).toBeGreaterThanOrEqual(canvas.y);
  expect(bottom).toBeLessThanOrEqual(canvas.y + canvas.height);
  expect(Math.max((right - left) / canvas.width, (bottom - top) / canvas.height), 'the drawing fills the canvas').toBeGreaterThan(0.5);

  const text = await smallestCanvasText(page);
  expect(text.count).toBeGreaterThan(5);
  expect(text.smallest, `smallest canvas text at zoom ${text.zoom.toFixed(2)}`).toBeGreaterThanOrEqual(14);

  // The toolbar is one row, every label whole.
  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  const bar = await toolbar.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    const buttons = [...el.querySelectorAll('button')];
    return {
      oneRow: buttons.every((b) => Math.abs(b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2 - middle) <= 4),
      cut: buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().height > 40).map((b) => b.textContent),
    };
  });
  expect(bar).toEqual({ oneRow: true, cut: [] });

  // The panels stepped aside but are a click away: the inspector from its rail, the results from their tab.
  const show = page.getByRole('button', { name: 'Show the inspector' });
  await expect(show).toBeVisible();
  await page.getByTestId('gateway-PA-HQ').click();
  await show.click();
  await expect(page.locator('.inspector')).toBeVisible();
  expect((await page.locator('.inspector').boundingBox())?.width).toBeGreaterThan(300);
  await expect(page.locator('.inspector input').first()).toBeVisible();
  await page.getByTestId('panel-tab-results').click();
  await expect(page.getByTestId('result-pa-asa')).toBeVisible();
  await page.screenshot({ path: '/tmp/h4/presentation-1280-open.png' });
  await page.getByRole('button', { name: 'Hide the inspector' }).click();
  await expect(show).toBeVisible();

  // Leaving presentation mode brings the panels back as they were.
  await page.getByTestId('tb-presentation').click();
  await expect(page.locator('html.presentation')).toHaveCount(0);
  await expect(page.locator('.inspector')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toHaveCount(0);
});
